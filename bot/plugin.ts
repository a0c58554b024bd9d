import { FileBox, type FileBoxInterface } from 'file-box';
import { isSilk } from 'silk-wasm';
import type { Friendship, Message, Wechaty, WechatyPlugin } from 'wechaty';
import { types } from 'wechaty';
import type { Core } from '../core/context.js';
import type { Staff } from '../core/directory/index.js';
import type { Messenger } from '../core/infra/messenger.js';
import { renderText, type Reply } from '../core/infra/replies.js';
import { splitQuote } from '../core/infra/text.js';
import '../core/commands.js';
import { createStaffDesk, type StaffDesk } from '../core/staff/index.js';
import type { ChatService, Unreadable, VoiceAudio } from '../flows/service.js';
import { T } from '../flows/texts.js';

export interface GongyouBotOptions {
  core: Core;
  chat: ChatService;
  /**
   * Messages older than this are ignored (a login replays recent history).
   * @defaultValue 120
   */
  maxAgeSeconds?: number;
}

const FILE_TYPES = new Set([types.Message.Image, types.Message.Attachment, types.Message.Video]);
/** How WeChat writes a sticker in text; the conversation reads it as an emoji. */
const STICKER = '[表情]';
/** Notices, not something the person said to us: answering "please type" to a recall (撤回) only confuses. */
const SILENT_TYPES = new Set([types.Message.Recalled]);
/** Messages the chat cannot open, by what it asks for instead (flows/texts.ts `T.unreadable`). */
const UNREADABLE: Partial<Record<types.Message, Unreadable>> = {
  [types.Message.ChatHistory]: 'chat-record',
  [types.Message.Url]: 'link',
  [types.Message.MiniProgram]: 'mini-program',
  [types.Message.Contact]: 'card',
};

/** A person who @-mentions the bot in a group is pointed to a private chat at most once in this long. */
const GROUP_HINT_MS = 10 * 60_000;

/** User keys of WeChat contacts. */
export const wechatUserKey = (contactId: string) => `wx:${contactId}`;

/**
 * The Gongyou bot as a Wechaty plugin: guard clauses (self, group, age, recall,
 * duplicate delivery, type) → chat service → send; friend requests accepted
 * and answered with the menu. It also registers itself
 * as the messenger that reaches WeChat contacts, so queued notices go out
 * through this account.
 */
export function GongyouBot(opts: GongyouBotOptions): WechatyPlugin {
  const { core, chat } = opts;
  const maxAge = opts.maxAgeSeconds ?? 120;

  return (bot: Wechaty) => {
    const desk = createStaffDesk(core);
    const messenger = wechatMessenger(bot, core, desk);
    core.messengers.unshift(messenger);

    const onMessage = (message: Message) => {
      if (message.self()) return;
      if (message.room()) {
        answerGroup(message).catch((err: Error) => core.log.error({ module: 'bot', messageId: message.id, err }, 'group message handling failed'));
        return;
      }
      // The sender's place in line, taken as the message arrives (before anything is awaited): a burst is
      // handled in the order it came, however long each message takes to fetch or check.
      core.conversation.withLock(`in:wx:${message.talker().id}`, () => handle(message)).catch((err: Error) => {
        core.log.error({ module: 'bot', messageId: message.id, err }, 'message handling failed');
        message.talker().say('抱歉，系统出了点问题，请稍后再发一次。').catch(() => undefined);
      });
    };

    async function handle(message: Message) {
      if (message.self()) return;
      if (message.room()) return;
      if (message.age() > maxAge) return;
      if (SILENT_TYPES.has(message.type())) return;
      // The same WeChat message delivered twice is handled once.
      if (!(await core.conversation.firstDelivery('wx', message.id))) return;

      const talker = message.talker();
      const userKey = wechatUserKey(talker.id);
      let replies: Reply[];
      // A reply quoting an earlier message (引用) comes with the quote in its text: what was typed is the message;
      // the quote may name the case a staff member means (`接单` quoting the notice).
      const { said, quoted } = splitQuote(message.text());
      const staffAnswer = message.type() === types.Message.Text ? await desk.handle(userKey, said, quoted) : null;
      if (staffAnswer !== null) {
        replies = [{ type: 'text', text: staffAnswer }];
      } else if (message.type() === types.Message.Text) {
        replies = await chat.handle(userKey, { kind: 'text', text: said });
      } else if (FILE_TYPES.has(message.type())) {
        const box = await message.toFileBox();
        replies = await chat.handle(userKey, {
          kind: 'file',
          meta: { name: box.name || 'file', mediaType: box.mediaType, size: box.size > 0 ? box.size : 0 },
          load: () => box.toBuffer(),
        });
      } else if (message.type() === types.Message.Audio) {
        // A voice message: kept for staff to listen to and call back (wechat4u gives mp3, other puppets SILK).
        replies = await chat.handle(userKey, { kind: 'voice', audio: await voiceOf(await message.toFileBox()) });
      } else if (message.type() === types.Message.Emoticon) {
        // A sticker is small talk, as WeChat itself shows it in text: a short reply, then the pending question.
        replies = await chat.handle(userKey, { kind: 'text', text: STICKER });
      } else if (message.type() === types.Message.Location) {
        // The nearest service points, or in the middle of a form words asked for (flows/service.ts). Read from the
        // puppet: wechaty's own message.toLocation() throws (it builds its Location class directly, wechaty 1.20).
        const at = await bot.puppet.messageLocation(message.id).catch(() => null);
        replies = at
          ? await chat.handle(userKey, { kind: 'location', latitude: at.latitude, longitude: at.longitude, label: at.name || at.address })
          : await chat.handle(userKey, { kind: 'unreadable', what: 'location' });
      } else {
        // A forwarded chat record, a link, a card…: what to send instead, and the question again (nothing stored).
        replies = await chat.handle(userKey, { kind: 'unreadable', what: UNREADABLE[message.type()] ?? 'other' });
      }
      for (const reply of replies) await sendReply(talker, reply);
    }

    /**
     * In a WeChat group the bot answers only someone who @-mentions it, and only with where to talk privately
     * (T.groupMention, the person @-mentioned back): the whole group reads what is said there. Nothing of the
     * message is read beyond the mention, stored or logged. Once per person and group in ten minutes, so a
     * group that keeps mentioning the bot is not flooded.
     */
    async function answerGroup(message: Message) {
      const room = message.room();
      if (!room || message.age() > maxAge || message.type() !== types.Message.Text) return;
      if (!(await message.mentionSelf())) return;
      if (!(await core.conversation.firstDelivery('wx', message.id))) return;
      const talker = message.talker();
      const window = Math.floor(core.clock.now().getTime() / GROUP_HINT_MS);
      if (!(await core.conversation.firstDelivery('wx-group-hint', `${room.id}:${talker.id}:${window}`))) return;
      await room.say(T.groupMention, talker);
      core.log.info({ module: 'bot', messageId: message.id }, 'group mention answered');
    }

    /**
     * A worker reaches this account by adding it as a friend: the request is accepted and the menu sent, so
     * the first thing they see is what we can do. Only ids are logged (the request's words may name someone).
     */
    const onFriendship = (friendship: Friendship) => {
      if (friendship.type() !== types.Friendship.Receive) return;
      (async () => {
        await friendship.accept();
        const contact = friendship.contact();
        for (const reply of chat.welcome) await sendReply(contact, reply);
        core.log.info({ module: 'bot', friendshipId: friendship.id }, 'friend request accepted');
      })().catch((err: Error) => core.log.error({ module: 'bot', friendshipId: friendship.id, err }, 'friend request failed'));
    };

    bot.on('message', onMessage);
    bot.on('friendship', onFriendship);
    return () => {
      bot.off('message', onMessage);
      bot.off('friendship', onFriendship);
      const i = core.messengers.indexOf(messenger);
      if (i >= 0) core.messengers.splice(i, 1);
    };
  };
}

