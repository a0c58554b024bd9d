import { keySpace, perPrefix } from '../infra/keys.js';

/** The Redis keys of conversations, whatever the channel: drafts, the per-person lock, replies already given, rate windows. */
export const conversationKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'chat');
  return {
    session: key('session', ['userKey'], 'string', 'DRAFT_TTL_DAYS after the last message', "a person's conversation and draft, sealed (answers hold names and phone numbers)"),
    lock: key(
      'lock',
      ['userKey'],
      'zset',
      '30 seconds after the last arrival or poll',
      "a person's line for their lock, across processes: token → ticket number in the order messages reached Redis; the first holds the lock (an ordering subject such as a WeChat sender's pushes has one too)",
    ),
    lockLive: key('lock-live', ['userKey'], 'hash', '30 seconds after the last arrival or poll', "token → the Redis-server time (ms) by which each ticket in the person's line must be renewed, or be dropped once first"),
    replies: key(
      'replies',
      ['userKey'],
      'hash',
      '30 minutes after the last message (an entry is ignored after 30 minutes)',
      "clientMsgId → the replies that message got, sealed: a resent message gets them again without acting twice; one key per person, so 删除我的信息 removes them all",
    ),
    seen: key('seen', ['channel', 'messageId'], 'string', '1 day', 'a channel message already handled (WeChat may deliver one twice)'),
    rate: key('rate', ['subject', 'minute'], 'string', '2 minutes after its last call', 'calls by one person or address in one minute (rate limits)'),
  };
});

export type ConversationKeys = ReturnType<typeof conversationKeys>;
