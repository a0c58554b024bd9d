/*
 * Test fixture: a real Wechaty running plugins on wechaty-puppet-mock.
 *
 * How the mock puppet works (wechaty 1.20.2, wechaty-puppet 1.21, wechaty-puppet-mock 1.19.4),
 * and what this fixture does about it:
 *
 * - Nothing happens by itself. The Mocker holds every contact/room/message payload in memory;
 *   a "user" is a ContactMock. mocker.createContact({ name }) fills the other fields with faker
 *   data. mocker.login(contact) makes that contact the bot account. We log in a contact named
 *   "工友" (option botName) and wait for the bot's 'login' event before returning.
 * - The mock never emits 'ready', so bot.ready() would hang. We emit it after login.
 * - bot.Contact.find({ name }) -> puppet.contactSearch -> contactList() (every mocker contact,
 *   including the bot itself) filtered by exact payload.name (a RegExp works too). Contacts made
 *   after start are found too, because contactList() reads the mocker's map each time.
 * - contact.say(x).to(other) builds the message synchronously: MessageMock.create() emits a
 *   'message' event (with the MessageMock) on the talker and listener ContactMocks, then the
 *   puppet emits 'message'. Wechaty handles that asynchronously (Message.find() awaits the
 *   payload), so plugin handlers run a few microtasks later. say()/sendFile() here resolve once
 *   the bot has emitted 'message' for that exact message. At that point the sync part of every
 *   plugin handler has run, but whatever the handlers await has not. So check replies with
 *   waitFor(), not inbox().
 * - What the bot sends travels the same way: contact.say()/message.say() ->
 *   puppet.messageSendText/File -> botUser.say(x).to(contact). So (1) the bot gets every message
 *   it sends back as a 'message' event with message.self() === true. Plugins must ignore
 *   self-messages, or they answer themselves. (2) The reply is recorded (via the bot
 *   ContactMock's 'message' event) before the bot's say() promise resolves. (3) say() resolves
 *   to undefined, because the mock returns no message id.
 * - Files travel as FileBox JSON (mocker.cacheFileBoxPayload, keyed by message id).
 *   puppet.messageFile(id) rebuilds them with FileBox.fromJSON, which is what
 *   message.toFileBox() returns. FileBox.toJSON() only works for base64/url/qrcode/uuid boxes, so
 *   the stock mock throws on FileBox.fromBuffer/fromFile/fromStream, both when a contact sends
 *   one and when the bot sends one. The fixture turns such boxes into base64 (same name) in
 *   sendFile() and in a patched puppet.messageSendFile. Url boxes are passed on as they are and
 *   never fetched.
 * - The stock mock picks the message type from mediaType or extension, and only knows jpg/png
 *   (Image), mp4 (Video), silk (Audio). Everything else, .pdf/.txt/.docx included, becomes
 *   Unknown, because it compares the mime type "application/pdf" against ".pdf". sendFile()
 *   builds the message itself instead: image/* -> Image, video/* -> Video, audio/silk or .silk ->
 *   Audio, anything else -> Attachment. Pass an explicit type to override.
 * - The stock puppet.messageImage() (behind message.toImage().artwork()/hd()/thumbnail())
 *   returns a fake QR code. It is patched to return the real file, like message.toFileBox().
 * - Memory card: WechatyBuilder.build({ name }) makes a file-backed MemoryCard at
 *   "<cwd>/<name>.memory-card.json". Without a name (and without `memory`), the card has no
 *   storage and stays in memory. So never pass `name`. WECHATY_NAME is not read by the builder.
 *   No network: Io only starts with an ioToken, and mock avatars are URL strings that are never
 *   fetched.
 * - Stopping: bot.stop() stops the puppet. The puppet emits 'logout', and Wechaty clears its
 *   keep-alive interval in a setImmediate. stop() waits for that, and rejects any pending
 *   waitFor.
 * - Contact mocks belong to one Mocker, so every startMockWechaty() is isolated. What the bot says
 *   in a group is recorded under `room:<topic>` (room()/sayInRoom() make a group and talk in it;
 *   the mock keeps a message's mentionIdList, which is what message.mentionSelf() reads).
 * - A plugin's async 'message' handler that throws is not caught by Wechaty and does not reach
 *   bot 'error' (the errors list). It becomes an unhandledRejection, which vitest reports as a
 *   failed run. Errors Wechaty itself hits (payload lookups, etc.) go to `errors` and show up
 *   in waitFor failures.
 * - waitFor() matches text only and waitForFile() matches file names only. Each has its own
 *   cursor per contact, so "text then file" and "file then text" can be awaited in any order.
 * - Types: ContactMock is an EventEmitter at runtime. Under "module": "NodeNext", though, its
 *   typed-emitter base type resolves to nothing useful, so TS sees no on/off (see onMessage()).
 */