/** A voice message's sound as the chat takes it: SILK told by its header, the rest by the file's name and type. */
async function voiceOf(box: FileBoxInterface): Promise<VoiceAudio> {
  const bytes = await box.toBuffer();
  const name = box.name.toLowerCase();
  const type = box.mediaType ?? '';
  const format: VoiceAudio['format'] = isSilk(bytes)
    ? 'silk'
    : name.endsWith('.mp3') || type === 'audio/mpeg' || type === 'audio/mp3'
      ? 'mp3'
      : name.endsWith('.amr') || type === 'audio/amr'
        ? 'amr'
        : name.endsWith('.wav') || type === 'audio/wav'
          ? 'wav'
          : name.endsWith('.silk') || name.endsWith('.sil') || type === 'audio/silk'
            ? 'silk'
            : 'unknown';
  return { format, load: async () => bytes };
}

async function sendReply(to: { say(x: string | FileBox): Promise<unknown> }, reply: Reply) {
  if (reply.type === 'image' && reply.url.startsWith('data:')) {
    await to.say(FileBox.fromDataURL(reply.url, `${reply.alt || 'image'}.png`));
    return;
  }
  await to.say(renderText(reply));
}

/** Reaches WeChat contacts through this bot account. */
function wechatMessenger(bot: Wechaty, core: Core, desk: StaffDesk): Messenger {
  return {
    canReachUser: (userKey) => userKey.startsWith('wx:') && bot.isLoggedIn,
    canReachStaff: () => bot.isLoggedIn,
    async sendToUser(userKey, replies) {
      const contact = await bot.Contact.find({ id: userKey.slice(3) });
      if (!contact) throw new Error(`WeChat contact of ${userKey} not found`);
      for (const r of replies) await sendReply(contact, r);
    },
    async sendToStaff(staff: Staff, replies) {
      // The contact that bound itself (绑定) wins; otherwise the directory's display name.
      const bound = await desk.bindings.userOf(staff.id);
      const contact =
        (bound?.startsWith('wx:') ? await bot.Contact.find({ id: bound.slice(3) }) : undefined) ??
        (await bot.Contact.find({ name: staff.wechat }));
      if (!contact) {
        // Not a friend of this account (yet): keep it readable in the staff inbox.
        core.log.warn({ staffId: staff.id }, 'staff WeChat contact not found; notice kept in staff inbox');
        await core.inbox.push(`staff:${staff.id}`, replies);
        return;
      }
      for (const r of replies) await sendReply(contact, r);
    },
  };
}
