import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * A `wx` for the pages under test: real HTTP to the real API (request and
 * multipart uploadFile), a login code from whoever the test says (the fake
 * WeChat server), storage and files in memory, and every call that reaches
 * outside the page (toast, modal, map, phone, subscribe, tab switch)
 * recorded for the test to check. No answer of the API is made up here.
 */

type Cb = { success?: (r: any) => void; fail?: (e: any) => void; complete?: (r: any) => void };

export interface Call {
  name: string;
  args: any;
}

export interface HttpExchange {
  method: string;
  url: string;
  status: number;
}

export interface FakeWxOptions {
  /** Gives `wx.login` its code (e.g. the fake WeChat server's `issueCode`). */
  login?: () => Promise<string> | string;
  /** What `wx.showModal` answers (true: confirm). */
  modalConfirms?: boolean;
  /** What `wx.requestSubscribeMessage` answers for each template. */
  subscribeAnswer?: 'accept' | 'reject';
  /** Which item `wx.showActionSheet` answers (its index); null: the person cancels. */
  actionSheetPick?: number | null;
}

export interface FakeWx {
  wx: any;
  calls: Call[];
  http: HttpExchange[];
  storage: Map<string, string>;
  files: Map<string, Buffer>;
  /** No network: every request and upload fails as on a phone offline. */
  offline: boolean;
  /** A slow network for some requests: `wx.request` to a URL waits for what this returns before it is sent. */
  hold?: (url: string) => Promise<void> | undefined;
  /** Files `wx.chooseMedia` / `wx.chooseMessageFile` return next. */
  nextMedia: { path: string; bytes: Buffer; type?: 'image' | 'video' }[];
  nextMessageFiles: { path: string; name: string; bytes: Buffer }[];
  /** WeChat's speech plugin (WechatSI), as `requirePlugin('WechatSI')` gives it to the pages. */
  speech: FakeSpeech;
  options: FakeWxOptions;
  callsOf(name: string): any[];
}

/**
 * WechatSI's record-recognition manager: `start` and `stop` are recorded;
 * on `stop` it answers what the test put in `next` (the words heard, or an
 * error as the plugin reports one), a moment later, as the plugin does.
 */
export interface FakeSpeech {
  plugin: { getRecordRecognitionManager(): any };
  /** What the next `stop` ends with. */
  next: { result: string } | { error: { retcode: number; msg: string } };
  /** Words heard while the finger is still down (onRecognize). */
  partial(text: string): void;
  /** Whether a recognition is running. */
  readonly running: boolean;
}

function createSpeech(record: (name: string, args: any) => void): FakeSpeech {
  let running = false;
  const manager: any = {
    onStart: null,
    onRecognize: null,
    onStop: null,
    onError: null,
    start(opts: { lang: string; duration: number }) {
      record('speech.start', opts);
      if (running) {
        setTimeout(() => manager.onError?.({ retcode: -30011, msg: 'recognition already running' }), 0);
        return;
      }
      running = true;
      setTimeout(() => manager.onStart?.(), 0);
    },
    stop() {
      record('speech.stop', {});
      if (!running) {
        setTimeout(() => manager.onError?.({ retcode: -30012, msg: 'no recognition running' }), 0);
        return;
      }
      running = false;
      const next = speech.next;
      setTimeout(() => ('error' in next ? manager.onError?.(next.error) : manager.onStop?.({ result: next.result, tempFilePath: 'wxfile://tmp/voice.mp3', duration: 1500, fileSize: 4000 })), 5);
    },
  };
  const speech: FakeSpeech = {
    plugin: { getRecordRecognitionManager: () => manager },
    next: { result: '' },
    partial: (text) => manager.onRecognize?.({ result: text }),
    get running() {
      return running;
    },
  };
  return speech;
}