import { WechatyBuilder, types, type Wechaty, type WechatyPlugin, type Message } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { FileBox, type FileBoxInterface } from 'file-box';
import type { EventEmitter } from 'node:events';

export type ContactMock = mock.ContactMock;
export type RoomMock = mock.RoomMock;
type MessageMock = mock.MessageMock;

export type InboxText = { type: 'text'; text: string };
export type InboxFile = { type: 'file'; name: string; mediaType?: string; size?: number };
export type InboxMessage = InboxText | InboxFile;

export interface MockWechatOptions {
  /** Display name of the logged-in bot account. Default "工友". */
  botName?: string;
  /** Default timeout for waitFor/waitForFile/say. Default 5000 ms. */
  timeoutMs?: number;
}

export interface MockWechat {
  bot: Wechaty;
  mocker: mock.Mocker;
  puppet: PuppetMock;
  /** The bot's own account, as a ContactMock. */
  botUser: ContactMock;
  /** Errors the bot emitted ('error' event), in order. */
  errors: Error[];
  /** Create (or get back) a contact with this display name. Wechaty finds it with Contact.find({ name }). */
  contact(name: string): ContactMock;
  /** `from` sends text to the bot. Resolves once the bot has dispatched the message to its plugins. */
  say(from: ContactMock, text: string): Promise<void>;
  /** A group chat with this topic, the bot and `members` in it. What the bot says there is awaited as `room:<topic>`. */
  room(topic: string, members: ContactMock[]): RoomMock;
  /** `from` says `text` in the group `room`, @-mentioning `mentions`. Resolves once the bot has dispatched it. */
  sayInRoom(from: ContactMock, room: RoomMock, text: string, mentions?: ContactMock[]): Promise<void>;
  /** `from` sends an image or file to the bot. Resolves once the bot has dispatched it. */
  sendFile(from: ContactMock, file: FileBoxInterface, type?: types.Message): Promise<void>;
  /** Everything the bot has sent to that contact so far, in order (a copy). */
  inbox(name: string): InboxMessage[];
  /** The FileBoxes the bot has sent to that contact, in order (to check content). */
  sentFiles(name: string): FileBoxInterface[];
  /**
   * Wait for the first text message to `name` after the last waitFor() match for that contact
   * (messages already received count) whose text matches `pattern`. The text cursor moves past
   * it. Rejects with the list of what arrived if nothing matches in time.
   */
  waitFor(name: string, pattern: RegExp, timeoutMs?: number): Promise<InboxText>;
  /** Like waitFor, for files (matched on file name), with its own cursor. */
  waitForFile(name: string, pattern: RegExp, timeoutMs?: number): Promise<InboxFile>;
  /** Stop the bot. Pending waits are rejected. */
  stop(): Promise<void>;
}

