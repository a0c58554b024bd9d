import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * WeChat's message push (消息推送): what WeChat's server POSTs to ours when
 * someone writes to the mini-program's customer service (客服消息) or to the
 * Official Account (服务号), and the GET with which WeChat checks the URL.
 * Both use one protocol:
 *
 * - `signature` = sha1 of the sorted [Token, timestamp, nonce], on every
 *   request. It does not cover the body.
 * - Safe mode (安全模式, WXBizMsgCrypt): the body carries only `Encrypt`,
 *   AES-256-CBC under the EncodingAESKey, and `msg_signature` = sha1 of the
 *   sorted [Token, timestamp, nonce, Encrypt] signs it. Compatibility mode
 *   (兼容模式) sends the plaintext fields beside `Encrypt`; only the
 *   encrypted copy is read.
 * - The body is XML (the Official Account always; the mini-program by
 *   default) or JSON (a mini-program setting).
 *
 * `openPush` checks all of it and gives a `PushMessage`, or throws
 * `PushRejected` with a reason for the log; nothing a sender put in a
 * request is echoed in an error. Tokens, AES keys and message contents are
 * never in an error message.
 */

/** The largest push body read, in bytes; give the route's body parser the same limit. Real pushes are a few KB. */
export const PUSH_MAX_BYTES = 256 * 1024;
/** The largest nesting of XML tags or JSON containers accepted (WeChat's own go 4 deep). */
const MAX_DEPTH = 16;

export type PushRejectReason = 'signature' | 'expired' | 'decrypt' | 'format';

/**
 * A push that is not WeChat's or cannot be read. `reason` is for the log;
 * the route answers 401 (signature, expired) or 400 (decrypt, format)
 * without saying why. `detail` is a fixed phrase, never request content.
 */
export class PushRejected extends Error {
  constructor(
    readonly reason: PushRejectReason,
    readonly detail: string = reason,
  ) {
    super(`WeChat push rejected (${reason}): ${detail}`);
    this.name = 'PushRejected';
  }
}

export interface PushSettings {
  /** The Token set in the push configuration (3–32 letters and digits). */
  token: string;
  /**
   * The EncodingAESKey (43 letters and digits). When set, every push must
   * be encrypted (兼容 or 安全 mode): a plaintext push is only covered by
   * `signature`, which does not sign the body, so anyone who once saw a
   * signed URL could post a forged body with it until it expires.
   */
  encodingAesKey?: string;
  /** The mini-program's or Official Account's AppID: the one an encrypted push must name. */
  appId: string;
}

export type PushQuery = Record<string, string | undefined>;

interface PushCommon {
  /** FromUserName: the sender's openid in this mini-program or Official Account. */
  from: string;
  /** ToUserName: the account's original ID (gh_…). */
  to: string;
  /** CreateTime, in seconds. */
  createTime: number;
  /** MsgId, for messages (events have none). A string: WeChat's are 64-bit. */
  msgId?: string;
}

export type PushMessage = PushCommon &
  (
    | { kind: 'text'; text: string }
    | { kind: 'image'; mediaId: string; picUrl?: string }
    /** Official Account only; `recognition` is WeChat's transcript when 语音识别 is on. */
    | { kind: 'voice'; mediaId: string; format: string; recognition?: string }
    /** Official Account only. */
    | { kind: 'location'; latitude: number; longitude: number; scale?: number; label?: string }
    /**
     * `event` lowercased: subscribe, unsubscribe, click, view, scan,
     * user_enter_tempsession (the mini-program's customer-service session
     * was opened; `sessionFrom` is the button's `session-from`), …
     */
    | { kind: 'event'; event: string; eventKey?: string; sessionFrom?: string }
    /** A mini-program card the person sent to customer service. */
    | { kind: 'miniprogrampage'; title: string; pagePath: string; appId?: string; thumbMediaId?: string; thumbUrl?: string }
    /** Anything else (video, shortvideo, link, file, …), by its MsgType lowercased. */
    | { kind: 'other'; msgType: string }
  );

export type PushKind = PushMessage['kind'];

// ---------------------------------------------------------------------------
// Signatures

