import type {
  BookingViewBody,
  CaseSummaryBody,
  ChatRepliesBody,
  ClientConfigBody,
  DocumentItemBody,
  ErrorBody,
  HistoryBody,
  MembershipBody,
  ServicePointBody,
  SessionBody,
  SubscriptionsBody,
} from '../../api/contract';
import { config } from '../config';

/**
 * The one client of the Gongyou API. Every body type comes from the
 * server's zod schemas (api/contract.ts, type-only: nothing of it is in the
 * package), so a change on either side fails the other's type check.
 *
 * Sign-in: `wx.login()` → code → `POST /api/v1/auth/wechat`; the session is
 * kept in storage and renewed with `POST /api/v1/auth/refresh` a minute
 * before the token expires or after a 401 (a refresh token works once; a new
 * pair comes back). When renewing fails, it signs in with `wx.login` again.
 */

export type {
  BookingViewBody,
  CaseSummaryBody,
  ChatRepliesBody,
  ClientConfigBody,
  DocumentItemBody,
  HistoryBody,
  HistoryItemBody,
  MembershipBody,
  ReplyBody,
  ServicePointBody,
} from '../../api/contract';

/** A failed call: `message` is polite Chinese a person can read; `status` 0 means no answer (offline). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const MSG = {
  offline: '网络好像断了，请检查网络后再试。',
  busy: '服务暂时繁忙，请稍后再试。',
  wechatBusy: '微信登录暂时繁忙，请稍后再试。',
  codeInvalid: '微信登录没有成功，请再试一次。',
  loginFailed: '登录没有成功，请稍后再试。',
  unknown: '出了点问题，请稍后再试。',
} as const;

const SESSION_KEY = 'gongyou.session';
const DEV_USER_KEY = 'gongyou.devUserId';
/** Renew this long before the token expires. */
const EARLY_MS = 60_000;

interface StoredSession {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken: string | null;
  refreshExpiresAt: number;
}

type Method = 'GET' | 'POST';
type Data = WechatMiniprogram.IAnyObject;

function errorOf(status: number, body: unknown, auth = false): ApiError {
  const e = (body as Partial<ErrorBody> | null)?.error;
  const code = typeof e?.code === 'string' ? e.code : `http_${status}`;
  if (auth && status === 401 && code === 'wechat_code_invalid') return new ApiError(status, code, MSG.codeInvalid);
  if (auth && status === 503) return new ApiError(status, code, MSG.wechatBusy);
  if (typeof e?.message === 'string' && e.message) return new ApiError(status, code, e.message, e.field);
  return new ApiError(status, code, status >= 500 ? MSG.busy : MSG.unknown);
}

/** One HTTP call, no sign-in. */
function call<T>(method: Method, path: string, data?: Data, token?: string, auth = false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const header: Data = {};
    if (token) header.authorization = `Bearer ${token}`;
    if (data) header['content-type'] = 'application/json';
    wx.request({
      url: config.baseUrl + path,
      method,
      ...(data ? { data } : {}),
      header,
      dataType: 'json',
      timeout: 20_000,
      success(res) {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data as T);
        else reject(errorOf(res.statusCode, res.data, auth));
      },
      fail() {
        reject(new ApiError(0, 'offline', MSG.offline));
      },
    });
  });
}

// --- the session ---------------------------------------------------------

function loadSession(): StoredSession | null {
  try {
    const s = wx.getStorageSync(SESSION_KEY) as StoredSession | '';
    return s && typeof s === 'object' && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

function saveSession(body: Partial<SessionBody> & { token: string }): string {
  const now = Date.now();
  const s: StoredSession = {
    token: body.token,
    // The development login of older servers answers with the token only.
    expiresAt: now + (body.expiresIn ?? 3600) * 1000,
    refreshToken: body.refreshToken ?? null,
    refreshExpiresAt: body.refreshToken ? now + (body.refreshExpiresIn ?? 0) * 1000 : 0,
  };
  wx.setStorageSync(SESSION_KEY, s);
  return s.token;
}

/** Forgets the session (the next call signs in again). */
export function signOut(): void {
  wx.removeStorageSync(SESSION_KEY);
}

function wxLogin(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.login({
      timeout: 10_000,
      success: (r) => (r.code ? resolve(r.code) : reject(new ApiError(0, 'wx_login', MSG.loginFailed))),
      fail: () => reject(new ApiError(0, 'wx_login', MSG.loginFailed)),
    });
  });
}

