import { keySpace, perPrefix } from '../infra/keys.js';

/** The Redis keys of WeChat's push channels (Official Account, mini-program customer service). */
export const channelKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'channels');
  return {
    inbound: key('inbound', ['pushId'], 'string', '1 day', 'a message WeChat pushed, sealed, until the conversation has handled it (job data holds only its id); then `handled`, so a late retry is still ignored'),
    outbox: key('outbox', ['sendId'], 'string', '2 days', 'replies to send on a channel, sealed, with how many went out (a retry sends the rest)'),
    last: key('last', ['userKey'], 'string', '48 hours', 'the channel a person last wrote on (oa | mp): WeChat lets us answer there for 48 hours'),
    thumb: key('thumb', ['appId'], 'string', '2 days', "the media id of the mini-program card's thumbnail (temporary media lives 3 days)"),
  };
});

export type ChannelKeys = ReturnType<typeof channelKeys>;
