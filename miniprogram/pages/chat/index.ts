import { api, clientConfig, messageOf, session, type HistoryBody, type HistoryItemBody, type ReplyBody } from '../../utils/api';
import { config } from '../../config';
import { showable } from '../../utils/images';
import { MOMENT_TEXT, momentOf, type Moment } from '../../utils/moments';
import { takeQueued } from '../../utils/outbox';
import { toastError, type Tap } from '../../utils/page';

/**
 * 对话: the same conversation as in WeChat and the web chat. On open it
 * shows the history (or, when there is none, the welcome; nothing is sent
 * for the person), earlier messages on pull-down, and asks for what came
 * since every few seconds while the page is shown.
 */

export interface Option {
  label: string;
  value: string;
}

export interface Bubble {
  /** Unique, starts with a letter (also the element id to scroll to). */
  key: string;
  side: 'me' | 'bot' | 'notice';
  kind: 'text' | 'image';
  text: string;
  src: string;
  options: Option[];
  /** Shown before the server has it in the history. */
  pending: boolean;
}

interface ChatState {
  /** Smallest and largest seq shown. */
  first: number;
  last: number;
  timer: number | null;
  syncing: boolean;
  counter: number;
  /** A finger on the chat: what the history brings back waits for it to lift (`whenUntouched`). */
  touching: boolean;
  touchTimer: number | null;
  untouched: (() => void)[];
  /**
   * A bubble shown before the server had it → the history's copy that replaced it: a tap on its
   * options decided on the old one (WeChat sends the tap after the release) still counts.
   */
  replaced: Map<string, string>;
}

const states = new WeakMap<object, ChatState>();
function st(page: object): ChatState {
  let s = states.get(page);
  if (!s) {
    s = { first: 0, last: 0, timer: null, syncing: false, counter: 0, touching: false, touchTimer: null, untouched: [], replaced: new Map() };
    states.set(page, s);
  }
  return s;
}

/**
 * WeChat's speech plugin (WechatSI, declared in app.json): hold to talk, the
 * words it hears go into the input box for the person to check and send.
 */
interface RecognitionManager {
  start(opts: { lang: string; duration: number }): void;
  stop(): void;
  onStart: (() => void) | null;
  onRecognize: ((res: { result?: string }) => void) | null;
  onStop: ((res: { result?: string }) => void) | null;
  onError: ((res: { retcode?: number; msg?: string }) => void) | null;
}

/** The plugin's recognition manager, or null where the plugin is not there (an old WeChat, DevTools without it). */
function speechManager(): RecognitionManager | null {
  try {
    if (typeof requirePlugin !== 'function') return null;
    const m = requirePlugin('WechatSI')?.getRecordRecognitionManager?.() as RecognitionManager | undefined;
    return m ?? null;
  } catch {
    return null;
  }
}

const SPEECH_TEXT = {
  notHeard: '没听清，请再说一次，或者直接打字',
  noMicrophone: '需要允许使用麦克风才能说话，也可以直接打字',
  tooLong: '一次最多说60秒，请分几次说，或者直接打字',
};

const managers = new WeakMap<object, RecognitionManager>();

async function bubblesOf(key: string, side: Bubble['side'], replies: readonly ReplyBody[], pending: boolean): Promise<Bubble[]> {
  const out: Bubble[] = [];
  for (let i = 0; i < replies.length; i++) {
    const r = replies[i]!;
    if (r.type === 'text') {
      out.push({ key: `${key}-${i}`, side, kind: 'text', text: r.text, src: '', options: r.options ?? [], pending });
    } else {
      out.push({ key: `${key}-${i}`, side, kind: 'image', text: r.alt, src: await showable(r.url, 'chat'), options: [], pending });
    }
  }
  return out;
}

async function itemsToBubbles(items: readonly HistoryItemBody[]): Promise<Bubble[]> {
  const all: Bubble[] = [];
  for (const it of items) all.push(...(await bubblesOf(`s${it.seq}`, it.from === 'user' ? 'me' : it.from === 'bot' ? 'bot' : 'notice', it.replies, false)));
  return all;
}

/** The bubble whose options can still be tapped: the newest with options, with nothing from the person after it. */
const sameLabels = (a: readonly Option[], b: readonly Option[]) => a.length === b.length && a.every((o, i) => o.label === b[i]!.label);