function devUserId(): string {
  let id = wx.getStorageSync(DEV_USER_KEY) as string;
  if (!id) {
    id = `mp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    wx.setStorageSync(DEV_USER_KEY, id);
  }
  return id;
}

async function login(): Promise<string> {
  if (config.devLogin) {
    let cc: ClientConfigBody | null = null;
    try {
      cc = await clientConfig();
    } catch (err) {
      // Offline: say so. Anything else: this server has no development sign-in.
      if (err instanceof ApiError && err.status === 0) throw err;
    }
    if (cc?.devLogin) return saveSession(await call<SessionBody>('POST', '/api/v1/auth/dev', { userId: devUserId() }, undefined, true));
  }
  const code = await wxLogin();
  return saveSession(await call<SessionBody>('POST', '/api/v1/auth/wechat', { code }, undefined, true));
}

async function renew(): Promise<string> {
  const s = loadSession();
  const now = Date.now();
  if (s && s.expiresAt - EARLY_MS > now) return s.token;
  if (s?.refreshToken && s.refreshExpiresAt - EARLY_MS > now) {
    try {
      return saveSession(await call<SessionBody>('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken }, undefined, true));
    } catch (err) {
      // Offline: signing in would fail the same way. Any refusal: sign in afresh.
      if (err instanceof ApiError && err.status === 0) throw err;
    }
  }
  wx.removeStorageSync(SESSION_KEY);
  return login();
}

let pending: Promise<string> | null = null;

/** A valid token: the stored one, renewed, or a new sign-in. One at a time. */
export function session(): Promise<string> {
  if (!pending) {
    pending = renew().finally(() => {
      pending = null;
    });
  }
  return pending;
}

/** `attempt` as the signed-in person; after a 401 the token is renewed once and the attempt repeated. */
async function signedIn<T>(attempt: (token: string) => Promise<T>): Promise<T> {
  const token = await session();
  try {
    return await attempt(token);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    const s = loadSession();
    if (s && s.token === token) wx.setStorageSync(SESSION_KEY, { ...s, expiresAt: 0 });
    return attempt(await session());
  }
}

/** A call as the signed-in person. */
function authed<T>(method: Method, path: string, data?: Data): Promise<T> {
  return signedIn((token) => call<T>(method, path, data, token));
}

// --- the calls -------------------------------------------------------------

let configCache: Promise<ClientConfigBody> | null = null;

/** `GET /api/v1/client-config` (no login), once per launch. */
export function clientConfig(): Promise<ClientConfigBody> {
  if (!configCache) {
    configCache = call<ClientConfigBody>('GET', '/api/v1/client-config').catch((err: unknown) => {
      configCache = null;
      throw err;
    });
  }
  return configCache;
}

export interface HistoryQuery {
  limit?: number;
  before?: number;
  after?: number;
}

function query(q: HistoryQuery): string {
  const parts = (Object.keys(q) as (keyof HistoryQuery)[])
    .filter((k) => q[k] !== undefined)
    .map((k) => `${k}=${encodeURIComponent(String(q[k]))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A message id the server uses to answer a repeated send once (e.g. after a timeout). */
export function newClientMsgId(): string {
  return `mp${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export const api = {
  history: (q: HistoryQuery) => authed<HistoryBody>('GET', `/api/v1/chat/history${query(q)}`),

  send: (text: string, clientMsgId = newClientMsgId()) =>
    authed<ChatRepliesBody>('POST', '/api/v1/chat/messages', { text, clientMsgId }),

  /** A photo or file as evidence: multipart/form-data, the file in part `file`, its name in field `fileName`. */
  async upload(filePath: string, fileName: string, clientMsgId = newClientMsgId()): Promise<ChatRepliesBody> {
    // One id for every attempt: a file sent again after a lost answer is taken once.
    const attempt = (token: string) =>
      new Promise<ChatRepliesBody>((resolve, reject) => {
        wx.uploadFile({
          url: `${config.baseUrl}/api/v1/chat/files`,
          filePath,
          name: 'file',
          formData: { fileName },
          header: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(fileName), 'x-client-msg-id': clientMsgId },
          timeout: 60_000,
          success(res) {
            let body: unknown = null;
            try {
              body = JSON.parse(res.data);
            } catch {
              body = null;
            }
            if (res.statusCode >= 200 && res.statusCode < 300 && body) resolve(body as ChatRepliesBody);
            else reject(errorOf(res.statusCode, body));
          },
          fail() {
            reject(new ApiError(0, 'offline', MSG.offline));
          },
        });
      });
    return signedIn(attempt);
  },

  cases: async (): Promise<CaseSummaryBody[]> => (await authed<{ cases: CaseSummaryBody[] }>('GET', '/api/v1/me/cases')).cases,

  /** The legal documents pre-filled for one of the person's cases (劳动仲裁申请书, 民事起诉状…). */
  caseDocuments: async (caseNo: string): Promise<DocumentItemBody[]> =>
    (await authed<{ documents: DocumentItemBody[] }>('GET', `/api/v1/me/cases/${encodeURIComponent(caseNo)}/documents`)).documents,

  /**
   * A document's file (`url` from `caseDocuments`), downloaded with the
   * sign-in by `wx.downloadFile`: its temporary path, for `wx.openDocument`.
   */
  async downloadDocument(url: string): Promise<string> {
    const attempt = (token: string) =>
      new Promise<string>((resolve, reject) => {
        wx.downloadFile({
          url: config.baseUrl + url,
          header: { authorization: `Bearer ${token}` },
          timeout: 60_000,
          success(res) {
            if (res.statusCode === 200) resolve(res.tempFilePath);
            else reject(new ApiError(res.statusCode, `http_${res.statusCode}`, res.statusCode === 404 ? '没有找到这份文书，请下拉刷新后再试。' : res.statusCode >= 500 ? MSG.busy : MSG.unknown));
          },
          fail() {
            reject(new ApiError(0, 'offline', MSG.offline));
          },
        });
      });
    return signedIn(attempt);
  },

  bookings: async (): Promise<BookingViewBody[]> => (await authed<{ bookings: BookingViewBody[] }>('GET', '/api/v1/me/bookings')).bookings,

  cancelBooking: async (bookingNo: string): Promise<BookingViewBody> =>
    (await authed<{ booking: BookingViewBody }>('POST', `/api/v1/me/bookings/${encodeURIComponent(bookingNo)}/cancel`, {})).booking,

  membership: () => authed<MembershipBody>('GET', '/api/v1/me/membership'),

  /** No login needed. */
  servicePoints: async (): Promise<ServicePointBody[]> =>
    (await call<{ servicePoints: ServicePointBody[] }>('GET', '/api/v1/service-points')).servicePoints,

  subscriptions: (results: Record<string, string>) => authed<SubscriptionsBody>('POST', '/api/v1/me/subscriptions', { results }),
};

/** The message to show for any error. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : MSG.unknown;
}