function sha1Sorted(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Whether two hex digests are equal, in time that does not depend on where they differ. */
function sameDigest(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `signature` of every push and URL check: sha1 of the sorted [token, timestamp, nonce]. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return sha1Sorted([token, timestamp, nonce]);
}

/** Whether `signature` is WeChat's for this token, timestamp and nonce (compared in constant time). */
export function checkSignature(token: string, timestamp: string, nonce: string, signature: string): boolean {
  return sameDigest(pushSignature(token, timestamp, nonce), signature);
}

/** The `msg_signature` of an encrypted push (and the MsgSignature of an encrypted reply): sha1 of the sorted four. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1Sorted([token, timestamp, nonce, encrypt]);
}

// ---------------------------------------------------------------------------
// WXBizMsgCrypt

const BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;

/** A setting's problem, or null: for the configuration check at start-up. */
export function pushSettingsProblem(s: PushSettings): string | null {
  if (!/^[A-Za-z0-9]{3,32}$/.test(s.token)) return 'the push Token must be 3–32 letters and digits';
  if (s.encodingAesKey !== undefined && !/^[A-Za-z0-9]{43}$/.test(s.encodingAesKey)) return 'the EncodingAESKey must be 43 letters and digits';
  if (!s.appId) return 'the AppID is missing';
  return null;
}

/** AESKey = Base64_Decode(EncodingAESKey + '='). A malformed key is a configuration error (RangeError), not a push's. */
function aesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new RangeError('the EncodingAESKey must be 43 letters and digits');
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/**
 * Encrypts `plain` as WeChat does: AES-256-CBC (IV = the key's first 16
 * bytes) of random(16) + length(4, big-endian) + plain + appId, PKCS#7
 * padded to a multiple of 32; base64. `random16` fixes the random bytes (tests).
 */
export function encryptPush(encodingAesKey: string, appId: string, plain: string, random16?: Buffer): string {
  const key = aesKey(encodingAesKey);
  const random = random16 ?? randomBytes(RANDOM_BYTES);
  if (random.length !== RANDOM_BYTES) throw new RangeError('encryptPush: random16 must be 16 bytes');
  const msg = Buffer.from(plain, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(msg.length);
  const full = Buffer.concat([random, length, msg, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (full.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([full, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The plaintext of an `Encrypt` value. Anything wrong — not base64, not
 * whole blocks, bad padding, a length prefix that is 0 or points past the
 * end, another app's AppID, invalid UTF-8 — is PushRejected('decrypt').
 * Check `msg_signature` first (openPush does): only WeChat's ciphertexts
 * should reach this.
 */
export function decryptPush(encodingAesKey: string, appId: string, encrypt: string): string {
  const key = aesKey(encodingAesKey);
  const bad = (detail: string) => new PushRejected('decrypt', detail);
  if (encrypt.length > PUSH_MAX_BYTES * 2 || encrypt.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encrypt)) throw bad('not base64');
  const data = Buffer.from(encrypt, 'base64');
  if (data.length < BLOCK || data.length % 16 !== 0) throw bad('not whole AES blocks');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw bad('AES failed');
  }
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > BLOCK || pad > plain.length) throw bad('bad padding');
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw bad('bad padding');
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < RANDOM_BYTES + LENGTH_BYTES) throw bad('too short');
  const length = content.readUInt32BE(RANDOM_BYTES);
  const start = RANDOM_BYTES + LENGTH_BYTES;
  if (length === 0 || length > content.length - start) throw bad('bad length prefix');
  const tail = content.subarray(start + length);
  const ours = Buffer.from(appId, 'utf8');
  if (tail.length !== ours.length || !tail.equals(ours)) throw bad('another AppID');
  try {
    return fatalUtf8.decode(content.subarray(start, start + length));
  } catch {
    throw bad('not UTF-8');
  }
}

// ---------------------------------------------------------------------------
// Body parsing

const xmlParser = new XMLParser({
  // Never expand entities (&xxe; and billion laughs); the five XML ones are decoded by hand below.
  processEntities: false,
  htmlEntities: false,
  // Every value stays a string: MsgId is 64-bit and must not become a float.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: false,
  // CDATA apart from text, so text inside CDATA is never entity-decoded.
  cdataPropName: '__cdata',
  maxNestedTags: MAX_DEPTH,
});

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is left as written. */
function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return XML_ENTITIES[name]!;
    const cp = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
    return ok ? String.fromCodePoint(cp) : whole;
  });
}

type Fields = Map<string, string>;

/** A tag's text: its CDATA as written, or its text with entities decoded; null if it has child tags or repeats. */
function xmlText(node: unknown): string | null {
  if (typeof node === 'string') return decodeXmlText(node);
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (!keys.includes('__cdata') || keys.some((k) => k !== '__cdata' && k !== '#text')) return null;
  const o = node as { __cdata: unknown; '#text'?: unknown };
  const text = o['#text'];
  // Whitespace around CDATA (`<MsgType>  <![CDATA[text]]></MsgType>`) is layout; other text beside it is not WeChat's.
  if (text !== undefined && (typeof text !== 'string' || text.trim() !== '')) return null;
  const parts = Array.isArray(o.__cdata) ? o.__cdata : [o.__cdata];
  return parts.every((p) => typeof p === 'string') ? parts.join('') : null;
}

function parseXml(text: string): Fields {
  const bad = (detail: string) => new PushRejected('format', detail);
  // No DTD at all: entity definitions are how XML bombs and external entities get in.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw bad('XML with a DTD');
  let doc: unknown;
  try {
    if (XMLValidator.validate(text) !== true) throw bad('malformed XML');
    doc = xmlParser.parse(text);
  } catch (err) {
    throw err instanceof PushRejected ? err : bad('malformed XML');
  }
  const root = (doc as Record<string, unknown> | null)?.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw bad('no <xml> root');
  const fields: Fields = new Map();
  for (const [name, value] of Object.entries(root)) {
    if (name === '#text') continue;
    // Nested structures (ScanCodeInfo, SendPicsInfo, …) and repeated tags are not read.
    const t = xmlText(value);
    if (t !== null) fields.set(name, t);
  }
  return fields;
}

const JSON_NUMBER = /-?\d+([.eE][-+0-9.eE]*)?/y;

/**
 * Checks nesting depth (JSON.parse recurses) and turns integers too long
 * for a double into strings (a JSON MsgId may be 64-bit), scanning once.
 */
function prepareJson(text: string): string {
  let depth = 0;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) throw new PushRejected('format', 'JSON nested too deeply');
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      JSON_NUMBER.lastIndex = i;
      const m = JSON_NUMBER.exec(text);
      if (!m) continue;
      if (!m[1] && m[0].replace('-', '').length > 15) {
        out += `${text.slice(copied, i)}"${m[0]}"`;
        copied = i + m[0].length;
      }
      i += m[0].length - 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function parseJson(text: string): Fields {
  let doc: unknown;
  try {
    doc = JSON.parse(prepareJson(text));
  } catch (err) {
    throw err instanceof PushRejected ? err : new PushRejected('format', 'malformed JSON');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new PushRejected('format', 'JSON is not an object');
  const fields: Fields = new Map();
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value === 'string') fields.set(name, value);
    else if (typeof value === 'number' && Number.isFinite(value)) fields.set(name, String(value));
  }
  return fields;
}