function activeKeyOf(bubbles: readonly Bubble[]): string {
  for (let i = bubbles.length - 1; i >= 0; i--) {
    const b = bubbles[i]!;
    if (b.side === 'me') return '';
    if (b.options.length) return b.key;
  }
  return '';
}

Component({
  data: {
    bubbles: [] as Bubble[],
    activeKey: '',
    draft: '',
    sending: false,
    more: false,
    refreshing: false,
    ready: false,
    error: '',
    scrollTo: '',
    prompt: null as null | { moment: Moment; text: string; tmplIds: string[] },
    /** The speech plugin is there: the voice button is shown. */
    canTalk: false,
    /** Hold-to-talk shown in place of the keyboard. */
    voiceMode: false,
    /** A finger is on 按住 说话; `heard` is what the plugin has made of it so far. */
    talking: false,
    heard: '',
  },

  methods: {
    onLoad() {
      this.setUpSpeech();
      void this.open();
    },

    setUpSpeech() {
      const m = speechManager();
      if (!m) return;
      managers.set(this, m);
      m.onRecognize = (res) => {
        if (this.data.talking) this.setData({ heard: res.result ?? '' });
      };
      m.onStop = (res) => {
        const text = (res.result ?? '').trim();
        this.setData({ talking: false, heard: '' });
        if (!text) {
          wx.showToast({ title: SPEECH_TEXT.notHeard, icon: 'none', duration: 2500 });
          return;
        }
        // Into the input box, after anything already typed, for the person to check and send.
        this.setData({ draft: this.data.draft ? `${this.data.draft}${text}` : text, voiceMode: false });
      };
      m.onError = (res) => {
        this.setData({ talking: false, heard: '' });
        const msg = res.msg ?? '';
        const title = /auth|authorize|permission|权限/i.test(msg) ? SPEECH_TEXT.noMicrophone : res.retcode === -30006 ? SPEECH_TEXT.tooLong : SPEECH_TEXT.notHeard;
        wx.showToast({ title, icon: 'none', duration: 2500 });
      };
      this.setData({ canTalk: true });
    },

    /** 语音 / 键盘: hold-to-talk in place of the input box, and back. */
    onVoiceMode() {
      if (!this.data.canTalk) return;
      this.setData({ voiceMode: !this.data.voiceMode });
    },

    onTalkStart() {
      const m = managers.get(this);
      if (!m || !this.data.ready || this.data.talking) return;
      this.setData({ talking: true, heard: '' });
      try {
        m.start({ lang: 'zh_CN', duration: 60000 });
      } catch {
        this.setData({ talking: false });
        wx.showToast({ title: SPEECH_TEXT.notHeard, icon: 'none', duration: 2500 });
      }
    },

    onTalkEnd() {
      const m = managers.get(this);
      if (!m || !this.data.talking) return;
      try {
        m.stop();
      } catch {
        this.setData({ talking: false, heard: '' });
      }
    },

    onShow() {
      this.startPolling();
      // Back on the tab: what came meanwhile, then what another page asked to send.
      if (this.data.ready && !this.data.sending) {
        void this.sync();
        this.flushQueued();
      }
    },

    /** A message another page queued (预约律师 QX…, 改约 YY…): sent once the chat is open. */
    flushQueued() {
      const queued = takeQueued();
      if (queued) void this.sendText(queued);
    },

    onHide() {
      this.stopPolling();
    },

    onUnload() {
      this.stopPolling();
      const m = managers.get(this);
      if (m) {
        if (this.data.talking) m.stop();
        m.onRecognize = m.onStop = m.onError = null;
        managers.delete(this);
      }
    },

    /** Sign in and show the latest page of the history (or the welcome). */
    async open() {
      const s = st(this);
      this.setData({ error: '' });
      try {
        await session();
        const h = await api.history({ limit: config.historyPage });
        s.first = h.items[0]?.seq ?? 0;
        s.last = h.last;
        const bubbles = h.items.length ? await itemsToBubbles(h.items) : await bubblesOf('w', 'bot', h.welcome, false);
        this.show(bubbles, { more: h.items.length > 0 && h.more, ready: true });
        this.flushQueued();
      } catch (err) {
        this.setData({ error: messageOf(err), ready: false });
        toastError(err);
      }
    },

    onRetry() {
      void this.open();
    },

    show(bubbles: Bubble[], extra: WechatMiniprogram.IAnyObject = {}, scroll = true) {
      const last = bubbles[bubbles.length - 1];
      this.setData({
        bubbles,
        activeKey: activeKeyOf(bubbles),
        ...(scroll && last ? { scrollTo: last.key } : {}),
        ...extra,
      });
    },

    startPolling() {
      const s = st(this);
      if (s.timer !== null) return;
      s.timer = setInterval(() => {
        if (this.data.ready && !this.data.sending) void this.sync();
      }, config.pollMs);
    },

    stopPolling() {
      const s = st(this);
      if (s.timer !== null) clearInterval(s.timer);
      s.timer = null;
    },

    /** What came after the last seq shown; it replaces the bubbles shown while pending. */
    async sync() {
      const s = st(this);
      if (s.syncing) return;
      s.syncing = true;
      try {
        let fresh: HistoryItemBody[] = [];
        for (let page = 0; page < 10; page++) {
          const h: HistoryBody = await api.history({ after: s.last, limit: config.historyPage });
          const items = h.items.filter((i) => i.seq > s.last);
          fresh = fresh.concat(items);
          if (items.length) s.last = items[items.length - 1]!.seq;
          if (!h.more || !items.length) break;
        }
        if (!fresh.length) return;
        if (!s.first) s.first = fresh[0]!.seq;
        const added = await itemsToBubbles(fresh);
        // Replacing the bubbles under a finger would lose its tap (the chip pressed is gone when it lifts).
        await this.whenUntouched();
        // Only the chips just replaced can still be tapped (older ones are spent anyway).
        s.replaced.clear();
        const pending = this.data.bubbles.filter((b) => b.pending);
        for (const b of pending) {
          if (!b.options.length) continue;
          const copy = added.find((n) => n.side === b.side && n.text === b.text && sameLabels(n.options, b.options));
          if (copy) s.replaced.set(b.key, copy.key);
        }
        const kept = this.data.bubbles.filter((b) => !b.pending);
        this.show(kept.concat(added));
      } catch {
        // Polling again in a few seconds; nothing to tell the person.
      } finally {
        s.syncing = false;
      }
    },

    /** Pull-down on the message list: the page before the first message shown. */
    async onEarlier() {
      const s = st(this);
      if (!this.data.more || !s.first) {
        this.setData({ refreshing: false, more: false });
        return;
      }
      try {
        const h = await api.history({ before: s.first, limit: config.historyPage });
        if (h.items.length) s.first = h.items[0]!.seq;
        this.show((await itemsToBubbles(h.items)).concat(this.data.bubbles), { more: h.more && h.items.length > 0, refreshing: false }, false);
      } catch (err) {
        this.setData({ refreshing: false });
        toastError(err);
      }
    },

    onInput(e: WechatMiniprogram.Input) {
      this.setData({ draft: e.detail.value });
    },

    /** The 发送 button, or the keyboard's send key (the box's `confirm`, which carries what is in the box). */
    onSend(e?: { detail?: { value?: unknown } }) {
      const typed = e?.detail?.value;
      const text = typeof typed === 'string' ? typed : this.data.draft;
      if (!text.trim() || this.data.sending) return;
      this.setData({ draft: '' });
      void this.sendText(text);
    },

    /** A tapped option sends its label (the bot takes a number or an exact label). */
    onOption(e: Tap<{ key: string; label: string }>) {
      const { key, label } = e.currentTarget.dataset;
      const now = st(this).replaced.get(key) ?? key;
      if (now !== this.data.activeKey || this.data.sending) return;
      void this.sendText(label);
    },

    onTouchStart() {
      const s = st(this);
      s.touching = true;
      // A release the page never hears of holds nothing up for long.
      if (s.touchTimer !== null) clearTimeout(s.touchTimer);
      s.touchTimer = setTimeout(() => this.onTouchEnd(), 5000) as unknown as number;
    },

    onTouchEnd() {
      const s = st(this);
      s.touching = false;
      for (const go of s.untouched.splice(0)) go();
    },

    whenUntouched(): Promise<void> {
      const s = st(this);
      return s.touching ? new Promise((resolve) => s.untouched.push(resolve)) : Promise.resolve();
    },

    addPending(side: Bubble['side'], bubbles: Bubble[]) {
      this.show(this.data.bubbles.concat(bubbles.map((b) => ({ ...b, side, pending: true }))));
    },

    async sendText(text: string) {
      const s = st(this);
      const key = `p${++s.counter}`;
      this.addPending('me', [{ key, side: 'me', kind: 'text', text, src: '', options: [], pending: true }]);
      this.setData({ sending: true, prompt: null });
      const mark = s.last;
      try {
        const r = await api.send(text);
        // A poll that ran meanwhile may already have shown this exchange from the server.
        if (s.last === mark) this.addPending('bot', await bubblesOf(`${key}r`, 'bot', r.replies, true));
        void this.offerReminders(r.replies);
      } catch (err) {
        // Not sent: take the bubble back and give the text back to retry.
        this.show(this.data.bubbles.filter((b) => b.key !== key), { draft: this.data.draft || text });
        toastError(err);
      } finally {
        this.setData({ sending: false });
      }
      await this.sync();
    },

    onPhoto() {
      wx.chooseMedia({
        count: 9,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        success: (r) => {
          void this.uploadAll(
            r.tempFiles.map((f, i) => {
              const ext = /\.(\w{1,5})$/.exec(f.tempFilePath)?.[1] ?? 'jpg';
              return { path: f.tempFilePath, name: `照片${Date.now()}${i ? `-${i}` : ''}.${ext.toLowerCase()}`, image: true };
            }),
          );
        },
      });
    },

    onFile() {
      wx.chooseMessageFile({
        count: 5,
        type: 'file',
        extension: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png'],
        success: (r) => {
          void this.uploadAll(r.tempFiles.map((f) => ({ path: f.path, name: f.name, image: false })));
        },
      });
    },

    /** Evidence, one file after another, each answered by the bot. */
    async uploadAll(files: { path: string; name: string; image: boolean }[]) {
      const s = st(this);
      this.setData({ sending: true, prompt: null });
      try {
        for (const f of files) {
          const key = `p${++s.counter}`;
          this.addPending('me', [
            f.image
              ? { key, side: 'me', kind: 'image', text: f.name, src: f.path, options: [], pending: true }
              : { key, side: 'me', kind: 'text', text: `📎 ${f.name}`, src: '', options: [], pending: true },
          ]);
          const mark = s.last;
          try {
            const r = await api.upload(f.path, f.name);
            if (s.last === mark) this.addPending('bot', await bubblesOf(`${key}r`, 'bot', r.replies, true));
          } catch (err) {
            this.show(this.data.bubbles.filter((b) => b.key !== key));
            toastError(err);
            break;
          }
        }
      } finally {
        this.setData({ sending: false });
      }
      await this.sync();
    },

    onPreview(e: Tap<{ src: string }>) {
      const src = e.currentTarget.dataset.src;
      if (src) wx.previewImage({ urls: [src], current: src });
    },

    /** After a report, booking or application: offer the reminders (the request itself needs a tap). */
    async offerReminders(replies: readonly ReplyBody[]) {
      const moment = momentOf(replies);
      if (!moment) return;
      try {
        const tmplIds = (await clientConfig()).subscribe[moment];
        if (tmplIds.length) this.setData({ prompt: { moment, text: MOMENT_TEXT[moment], tmplIds: tmplIds.slice(0, 3) } });
      } catch {
        // No reminders offered this time.
      }
    },

    onSubscribe() {
      const prompt = this.data.prompt;
      if (!prompt) return;
      this.setData({ prompt: null });
      wx.requestSubscribeMessage({
        tmplIds: prompt.tmplIds,
        success: (res) => {
          const results: Record<string, string> = {};
          for (const id of prompt.tmplIds) {
            const v = (res as unknown as Record<string, unknown>)[id];
            if (typeof v === 'string') results[id] = v;
          }
          if (!Object.keys(results).length) return;
          api.subscriptions(results).then(
            () => {
              const accepted = Object.values(results).includes('accept');
              wx.showToast({ title: accepted ? '好的，有进展会提醒您' : '好的，不发提醒', icon: 'none' });
            },
            (err: unknown) => toastError(err),
          );
        },
        fail: () => {
          wx.showToast({ title: '没有开启提醒，可以在设置里打开', icon: 'none' });
        },
      });
    },

    onDismissPrompt() {
      this.setData({ prompt: null });
    },
  },
});