function settle(opts: Cb, ok: boolean, value: any) {
  try {
    if (ok) opts.success?.(value);
    else opts.fail?.(value);
  } finally {
    opts.complete?.(value);
  }
}

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** A GET whose body is kept as bytes (downloads). */
function fetchBytes(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function send(method: string, url: string, headers: Record<string, string>, body: Buffer | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

export function createWx(options: FakeWxOptions = {}): FakeWx {
  const calls: Call[] = [];
  const http: HttpExchange[] = [];
  const storage = new Map<string, string>();
  const files = new Map<string, Buffer>();
  const record = (name: string, args: any) => calls.push({ name, args });

  const fake: FakeWx = {
    wx: null,
    calls,
    http,
    storage,
    files,
    offline: false,
    nextMedia: [],
    nextMessageFiles: [],
    speech: createSpeech(record),
    options,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
  };

  const wx = {
    env: { USER_DATA_PATH: 'wxfile://usr' },

    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),

    request(opts: Cb & { url: string; method?: string; data?: any; header?: Record<string, string> }) {
      const method = opts.method ?? 'GET';
      record('request', { url: opts.url, method });
      if (fake.offline) {
        setTimeout(() => settle(opts, false, { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }), 0);
        return;
      }
      let url = opts.url;
      let body: Buffer | null = null;
      if (opts.data !== undefined) {
        if (method === 'GET') {
          const q = Object.entries(opts.data as Record<string, unknown>).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
          if (q.length) url += (url.includes('?') ? '&' : '?') + q.join('&');
        } else {
          body = Buffer.from(typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data));
        }
      }
      Promise.resolve(fake.hold?.(url.replace(/^https?:\/\/[^/]+/, '')))
        .then(() => send(method, url, { ...(opts.header ?? {}) }, body))
        .then(
        ({ status, text }) => {
          http.push({ method, url: url.replace(/^https?:\/\/[^/]+/, ''), status });
          let data: any = text;
          try {
            data = JSON.parse(text);
          } catch {
            // as text, like wx.request does when the body is not JSON
          }
          settle(opts, true, { statusCode: status, data, header: {}, errMsg: 'request:ok' });
        },
        (err: Error) => settle(opts, false, { errMsg: `request:fail ${err.message}` }),
      );
    },

    uploadFile(opts: Cb & { url: string; filePath: string; name: string; formData?: Record<string, string>; header?: Record<string, string> }) {
      record('uploadFile', { url: opts.url, filePath: opts.filePath, name: opts.name, formData: opts.formData });
      const bytes = files.get(opts.filePath);
      if (fake.offline || !bytes) {
        setTimeout(() => settle(opts, false, { errMsg: fake.offline ? 'uploadFile:fail' : 'uploadFile:fail file not found' }), 0);
        return;
      }
      const boundary = `----WeChatFormBoundary${randomBytes(8).toString('hex')}`;
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(opts.formData ?? {})) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      }
      const base = opts.filePath.split('/').pop()!;
      const ext = base.split('.').pop()!.toLowerCase();
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${opts.name}"; filename="${base}"\r\nContent-Type: ${TYPES[ext] ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      );
      send('POST', opts.url, { ...(opts.header ?? {}), 'content-type': `multipart/form-data; boundary=${boundary}` }, Buffer.concat(parts)).then(
        ({ status, text }) => {
          http.push({ method: 'POST', url: opts.url.replace(/^https?:\/\/[^/]+/, ''), status });
          settle(opts, true, { statusCode: status, data: text, errMsg: 'uploadFile:ok' });
        },
        (err: Error) => settle(opts, false, { errMsg: `uploadFile:fail ${err.message}` }),
      );
    },

    /** As WeChat's: any HTTP answer is a success with its status; the body lands in a temporary file. */
    downloadFile(opts: Cb & { url: string; header?: Record<string, string> }) {
      record('downloadFile', { url: opts.url, header: opts.header });
      if (fake.offline) {
        setTimeout(() => settle(opts, false, { errMsg: 'downloadFile:fail' }), 0);
        return;
      }
      fetchBytes(opts.url, { ...(opts.header ?? {}) }).then(
        ({ status, bytes }) => {
          http.push({ method: 'GET', url: opts.url.replace(/^https?:\/\/[^/]+/, ''), status });
          const tempFilePath = `wxfile://tmp/download-${randomBytes(4).toString('hex')}`;
          files.set(tempFilePath, bytes);
          settle(opts, true, { statusCode: status, tempFilePath, errMsg: 'downloadFile:ok' });
        },
        (err: Error) => settle(opts, false, { errMsg: `downloadFile:fail ${err.message}` }),
      );
    },

    openDocument(opts: Cb & { filePath: string; fileType?: string; showMenu?: boolean }) {
      record('openDocument', { filePath: opts.filePath, fileType: opts.fileType, showMenu: opts.showMenu });
      const ok = files.has(opts.filePath);
      setTimeout(() => settle(opts, ok, { errMsg: ok ? 'openDocument:ok' : 'openDocument:fail file not found' }), 0);
    },

    showActionSheet(opts: Cb & { itemList: string[] }) {
      record('showActionSheet', { itemList: opts.itemList });
      const pick = options.actionSheetPick === undefined ? 0 : options.actionSheetPick;
      setTimeout(() => (pick === null ? settle(opts, false, { errMsg: 'showActionSheet:fail cancel' }) : settle(opts, true, { tapIndex: pick, errMsg: 'showActionSheet:ok' })), 0);
    },

    login(opts: Cb) {
      record('login', {});
      Promise.resolve()
        .then(() => {
          if (!options.login) throw new Error('no login code source in this test');
          return options.login();
        })
        .then(
          (code) => settle(opts, true, { code, errMsg: 'login:ok' }),
          (err: Error) => settle(opts, false, { errMsg: `login:fail ${err.message}` }),
        );
    },

    getStorageSync(key: string) {
      const v = storage.get(key);
      return v === undefined ? '' : JSON.parse(v);
    },
    setStorageSync(key: string, value: unknown) {
      storage.set(key, JSON.stringify(value));
    },
    removeStorageSync(key: string) {
      storage.delete(key);
    },

    getFileSystemManager() {
      return {
        writeFile(opts: Cb & { filePath: string; data: string | ArrayBuffer; encoding?: string }) {
          record('writeFile', { filePath: opts.filePath, encoding: opts.encoding });
          const data = typeof opts.data === 'string' ? Buffer.from(opts.data, (opts.encoding ?? 'utf8') as BufferEncoding) : Buffer.from(opts.data);
          files.set(opts.filePath, data);
          setTimeout(() => settle(opts, true, { errMsg: 'writeFile:ok' }), 0);
        },
      };
    },

    chooseMedia(opts: Cb & Record<string, unknown>) {
      record('chooseMedia', { count: opts.count, mediaType: opts.mediaType });
      const chosen = fake.nextMedia.splice(0);
      for (const m of chosen) files.set(m.path, m.bytes);
      setTimeout(
        () =>
          chosen.length
            ? settle(opts, true, { type: 'image', tempFiles: chosen.map((m) => ({ tempFilePath: m.path, size: m.bytes.length, fileType: m.type ?? 'image' })) })
            : settle(opts, false, { errMsg: 'chooseMedia:fail cancel' }),
        0,
      );
    },

    chooseMessageFile(opts: Cb & Record<string, unknown>) {
      record('chooseMessageFile', { count: opts.count, type: opts.type });
      const chosen = fake.nextMessageFiles.splice(0);
      for (const f of chosen) files.set(f.path, f.bytes);
      setTimeout(
        () =>
          chosen.length
            ? settle(opts, true, { tempFiles: chosen.map((f) => ({ path: f.path, name: f.name, size: f.bytes.length, type: 'file', time: 0 })) })
            : settle(opts, false, { errMsg: 'chooseMessageFile:fail cancel' }),
        0,
      );
    },

    requestSubscribeMessage(opts: Cb & { tmplIds: string[] }) {
      record('requestSubscribeMessage', { tmplIds: opts.tmplIds });
      const answer = options.subscribeAnswer ?? 'accept';
      const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of opts.tmplIds) res[id] = answer;
      setTimeout(() => settle(opts, true, res), 0);
    },

    showModal(opts: Cb & { title?: string; content?: string }) {
      record('showModal', { title: opts.title, content: opts.content });
      const confirm = options.modalConfirms ?? true;
      setTimeout(() => settle(opts, true, { confirm, cancel: !confirm }), 0);
    },

    showToast(opts: Cb & { title: string }) {
      record('showToast', { title: opts.title });
      settle(opts, true, {});
    },

    switchTab(opts: Cb & { url: string }) {
      record('switchTab', { url: opts.url });
      settle(opts, true, {});
    },

    openLocation(opts: Cb & Record<string, unknown>) {
      const { success: _s, fail: _f, complete: _c, ...args } = opts;
      record('openLocation', args);
      settle(opts, true, {});
    },

    makePhoneCall(opts: Cb & { phoneNumber: string }) {
      record('makePhoneCall', { phoneNumber: opts.phoneNumber });
      settle(opts, true, {});
    },

    previewImage(opts: Cb & Record<string, unknown>) {
      record('previewImage', { urls: opts.urls });
      settle(opts, true, {});
    },

    stopPullDownRefresh() {
      record('stopPullDownRefresh', {});
    },
  };
  fake.wx = wx;
  return fake;
}