type Format = 'xml' | 'json';

/** XML or JSON, by the first character; a content type that says the other is refused. */
function formatOf(text: string, contentType: string): Format {
  const first = text.trimStart()[0];
  const format: Format | null = first === '<' ? 'xml' : first === '{' ? 'json' : null;
  if (!format) throw new PushRejected('format', 'neither XML nor JSON');
  const ct = contentType.toLowerCase();
  const declared: Format | null = ct.includes('json') ? 'json' : ct.includes('xml') ? 'xml' : null;
  if (declared && declared !== format) throw new PushRejected('format', 'content type and body disagree');
  return format;
}

function parseBody(text: string, format: Format): Fields {
  return format === 'xml' ? parseXml(text) : parseJson(text);
}

// ---------------------------------------------------------------------------
// Normalising

function normalise(f: Fields): PushMessage {
  const bad = (detail: string) => new PushRejected('format', detail);
  const get = (name: string): string | undefined => {
    const v = f.get(name);
    return v === undefined || v === '' ? undefined : v;
  };
  const need = (name: string): string => {
    const v = get(name);
    if (v === undefined) throw bad(`no ${name}`);
    return v;
  };
  const num = (name: string, required: boolean): number | undefined => {
    const v = required ? need(name) : get(name);
    if (v === undefined) return undefined;
    const n = Number(v.trim());
    if (v.trim() === '' || !Number.isFinite(n)) throw bad(`${name} is not a number`);
    return n;
  };
  const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

  const createTime = num('CreateTime', true)!;
  if (!Number.isInteger(createTime) || createTime < 0) throw bad('CreateTime is not a time');
  const msgId = get('MsgId')?.trim();
  if (msgId !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(msgId)) throw bad('MsgId is not an id');
  const from = need('FromUserName').trim();
  // An openid is about 28 URL-safe characters; the app keys people by it.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(from)) throw bad('FromUserName is not an openid');
  const to = need('ToUserName').trim();
  if (to.length > 64) throw bad('ToUserName too long');
  const common: PushCommon = { from, to, createTime, ...opt('msgId', msgId) };
  const msgType = need('MsgType').trim().toLowerCase();
  switch (msgType) {
    case 'text': {
      const text = f.get('Content');
      if (text === undefined) throw bad('no Content');
      return { ...common, kind: 'text', text };
    }
    case 'image':
      return { ...common, kind: 'image', mediaId: need('MediaId'), ...opt('picUrl', get('PicUrl')) };
    case 'voice':
      return {
        ...common,
        kind: 'voice',
        mediaId: need('MediaId'),
        format: (get('Format') ?? '').trim().toLowerCase(),
        ...opt('recognition', get('Recognition')),
      };
    case 'location': {
      const latitude = num('Location_X', true)!;
      const longitude = num('Location_Y', true)!;
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw bad('location out of range');
      return { ...common, kind: 'location', latitude, longitude, ...opt('scale', num('Scale', false)), ...opt('label', get('Label')) };
    }
    case 'event':
      return {
        ...common,
        kind: 'event',
        event: need('Event').trim().toLowerCase(),
        ...opt('eventKey', get('EventKey')),
        ...opt('sessionFrom', get('SessionFrom')),
      };
    case 'miniprogrampage':
      return {
        ...common,
        kind: 'miniprogrampage',
        title: f.get('Title') ?? '',
        pagePath: need('PagePath'),
        ...opt('appId', get('AppId')),
        ...opt('thumbMediaId', get('ThumbMediaId')),
        ...opt('thumbUrl', get('ThumbUrl')),
      };
    default:
      if (!/^[a-z_]{1,32}$/.test(msgType)) throw bad('MsgType is not a name');
      return { ...common, kind: 'other', msgType };
  }
}