interface Waiter {
  kind: 'text' | 'file';
  pattern: RegExp;
  resolve: (m: InboxMessage) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Box {
  messages: InboxMessage[];
  files: FileBoxInterface[];
  textCursor: number;
  fileCursor: number;
  waiters: Waiter[];
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * ContactMock is a Node EventEmitter at runtime, but under "module": "NodeNext" its
 * `typed-emitter` default type import resolves to the CJS module namespace, so TS sees no on/off.
 */
function onMessage(contact: ContactMock, listener: (msg: MessageMock) => void): () => void {
  const emitter = contact as unknown as EventEmitter;
  emitter.on('message', listener);
  return () => emitter.off('message', listener);
}

function matches(m: InboxMessage, kind: 'text' | 'file', pattern: RegExp): boolean {
  if (m.type !== kind) return false;
  pattern.lastIndex = 0;
  return pattern.test(m.type === 'text' ? m.text : m.name);
}

function describe(m: InboxMessage): string {
  if (m.type === 'text') return `[text] ${JSON.stringify(m.text)}`;
  const extra = [m.mediaType, m.size !== undefined ? `${m.size} B` : undefined].filter(Boolean);
  return `[file] ${m.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** FileBox.toJSON() only works for base64/url/qrcode/uuid. Buffer/file/stream boxes become base64. */
async function serializable(file: FileBoxInterface): Promise<FileBoxInterface> {
  try {
    file.toJSON();
    return file;
  } catch {
    return FileBox.fromBase64(await file.toBase64(), file.name);
  }
}

function messageTypeOf(file: FileBoxInterface): types.Message {
  const mediaType = file.mediaType ?? '';
  const lower = file.name.toLowerCase();
  if (mediaType.startsWith('image/')) return types.Message.Image;
  if (mediaType.startsWith('video/')) return types.Message.Video;
  if (mediaType === 'audio/silk' || lower.endsWith('.silk') || lower.endsWith('.sil')) return types.Message.Audio;
  return types.Message.Attachment;
}

let seq = 0;

export async function startMockWechaty(
  plugins: WechatyPlugin[],
  options: MockWechatOptions = {},
): Promise<MockWechat> {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  // No `name`: keeps the MemoryCard in memory (a name would write <cwd>/<name>.memory-card.json).
  const bot = WechatyBuilder.build({ puppet });

  const errors: Error[] = [];
  const boxes = new Map<string, Box>();
  const contacts = new Map<string, ContactMock>();
  const dispatched = new Set<string>();
  const dispatchWaiters = new Map<string, { done: () => void; fail: (e: Error) => void }>();
  let stopped = false;

  const boxOf = (name: string): Box => {
    let box = boxes.get(name);
    if (!box) {
      box = { messages: [], files: [], textCursor: 0, fileCursor: 0, waiters: [] };
      boxes.set(name, box);
    }
    return box;
  };

  /** Make `from` send `file` to `conversation`, like ContactMock.say(file).to(), with a sane type. */
  const deliverFile = (
    from: ContactMock,
    conversation: ContactMock | RoomMock,
    file: FileBoxInterface,
    type: types.Message,
  ): string => {
    const id = `mockmsg-${process.pid}-${++seq}`;
    mocker.cacheFileBoxPayload.set(id, file.toJSON());
    const base = { id, talkerId: from.id, timestamp: Date.now(), type };
    const payload =
      conversation instanceof mocker.RoomMock
        ? { ...base, roomId: conversation.id, mentionIdList: [] }
        : { ...base, listenerId: conversation.id };
    mocker.MessageMock.create(payload);
    puppet.emit('message', { messageId: id });
    return id;
  };

  // --- patches (see the comment at the top) ---
  puppet.messageSendFile = async (conversationId: string, file: FileBoxInterface): Promise<void> => {
    if (!puppet.isLoggedIn) throw new Error('not logged in');
    const user = mocker.ContactMock.load(puppet.currentUserId);
    const conversation = conversationId.includes('@')
      ? mocker.RoomMock.load(conversationId)
      : mocker.ContactMock.load(conversationId);
    const box = await serializable(file);
    deliverFile(user, conversation, box, messageTypeOf(box));
  };
  puppet.messageImage = async (messageId: string): Promise<FileBoxInterface> => puppet.messageFile(messageId);

  bot.on('error', (e: Error) => {
    errors.push(e);
  });

  bot.use(...plugins);

  // Registered after the plugins: when this runs, their 'message' handlers have been called.
  bot.on('message', (msg: Message) => {
    dispatched.add(msg.id);
    const waiter = dispatchWaiters.get(msg.id);
    if (waiter) {
      dispatchWaiters.delete(msg.id);
      waiter.done();
    }
  });

  await bot.start();

  const botUser = mocker.createContact({ name: options.botName ?? '工友' });
  const loggedIn = new Promise<void>((resolve) => bot.once('login', () => resolve()));
  mocker.login(botUser);
  await loggedIn;
  puppet.emit('ready', { data: 'mock ready' });
  await bot.ready();

  // Record everything the bot account sends to a contact (under its name) or a group (under `room:<topic>`).
  onMessage(botUser, (msg) => {
    const p = msg.payload;
    if (p.talkerId !== botUser.id) return;
    let boxName: string;
    if (p.roomId) boxName = `room:${mocker.RoomMock.load(p.roomId).payload.topic}`;
    else if (p.listenerId) boxName = mocker.ContactMock.load(p.listenerId).payload.name;
    else return;
    const box = boxOf(boxName);
    let record: InboxMessage;
    const json = mocker.cacheFileBoxPayload.get(p.id);
    if (p.type === types.Message.Text || !json) {
      record = { type: 'text', text: p.text ?? '' };
    } else {
      const file = FileBox.fromJSON(json);
      record = { type: 'file', name: file.name };
      if (file.mediaType) record.mediaType = file.mediaType;
      if (file.size >= 0) record.size = file.size;
      box.files.push(file);
    }
    box.messages.push(record);
    flush(box);
  });

  /** Hand newly arrived messages to pending waiters, oldest waiter first. */
  function flush(box: Box): void {
    for (const w of [...box.waiters]) {
      const cursorKey = w.kind === 'text' ? 'textCursor' : 'fileCursor';
      for (let i = box[cursorKey]; i < box.messages.length; i++) {
        const m = box.messages[i]!;
        if (matches(m, w.kind, w.pattern)) {
          box[cursorKey] = i + 1;
          clearTimeout(w.timer);
          box.waiters.splice(box.waiters.indexOf(w), 1);
          w.resolve(m);
          break;
        }
      }
    }
  }

  function report(name: string, box: Box, kind: 'text' | 'file'): string {
    const lines: string[] = [];
    const messages = box.messages;
    if (messages.length === 0) {
      lines.push(`  (nothing was sent to ${JSON.stringify(name)})`);
    } else {
      const cursor = kind === 'text' ? box.textCursor : box.fileCursor;
      messages.forEach((m, i) => {
        const seen = m.type === kind && i < cursor ? ' (already consumed)' : '';
        lines.push(`  ${i + 1}. ${describe(m)}${seen}`);
      });
    }
    const others = [...boxes.entries()].filter(([n, b]) => n !== name && b.messages.length > 0);
    if (others.length) {
      lines.push('Other contacts that got messages:');
      for (const [n, b] of others) lines.push(`  ${n}: ${b.messages.map(describe).join(' | ')}`);
    }
    if (errors.length) {
      lines.push('Bot errors:');
      for (const e of errors) lines.push(`  ${e.message}`);
    }
    return lines.join('\n');
  }

  function wait<K extends 'text' | 'file'>(
    kind: K,
    name: string,
    pattern: RegExp,
    timeoutMs: number,
  ): Promise<K extends 'text' ? InboxText : InboxFile> {
    type R = K extends 'text' ? InboxText : InboxFile;
    if (stopped) return Promise.reject(new Error('MockWechat already stopped'));
    const box = boxOf(name);
    return new Promise<R>((resolve, reject) => {
      const fn = kind === 'text' ? 'waitFor' : 'waitForFile';
      const waiter: Waiter = {
        kind,
        pattern,
        resolve: (m) => resolve(m as R),
        reject,
        timer: setTimeout(() => {
          box.waiters.splice(box.waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `${fn}(${JSON.stringify(name)}, ${pattern}) timed out after ${timeoutMs} ms. ` +
                `Bot sent to ${JSON.stringify(name)}:\n${report(name, box, kind)}`,
            ),
          );
        }, timeoutMs),
      };
      box.waiters.push(waiter);
      flush(box);
    });
  }

  function waitDispatched(id: string): Promise<void> {
    if (dispatched.has(id)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        dispatchWaiters.delete(id);
        const errs = errors.map((e) => `\n  ${e.message}`).join('');
        reject(new Error(`bot did not emit 'message' for ${id} within ${defaultTimeout} ms.${errs ? ` Bot errors:${errs}` : ''}`));
      }, defaultTimeout);
      dispatchWaiters.set(id, {
        done: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  function contact(name: string): ContactMock {
    if (name === botUser.payload.name) return botUser;
    let c = contacts.get(name);
    if (!c) {
      c = mocker.createContact({ name, alias: undefined, friend: true });
      contacts.set(name, c);
    }
    return c;
  }

  async function say(from: ContactMock, text: string): Promise<void> {
    if (stopped) throw new Error('MockWechat already stopped');
    let id: string | undefined;
    const grab = (m: MessageMock) => {
      id ??= m.id;
    };
    const off = onMessage(from, grab);
    try {
      from.say(text).to(botUser);
    } finally {
      off();
    }
    if (!id) throw new Error('mock did not create a message');
    await waitDispatched(id);
  }

  function room(topic: string, members: ContactMock[]): RoomMock {
    return mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((m) => m.id)] });
  }

  async function sayInRoom(from: ContactMock, r: RoomMock, text: string, mentions: ContactMock[] = []): Promise<void> {
    if (stopped) throw new Error('MockWechat already stopped');
    let id: string | undefined;
    const off = onMessage(from, (m) => {
      id ??= m.id;
    });
    try {
      from.say(text, mentions).to(r);
    } finally {
      off();
    }
    if (!id) throw new Error('mock did not create a message');
    await waitDispatched(id);
  }

  async function sendFile(from: ContactMock, file: FileBoxInterface, type?: types.Message): Promise<void> {
    if (stopped) throw new Error('MockWechat already stopped');
    const box = await serializable(file);
    const id = deliverFile(from, botUser, box, type ?? messageTypeOf(box));
    await waitDispatched(id);
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    for (const box of boxes.values()) {
      for (const w of box.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new Error('MockWechat stopped while waiting'));
      }
    }
    for (const w of dispatchWaiters.values()) w.fail(new Error('MockWechat stopped while waiting'));
    dispatchWaiters.clear();
    await bot.stop();
    // Wechaty and the mocker clean up in setImmediate callbacks; let them run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  return {
    bot,
    mocker,
    puppet,
    botUser,
    errors,
    contact,
    say,
    room,
    sayInRoom,
    sendFile,
    inbox: (name) => [...(boxes.get(name)?.messages ?? [])],
    sentFiles: (name) => [...(boxes.get(name)?.files ?? [])],
    waitFor: (name, pattern, timeoutMs = defaultTimeout) => wait('text', name, pattern, timeoutMs),
    waitForFile: (name, pattern, timeoutMs = defaultTimeout) => wait('file', name, pattern, timeoutMs),
    stop,
  };
}