// ---------------------------------------------------------------------------
// Requests

/** The query's signature, timestamp and nonce, checked; the timestamp within ±window of now. */
function checkRequest(settings: PushSettings, query: PushQuery, nowSeconds: number, windowSeconds: number): { timestamp: string; nonce: string } {
  const { signature, timestamp, nonce } = query;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') {
    throw new PushRejected('signature', 'signature, timestamp or nonce missing');
  }
  if (!/^\d{1,12}$/.test(timestamp) || nonce.length === 0 || nonce.length > 64 || signature.length > 64) {
    throw new PushRejected('signature', 'malformed signature, timestamp or nonce');
  }
  if (!checkSignature(settings.token, timestamp, nonce, signature)) throw new PushRejected('signature', 'signature does not match');
  if (Math.abs(nowSeconds - Number(timestamp)) > windowSeconds) throw new PushRejected('expired', 'timestamp outside the window');
  return { timestamp, nonce };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function bodyText(body: string | Uint8Array): string {
  if (typeof body === 'string') {
    if (Buffer.byteLength(body, 'utf8') > PUSH_MAX_BYTES) throw new PushRejected('format', 'body too large');
    if (LONE_SURROGATE.test(body)) throw new PushRejected('format', 'body is not UTF-8');
    return body.replace(/^\uFEFF/, '');
  }
  if (body.byteLength > PUSH_MAX_BYTES) throw new PushRejected('format', 'body too large');
  try {
    return fatalUtf8.decode(body).replace(/^\uFEFF/, '');
  } catch {
    throw new PushRejected('format', 'body is not UTF-8');
  }
}

/**
 * Opens one push: checks `signature`, the timestamp (±`windowSeconds` of
 * `nowSeconds`) and, when `encrypt_type=aes`, `msg_signature` over the
 * Encrypt field; decrypts; parses XML or JSON; normalises. `body` is best
 * the raw bytes (they are checked to be UTF-8); the caller limits their
 * size to PUSH_MAX_BYTES. Throws only PushRejected (and RangeError for a
 * malformed EncodingAESKey in `settings`, a configuration error).
 *
 * The same push can arrive more than once (WeChat retries three times when
 * the answer takes over 5 seconds): dedupe on `pushId`.
 */
export function openPush(
  settings: PushSettings,
  query: PushQuery,
  body: string | Uint8Array,
  contentType: string,
  nowSeconds: number,
  windowSeconds = 300,
): PushMessage {
  if (settings.encodingAesKey !== undefined) aesKey(settings.encodingAesKey); // a configuration error before anything else
  const text = bodyText(body);
  const { timestamp, nonce } = checkRequest(settings, query, nowSeconds, windowSeconds);
  const format = formatOf(text, contentType);
  const envelope = parseBody(text, format);
  const encryptType = query.encrypt_type;
  let fields: Fields;
  if (encryptType === 'aes') {
    if (settings.encodingAesKey === undefined) throw new PushRejected('decrypt', 'encrypted push but no EncodingAESKey set');
    const encrypt = envelope.get('Encrypt');
    if (!encrypt) throw new PushRejected('format', 'no Encrypt');
    const given = query.msg_signature;
    if (typeof given !== 'string' || !sameDigest(msgSignature(settings.token, timestamp, nonce, encrypt), given)) {
      throw new PushRejected('signature', 'msg_signature does not match');
    }
    const inner = decryptPush(settings.encodingAesKey, settings.appId, encrypt);
    const innerFormat = inner.trimStart().startsWith('<') ? 'xml' : 'json';
    fields = parseBody(inner, innerFormat);
  } else if (encryptType === undefined || encryptType === '' || encryptType === 'raw') {
    if (settings.encodingAesKey !== undefined) throw new PushRejected('signature', 'plaintext push while an EncodingAESKey is set');
    fields = envelope;
  } else {
    throw new PushRejected('format', 'unknown encrypt_type');
  }
  const message = normalise(fields);
  // WeChat puts the sender's openid in the query too; a push where they differ is not WeChat's.
  if (query.openid !== undefined && query.openid !== message.from) throw new PushRejected('format', 'openid and FromUserName differ');
  return message;
}

/**
 * The URL check (GET with signature, timestamp, nonce, echostr): the
 * echostr to answer as text/plain. WeChat's documentation for both the
 * Official Account and the mini-program says to echo it as it came, in
 * every mode (unlike WeCom, whose echostr is encrypted). echostr is not
 * signed, so it is only echoed if it looks like WeChat's (digits, at most
 * 128 URL-safe characters): a replayed URL cannot make us serve markup.
 */
export function verifyUrl(settings: PushSettings, query: PushQuery, nowSeconds: number, windowSeconds = 300): string {
  checkRequest(settings, query, nowSeconds, windowSeconds);
  const echostr = query.echostr;
  if (typeof echostr !== 'string' || !/^[A-Za-z0-9_\-+/=]{1,128}$/.test(echostr)) throw new PushRejected('format', 'echostr missing or malformed');
  return echostr;
}

/** A key that is the same for every delivery of one push (WeChat retries), for deduplication. */
export function pushId(m: PushMessage): string {
  if (m.msgId) return `msg:${m.msgId}`;
  const what = m.kind === 'event' ? `${m.event}:${m.eventKey ?? ''}` : m.kind;
  return `evt:${m.from}:${m.createTime}:${what}`;
}

// ---------------------------------------------------------------------------
// Replies (passive replies; the Official Account shows them, the mini-program only takes 'success')

function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * A passive text reply to `to` (the Official Account shows it at once,
 * within WeChat's 5 seconds), as plaintext XML or JSON; seal it with
 * `sealReply` when the push was encrypted. The mini-program's customer
 * service takes no passive text replies: answer 'success' and send with
 * the API.
 */
export function textReply(to: PushMessage, content: string, nowSeconds: number, format: Format = 'xml'): string {
  if (format === 'json') {
    return JSON.stringify({ ToUserName: to.from, FromUserName: to.to, CreateTime: nowSeconds, MsgType: 'text', Content: content });
  }
  return `<xml><ToUserName>${cdata(to.from)}</ToUserName><FromUserName>${cdata(to.to)}</FromUserName><CreateTime>${nowSeconds}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content></xml>`;
}

/**
 * An encrypted reply body (安全模式): Encrypt, MsgSignature, TimeStamp
 * and Nonce, in the push's format. `nonce` is best the push's own.
 */
export function sealReply(
  settings: PushSettings,
  plain: string,
  opts: { format: Format; nowSeconds: number; nonce: string; random16?: Buffer },
): string {
  if (settings.encodingAesKey === undefined) throw new RangeError('sealReply: no EncodingAESKey set');
  const encrypt = encryptPush(settings.encodingAesKey, settings.appId, plain, opts.random16);
  const timestamp = String(opts.nowSeconds);
  const signature = msgSignature(settings.token, timestamp, opts.nonce, encrypt);
  if (opts.format === 'json') return JSON.stringify({ Encrypt: encrypt, MsgSignature: signature, TimeStamp: opts.nowSeconds, Nonce: opts.nonce });
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(opts.nonce)}</Nonce></xml>`;
}
