/*
 * WeChat's message push (core/wechat/push.ts): signatures, WXBizMsgCrypt,
 * parsing and normalising, hostile input — against WeChat's own documented
 * examples, vectors derived from the documented algorithm, and the fake
 * WeChat posting to a real HTTP server.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  PUSH_MAX_BYTES,
  PushRejected,
  checkSignature,
  decryptPush,
  encryptPush,
  msgSignature,
  openPush,
  pushId,
  pushSettingsProblem,
  pushSignature,
  sealReply,
  textReply,
  verifyUrl,
  type PushMessage,
  type PushQuery,
  type PushRejectReason,
  type PushSettings,
} from '../../core/wechat/index.js';
import { startFakeWechat, type FakePushTarget, type FakeWechat } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';

/** Why `fn` was refused; the test fails if it threw anything but PushRejected, or nothing. */
function refusal(fn: () => unknown): PushRejectReason {
  try {
    fn();
  } catch (err) {
    if (err instanceof PushRejected) return err.reason;
    throw new Error(`expected PushRejected, got ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  throw new Error('expected PushRejected, nothing was thrown');
}

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');

const NOW = 1_800_000_000;
const KEY = 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR'; // 43 letters and digits
const APP = 'wx1234567890abcdef';
const plainSettings: PushSettings = { token: 'gongyouToken1', appId: APP };
const aesSettings: PushSettings = { ...plainSettings, encodingAesKey: KEY };

/** A query signed as WeChat signs it. */
function signed(settings: PushSettings, extra: PushQuery = {}, timestamp = NOW, nonce = '1320562132'): PushQuery {
  return { signature: sha1([settings.token, String(timestamp), nonce]), timestamp: String(timestamp), nonce, ...extra };
}

/** A plaintext push body and query. */
function plainPush(body: string, over: { timestamp?: number; settings?: PushSettings } = {}) {
  const settings = over.settings ?? plainSettings;
  return { settings, query: signed(settings, {}, over.timestamp ?? NOW), body };
}

/** An encrypted push (safe mode) of `inner`, in XML or JSON. */
function aesPush(inner: string, format: 'xml' | 'json' = 'xml', o: { encrypt?: string; timestamp?: number } = {}) {
  const encrypt = o.encrypt ?? encryptPush(KEY, APP, inner);
  const ts = String(o.timestamp ?? NOW);
  const nonce = '415670741';
  const query = signed(aesSettings, { encrypt_type: 'aes', msg_signature: sha1([aesSettings.token, ts, nonce, encrypt]) }, Number(ts), nonce);
  const body = format === 'json' ? JSON.stringify({ ToUserName: 'gh_97417a04a28d', Encrypt: encrypt }) : `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  return { query, body, encrypt };
}

/** A ciphertext of exactly these bytes (no padding added): for broken plaintexts. */
function rawCipher(plain: Buffer, key = KEY): string {
  const k = Buffer.from(`${key}=`, 'base64');
  const c = createCipheriv('aes-256-cbc', k, k.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

/** random(16) + length + msg + appid, PKCS#7-padded to 32, with overrides for breaking it. */
function framed(msg: Buffer, o: { length?: number; appId?: string; pad?: (n: number) => Buffer } = {}): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(o.length ?? msg.length);
  const full = Buffer.concat([randomBytes(16), len, msg, Buffer.from(o.appId ?? APP)]);
  const n = 32 - (full.length % 32);
  return Buffer.concat([full, o.pad ? o.pad(n) : Buffer.alloc(n, n)]);
}

const xml = (fields: Record<string, string | number>) =>
  `<xml>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : `<![CDATA[${v}]]>`}</${k}>`)
    .join('')}</xml>`;
const base = { ToUserName: 'gh_7f083739789a', FromUserName: 'oia2TjjewbmiOUlr6X-1crbLOvLw', CreateTime: NOW - 1 };
const common = { from: 'oia2TjjewbmiOUlr6X-1crbLOvLw', to: 'gh_7f083739789a', createTime: NOW - 1 };

const open = (body: string, contentType = 'text/xml', settings = plainSettings) => openPush(settings, signed(settings), body, contentType, NOW);

describe("WeChat's documented examples", () => {
  it('encrypts and decrypts the sample-code vector (EncodingAESKey abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG)', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const encrypted = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';
    expect(encryptPush(key, 'wxb11529c136998cb6', '我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe(encrypted);
    expect(decryptPush(key, 'wxb11529c136998cb6', encrypted)).toBe('我是中文abcd123');
    // The same ciphertext names another app for anyone else.
    expect(refusal(() => decryptPush(key, 'wx2c2769f8efd9abc2', encrypted))).toBe('decrypt');
  });

  it('opens the sample-code push (compatibility mode: plaintext beside Encrypt, msg_signature 5d197aaf…)', () => {
    const settings: PushSettings = { token: 'spamtest', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wx2c2769f8efd9abc2' };
    const encrypt =
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
    expect(msgSignature('spamtest', '1409735669', '1320562132', encrypt)).toBe('5d197aaffba7e9b25a30732f161a50dee96bd5fa');
    const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const query = {
      signature: pushSignature('spamtest', '1409735669', '1320562132'),
      timestamp: '1409735669',
      nonce: '1320562132',
      encrypt_type: 'aes',
      msg_signature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
    };
    expect(openPush(settings, query, body, 'text/xml', 1409735669)).toEqual({
      kind: 'text',
      from: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      to: 'gh_10f6c3c3ac5a',
      createTime: 1409735668,
      msgId: '6054768590064713728',
      text: 'abcdteT',
    });
  });

  it("opens the mini-program documentation's safe-mode JSON push (debug_demo) and makes its encrypted reply", () => {
    const settings: PushSettings = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), appId: 'wxba5fad812f8e6fb9' };
    const query = {
      signature: '6c5c811b55cc85e0e1b54100749188c20beb3f5d',
      timestamp: '1714112445',
      nonce: '415670741',
      openid: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      encrypt_type: 'aes',
      msg_signature: '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
    };
    const body = JSON.stringify({
      ToUserName: 'gh_97417a04a28d',
      Encrypt:
        '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=',
    });
    expect(openPush(settings, query, body, 'application/json', 1714112445 + 10)).toEqual({
      kind: 'event',
      event: 'debug_demo',
      from: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      to: 'gh_97417a04a28d',
      createTime: 1714112445,
    });
    // "不要使用signature验证" — but it is WeChat's too; a wrong one is refused all the same.
    expect(refusal(() => openPush(settings, { ...query, signature: '0'.repeat(40) }, body, 'application/json', 1714112445))).toBe('signature');

    const reply = sealReply(settings, '{"demo_resp":"good luck"}', { format: 'json', nowSeconds: 1713424427, nonce: '415670741', random16: Buffer.from('707722b803182950') });
    expect(JSON.parse(reply)).toEqual({
      Encrypt: 'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==',
      MsgSignature: '1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1',
      TimeStamp: 1713424427,
      Nonce: '415670741',
    });
    const xmlReply = sealReply(settings, '{"demo_resp":"good luck"}', { format: 'xml', nowSeconds: 1713424427, nonce: '415670741', random16: Buffer.from('707722b803182950') });
    expect(xmlReply).toBe(
      '<xml><Encrypt><![CDATA[ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==]]></Encrypt><MsgSignature><![CDATA[1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>',
    );
  });

  it("opens the documentation's plaintext JSON push and answers its URL check", () => {
    const settings: PushSettings = { token: 'AAAAA', appId: 'wxba5fad812f8e6fb9' };
    const body = '{\n    "ToUserName": "gh_97417a04a28d",\n    "FromUserName": "o9AgO5Kd5ggOC-bXrbNODIiE3bGY",\n    "CreateTime": 1714037059,\n    "MsgType": "event",\n    "Event": "debug_demo",\n    "debug_str": "hello world"\n}';
    const query = { signature: '899cf89e464efb63f54ddac96b0a0a235f53aa78', timestamp: '1714037059', nonce: '486452656' };
    expect(openPush(settings, query, body, 'application/json', 1714037059)).toMatchObject({ kind: 'event', event: 'debug_demo', createTime: 1714037059 });

    const check = { signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696', echostr: '4375120948345356249', timestamp: '1714036504', nonce: '1514711492' };
    expect(checkSignature('AAAAA', '1714036504', '1514711492', 'f464b24fc39322e44b38aa78f5edd27bd1441696')).toBe(true);
    expect(verifyUrl(settings, check, 1714036504)).toBe('4375120948345356249');
    // In safe mode the URL check is the same (the echostr is not encrypted for the mini-program or the Official Account).
    expect(verifyUrl({ ...settings, encodingAesKey: 'A'.repeat(43) }, check, 1714036504)).toBe('4375120948345356249');
  });
});

describe('WXBizMsgCrypt', () => {
  it('round-trips a vector derived from the documented algorithm, byte for byte', () => {
    const random = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const msg = '<xml><Content><![CDATA[老板拖了我三个月工资 😀]]></Content></xml>';
    const encrypted = encryptPush(KEY, APP, msg, random);
    // Built by hand: AES-256-CBC (IV = key[0..16]) of random + big-endian length + msg + appid, padded to 32.
    const key = Buffer.from(`${KEY}=`, 'base64');
    expect(key).toHaveLength(32);
    const body = Buffer.from(msg);
    const len = Buffer.from([0, 0, (body.length >> 8) & 0xff, body.length & 0xff]);
    const full = Buffer.concat([random, len, body, Buffer.from(APP)]);
    const pad = 32 - (full.length % 32);
    const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const expected = Buffer.concat([c.update(Buffer.concat([full, Buffer.alloc(pad, pad)])), c.final()]).toString('base64');
    expect(encrypted).toBe(expected);
    expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
    expect(decryptPush(KEY, APP, encrypted)).toBe(msg);
    // A plaintext that fills whole blocks gets a whole block of padding (32 × 0x20).
    const exact = 'x'.repeat(64 - 20 - APP.length);
    const whole = Buffer.from(encryptPush(KEY, APP, exact, random), 'base64');
    expect(whole.length).toBe(96);
    expect(decryptPush(KEY, APP, whole.toString('base64'))).toBe(exact);
  });

  it('uses fresh random bytes each time unless given', () => {
    expect(encryptPush(KEY, APP, 'hi')).not.toBe(encryptPush(KEY, APP, 'hi'));
  });

  it('refuses every broken ciphertext with PushRejected(decrypt)', () => {
    const msg = Buffer.from('<xml><A>1</A></xml>');
    const cases: [string, string][] = [
      ['wrong appid', rawCipher(framed(msg, { appId: 'wx0000000000000000' }))],
      ['appid with a suffix', rawCipher(framed(msg, { appId: `${APP}x` }))],
      ['no appid', rawCipher(framed(msg, { appId: '' }))],
      ['padding 0', rawCipher(framed(msg, { pad: (n) => Buffer.alloc(n, 0) }))],
      ['padding 33', rawCipher(framed(msg, { pad: (n) => Buffer.concat([Buffer.alloc(n - 1, n), Buffer.from([33])]) }))],
      ['inconsistent padding', rawCipher(framed(msg, { pad: (n) => Buffer.concat([Buffer.alloc(n - 1, n === 1 ? 2 : 1), Buffer.from([n])]) }))],
      ['length 0', rawCipher(framed(msg, { length: 0 }))],
      ['length past the end', rawCipher(framed(msg, { length: msg.length + APP.length + 1 }))],
      ['length 2^31 (negative if signed)', rawCipher(framed(msg, { length: 0x80000000 }))],
      ['length 2^32-1', rawCipher(framed(msg, { length: 0xffffffff }))],
      ['invalid UTF-8', rawCipher(framed(Buffer.from([0x3c, 0xff, 0xfe, 0x3e])))],
      ['under 20 bytes', rawCipher(Buffer.concat([Buffer.alloc(16, 1), Buffer.alloc(16, 16)]))],
      ['not whole blocks', Buffer.from(randomBytes(40)).toString('base64')],
      ['one block', randomBytes(16).toString('base64')],
      ['empty', ''],
      ['not base64', '@@@@'],
      ['base64 with a newline', `${encryptPush(KEY, APP, 'hi').slice(0, 8)}\n${encryptPush(KEY, APP, 'hi').slice(8)}`],
      ['another key', encryptPush('B'.repeat(43), APP, 'hi')],
      ['truncated', encryptPush(KEY, APP, 'x'.repeat(100)).slice(0, 64)],
      ['huge', 'A'.repeat(PUSH_MAX_BYTES * 2 + 4)],
    ];
    expect(framed(msg).length % 32).toBe(0);
    for (const [name, encrypt] of cases) {
      let reason: string;
      try {
        reason = refusal(() => decryptPush(KEY, APP, encrypt));
      } catch (err) {
        reason = String(err);
      }
      expect({ name, reason }).toEqual({ name, reason: 'decrypt' });
    }
  });

  it('a malformed EncodingAESKey is a configuration error, caught at start-up by pushSettingsProblem', () => {
    expect(() => encryptPush('short', APP, 'x')).toThrow(RangeError);
    expect(() => openPush({ ...plainSettings, encodingAesKey: 'short' }, signed(plainSettings), '<xml/>', 'text/xml', NOW)).toThrow(RangeError);
    expect(pushSettingsProblem({ ...plainSettings, encodingAesKey: 'short' })).toMatch(/EncodingAESKey/);
    expect(pushSettingsProblem({ ...plainSettings, token: 'a b' })).toMatch(/Token/);
    expect(pushSettingsProblem(aesSettings)).toBeNull();
    // No key material in the message.
    try {
      encryptPush('secretKeyMaterialThatIsTooShort', APP, 'x');
    } catch (err) {
      expect(String(err)).not.toContain('secretKeyMaterial');
    }
  });
});

describe('signatures', () => {
  it('checkSignature accepts only sha1 of the sorted token, timestamp and nonce', () => {
    const sig = sha1(['tok', '1700000000', '42']);
    expect(pushSignature('tok', '1700000000', '42')).toBe(sig);
    expect(checkSignature('tok', '1700000000', '42', sig)).toBe(true);
    expect(checkSignature('tok', '1700000000', '42', sig.toUpperCase())).toBe(true);
    expect(checkSignature('tok', '1700000001', '42', sig)).toBe(false);
    expect(checkSignature('tok2', '1700000000', '42', sig)).toBe(false);
    expect(checkSignature('tok', '1700000000', '42', sig.slice(0, 39))).toBe(false);
    expect(checkSignature('tok', '1700000000', '42', '')).toBe(false);
    expect(checkSignature('tok', '1700000000', '42', `${sig}00`)).toBe(false);
    // Unsorted concatenation is not it.
    expect(checkSignature('tok', '1700000000', '42', createHash('sha1').update('tok170000000042').digest('hex'))).toBe(false);
  });

  it('openPush refuses a missing or wrong signature, and a wrong msg_signature', () => {
    const body = xml({ ...base, MsgType: 'text', Content: '你好', MsgId: '1' });
    const q = signed(plainSettings);
    expect(open(body)).toMatchObject({ kind: 'text', text: '你好' });
    expect(refusal(() => openPush(plainSettings, { ...q, signature: undefined }, body, 'text/xml', NOW))).toBe('signature');
    expect(refusal(() => openPush(plainSettings, { ...q, signature: sha1(['other', q.timestamp!, q.nonce!]) }, body, 'text/xml', NOW))).toBe('signature');
    expect(refusal(() => openPush(plainSettings, { ...q, nonce: '1' }, body, 'text/xml', NOW))).toBe('signature');
    expect(refusal(() => openPush(plainSettings, { ...q, timestamp: undefined }, body, 'text/xml', NOW))).toBe('signature');
    expect(refusal(() => openPush(plainSettings, { ...q, timestamp: '1e9' }, body, 'text/xml', NOW))).toBe('signature');

    const inner = xml({ ...base, MsgType: 'text', Content: '你好', MsgId: '1' });
    const p = aesPush(inner);
    expect(openPush(aesSettings, p.query, p.body, 'text/xml', NOW)).toMatchObject({ kind: 'text', text: '你好' });
    expect(refusal(() => openPush(aesSettings, { ...p.query, msg_signature: undefined }, p.body, 'text/xml', NOW))).toBe('signature');
    expect(refusal(() => openPush(aesSettings, { ...p.query, msg_signature: p.query.signature }, p.body, 'text/xml', NOW))).toBe('signature');
    // The body swapped for another ciphertext (of our own app, even) breaks msg_signature.
    const other = aesPush(xml({ ...base, MsgType: 'text', Content: '转账', MsgId: '2' }));
    expect(refusal(() => openPush(aesSettings, p.query, other.body, 'text/xml', NOW))).toBe('signature');
  });

  it('refuses timestamps outside the window either way, and accepts its edges', () => {
    const body = xml({ ...base, MsgType: 'text', Content: 'x' });
    for (const [ts, ok] of [
      [NOW - 300, true],
      [NOW + 300, true],
      [NOW - 301, false],
      [NOW + 301, false],
      [0, false],
    ] as const) {
      const { settings, query } = plainPush(body, { timestamp: ts });
      if (ok) expect(openPush(settings, query, body, 'text/xml', NOW).kind).toBe('text');
      else expect(refusal(() => openPush(settings, query, body, 'text/xml', NOW))).toBe('expired');
    }
    const { settings, query } = plainPush(body, { timestamp: NOW - 1000 });
    expect(openPush(settings, query, body, 'text/xml', NOW, 3600).kind).toBe('text');
    const p = aesPush(body, 'xml', { timestamp: NOW - 600 });
    expect(refusal(() => openPush(aesSettings, p.query, p.body, 'text/xml', NOW))).toBe('expired');
    expect(refusal(() => verifyUrl(plainSettings, { ...signed(plainSettings, {}, NOW - 301), echostr: '1' }, NOW))).toBe('expired');
  });

  it('with an EncodingAESKey set, refuses plaintext pushes; without one, refuses encrypted ones', () => {
    const body = xml({ ...base, MsgType: 'text', Content: 'x' });
    expect(refusal(() => openPush(aesSettings, signed(aesSettings), body, 'text/xml', NOW))).toBe('signature');
    const p = aesPush(body);
    expect(refusal(() => openPush(plainSettings, p.query, p.body, 'text/xml', NOW))).toBe('decrypt');
    expect(refusal(() => openPush(aesSettings, { ...p.query, encrypt_type: 'des' }, p.body, 'text/xml', NOW))).toBe('format');
    expect(openPush(plainSettings, signed(plainSettings, { encrypt_type: 'raw' }), body, 'text/xml', NOW).kind).toBe('text');
  });

  it('verifyUrl gives the echostr only with a good signature, and only a plain one', () => {
    const q = { ...signed(plainSettings), echostr: '4375120948345356249' };
    expect(verifyUrl(plainSettings, q, NOW)).toBe('4375120948345356249');
    expect(refusal(() => verifyUrl(plainSettings, { ...q, signature: 'x' }, NOW))).toBe('signature');
    expect(refusal(() => verifyUrl(plainSettings, { ...q, echostr: undefined }, NOW))).toBe('format');
    // echostr is not signed: a replayed URL cannot make us serve markup.
    expect(refusal(() => verifyUrl(plainSettings, { ...q, echostr: '<script>alert(1)</script>' }, NOW))).toBe('format');
    expect(refusal(() => verifyUrl(plainSettings, { ...q, echostr: '1'.repeat(129) }, NOW))).toBe('format');
  });
});

describe('parsing and normalising', () => {
  it('reads XML with CDATA, bare values, entities, split CDATA and a declaration', () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>
  <FromUserName>oia2TjjewbmiOUlr6X-1crbLOvLw</FromUserName>
  <CreateTime>${NOW - 1}</CreateTime>
  <MsgType>  <![CDATA[text]]></MsgType>
  <Content><![CDATA[工资 <b>&amp; ]]]]><![CDATA[> 欠款]]></Content>
  <MsgId>6054768590064713728</MsgId>
  <!-- a comment -->
</xml>`;
    expect(open(body)).toEqual({ kind: 'text', ...common, msgId: '6054768590064713728', text: '工资 <b>&amp; ]]> 欠款' });
    // Without CDATA, the five XML entities and character references are decoded (nothing else is).
    const bare = xml({ ...base, MsgType: 'text', MsgId: '1' }).replace('</xml>', '<Content>a &lt;b&gt; &amp; &#20013;&#x6587; &nbsp; &#0;</Content></xml>');
    expect(open(bare)).toMatchObject({ text: 'a <b> & 中文 &nbsp; &#0;' });
    // Text keeps its spaces and line breaks.
    expect(open(xml({ ...base, MsgType: 'text', Content: ' 第一行\n第二行 ' }))).toMatchObject({ text: ' 第一行\n第二行 ' });
  });

  it('reads JSON, keeping a 64-bit MsgId exact', () => {
    const body = JSON.stringify({ ...base, MsgType: 'text', Content: '你好 "引号"', MsgId: 1 }).replace('"MsgId":1', '"MsgId":6054768590064713728');
    expect(open(body, 'application/json')).toEqual({ kind: 'text', ...common, msgId: '6054768590064713728', text: '你好 "引号"' });
    expect(open(JSON.stringify({ ...base, MsgType: 'text', Content: 'x', MsgId: '49d72d67b16d115e7935ac386f2f0fa41535298877_1555684067' }), 'application/json').msgId).toBe(
      '49d72d67b16d115e7935ac386f2f0fa41535298877_1555684067',
    );
    // A content type that contradicts the body is refused; none at all is fine.
    expect(refusal(() => open(body, 'text/xml'))).toBe('format');
    expect(open(body, '').kind).toBe('text');
    expect(open(xml({ ...base, MsgType: 'text', Content: 'x' }), 'application/octet-stream').kind).toBe('text');
  });

  it('normalises every kind of message, in XML and in JSON', () => {
    const cases: [Record<string, string | number>, PushMessage][] = [
      [{ MsgType: 'text', Content: '老板拖了我三个月工资', MsgId: '100' }, { kind: 'text', ...common, msgId: '100', text: '老板拖了我三个月工资' }],
      [
        { MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/x.jpg', MediaId: 'MEDIA_1', MsgId: '101' },
        { kind: 'image', ...common, msgId: '101', mediaId: 'MEDIA_1', picUrl: 'http://mmbiz.qpic.cn/x.jpg' },
      ],
      [{ MsgType: 'voice', MediaId: 'V1', Format: 'AMR', MsgId: '102' }, { kind: 'voice', ...common, msgId: '102', mediaId: 'V1', format: 'amr' }],
      [
        { MsgType: 'voice', MediaId: 'V2', Format: 'speex', Recognition: '我要反映欠薪', MsgId: '103' },
        { kind: 'voice', ...common, msgId: '103', mediaId: 'V2', format: 'speex', recognition: '我要反映欠薪' },
      ],
      [
        { MsgType: 'location', Location_X: 23.134521, Location_Y: 113.358803, Scale: 20, Label: '广州市天河区', MsgId: '104' },
        { kind: 'location', ...common, msgId: '104', latitude: 23.134521, longitude: 113.358803, scale: 20, label: '广州市天河区' },
      ],
      [{ MsgType: 'event', Event: 'subscribe' }, { kind: 'event', ...common, event: 'subscribe' }],
      [{ MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_123' }, { kind: 'event', ...common, event: 'subscribe', eventKey: 'qrscene_123' }],
      [{ MsgType: 'event', Event: 'unsubscribe', EventKey: '' }, { kind: 'event', ...common, event: 'unsubscribe' }],
      [{ MsgType: 'event', Event: 'CLICK', EventKey: 'menu:wage' }, { kind: 'event', ...common, event: 'click', eventKey: 'menu:wage' }],
      [{ MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com/a?b=1&c=2' }, { kind: 'event', ...common, event: 'view', eventKey: 'https://example.com/a?b=1&c=2' }],
      [
        { MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: 'case:QX20261121-0001' },
        { kind: 'event', ...common, event: 'user_enter_tempsession', sessionFrom: 'case:QX20261121-0001' },
      ],
      [
        { MsgType: 'miniprogrampage', MsgId: '105', Title: '工友', AppId: 'wxabc', PagePath: 'pages/index/index', ThumbUrl: 'http://t', ThumbMediaId: 'T1' },
        { kind: 'miniprogrampage', ...common, msgId: '105', title: '工友', pagePath: 'pages/index/index', appId: 'wxabc', thumbUrl: 'http://t', thumbMediaId: 'T1' },
      ],
      [{ MsgType: 'video', MediaId: 'X', ThumbMediaId: 'Y', MsgId: '106' }, { kind: 'other', ...common, msgId: '106', msgType: 'video' }],
      [{ MsgType: 'shortvideo', MediaId: 'X', MsgId: '107' }, { kind: 'other', ...common, msgId: '107', msgType: 'shortvideo' }],
    ];
    for (const [fields, expected] of cases) {
      expect(open(xml({ ...base, ...fields }))).toEqual(expected);
      expect(open(JSON.stringify({ ...base, ...fields }), 'application/json')).toEqual(expected);
      const p = aesPush(xml({ ...base, ...fields }));
      expect(openPush(aesSettings, p.query, p.body, 'text/xml', NOW)).toEqual(expected);
      const j = aesPush(JSON.stringify({ ...base, ...fields }), 'json');
      expect(openPush(aesSettings, j.query, j.body, 'application/json', NOW)).toEqual(expected);
    }
  });

  it('ignores nested structures it does not read (SendPicsInfo, ScanCodeInfo)', () => {
    const body = xml({ ...base, MsgType: 'event', Event: 'pic_sysphoto', EventKey: 'k' }).replace(
      '</xml>',
      '<SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[abc]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>',
    );
    expect(open(body)).toEqual({ kind: 'event', ...common, event: 'pic_sysphoto', eventKey: 'k' });
  });

  it('refuses pushes that lack what every push has, or carry impossible values', () => {
    const ok = { ...base, MsgType: 'text', Content: 'x' };
    const without = (k: string) => Object.fromEntries(Object.entries(ok).filter(([n]) => n !== k));
    for (const k of ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType']) expect({ k, r: refusal(() => open(xml(without(k)))) }).toEqual({ k, r: 'format' });
    expect(refusal(() => open(xml({ ...base, MsgType: 'image' })))).toBe('format');
    expect(refusal(() => open(xml({ ...ok, CreateTime: 'yesterday' })))).toBe('format');
    expect(refusal(() => open(xml({ ...ok, CreateTime: -5 })))).toBe('format');
    expect(refusal(() => open(xml({ ...ok, FromUserName: 'o-a:b' })))).toBe('format');
    expect(refusal(() => open(xml({ ...ok, FromUserName: 'o'.repeat(65) })))).toBe('format');
    expect(refusal(() => open(xml({ ...ok, MsgId: '1 OR 1=1' })))).toBe('format');
    expect(refusal(() => open(xml({ ...base, MsgType: 'location', Location_X: 95, Location_Y: 10 })))).toBe('format');
    expect(refusal(() => open(xml({ ...base, MsgType: 'location', Location_X: 'north', Location_Y: 10 })))).toBe('format');
    expect(refusal(() => open(xml({ ...base, MsgType: 'weird type!' })))).toBe('format');
    // The query's openid must be the sender.
    const body = xml(ok);
    expect(openPush(plainSettings, signed(plainSettings, { openid: base.FromUserName }), body, 'text/xml', NOW).from).toBe(base.FromUserName);
    expect(refusal(() => openPush(plainSettings, signed(plainSettings, { openid: 'o-someone-else' }), body, 'text/xml', NOW))).toBe('format');
    // Not a push at all.
    for (const junk of ['', 'success', '[1,2]', '<html><body/></html>', '{"a":', '<xml><A>unclosed</xml>', '<xml/><xml/>', 'null', '"x"']) {
      expect({ junk, r: refusal(() => open(junk, '')) }).toEqual({ junk, r: 'format' });
    }
  });

  it('pushId is the same for every delivery of a push, and differs between pushes', () => {
    const a = open(xml({ ...base, MsgType: 'text', Content: 'x', MsgId: '77' }));
    const again = open(xml({ ...base, MsgType: 'text', Content: 'x', MsgId: '77' }));
    expect(pushId(a)).toBe(pushId(again));
    expect(pushId(a)).not.toBe(pushId(open(xml({ ...base, MsgType: 'text', Content: 'x', MsgId: '78' }))));
    const e = open(xml({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'menu:wage' }));
    expect(pushId(e)).toBe(pushId(open(xml({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'menu:wage' }))));
    expect(pushId(e)).not.toBe(pushId(open(xml({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'menu:legal' }))));
  });

  it('textReply answers the sender from the account, with CDATA kept intact', () => {
    const m = open(xml({ ...base, MsgType: 'text', Content: 'x', MsgId: '1' }));
    const reply = textReply(m, '收到 ]]> <b>', NOW);
    expect(reply).toBe(
      `<xml><ToUserName><![CDATA[${base.FromUserName}]]></ToUserName><FromUserName><![CDATA[${base.ToUserName}]]></FromUserName><CreateTime>${NOW}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到 ]]]]><![CDATA[> <b>]]></Content></xml>`,
    );
    expect(JSON.parse(textReply(m, '收到', NOW, 'json'))).toEqual({ ToUserName: base.FromUserName, FromUserName: base.ToUserName, CreateTime: NOW, MsgType: 'text', Content: '收到' });
    // The reply, sealed, opens as a push would (the same algorithm both ways).
    const sealed = JSON.parse(sealReply(aesSettings, reply, { format: 'json', nowSeconds: NOW, nonce: '9' })) as { Encrypt: string; MsgSignature: string };
    expect(sealed.MsgSignature).toBe(msgSignature(aesSettings.token, String(NOW), '9', sealed.Encrypt));
    expect(decryptPush(KEY, APP, sealed.Encrypt)).toBe(reply);
  });
});

describe('hostile input', () => {
  const text = (extra = '') => xml({ ...base, MsgType: 'text', Content: 'x', MsgId: '1' }).replace('</xml>', `${extra}</xml>`);

  it('never expands entities: a DTD, a billion laughs or an external entity is refused', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>${NOW}</CreateTime><MsgType>text</MsgType><Content>&lol3;</Content></xml>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>${NOW}</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>`;
    const lower = laughs.replace('DOCTYPE', 'doctype');
    for (const body of [laughs, xxe, lower]) expect(refusal(() => open(body))).toBe('format');
    // The same inside an encrypted push.
    const p = aesPush(xxe);
    expect(refusal(() => openPush(aesSettings, p.query, p.body, 'text/xml', NOW))).toBe('format');
    // An entity without a DTD stays as written.
    expect(open(text().replace('<![CDATA[x]]>', '&xxe;'))).toMatchObject({ text: '&xxe;' });
  });

  it('refuses a 5 MB body at once, as a string or as bytes', () => {
    const huge = text(`<Pad>${'a'.repeat(5 * 1024 * 1024)}</Pad>`);
    const started = Date.now();
    expect(refusal(() => open(huge))).toBe('format');
    expect(refusal(() => openPush(plainSettings, signed(plainSettings), Buffer.from(huge), 'text/xml', NOW))).toBe('format');
    expect(Date.now() - started).toBeLessThan(1000);
    // Just under the limit is read.
    const big = text(`<Pad>${'a'.repeat(PUSH_MAX_BYTES - 1000)}</Pad>`);
    expect(open(big).kind).toBe('text');
  });

  it('refuses nesting 10,000 deep, in XML and JSON', () => {
    const deepXml = text(`${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}`);
    expect(refusal(() => open(deepXml))).toBe('format');
    const deepJson = JSON.stringify({ ...base, MsgType: 'text', Content: 'x' }).replace(/}$/, `,"n":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(refusal(() => open(deepJson, 'application/json'))).toBe('format');
    const deeper = `{"a":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_001)}`;
    expect(refusal(() => open(deeper, 'application/json'))).toBe('format');
    // WeChat's own depth is fine.
    expect(open(text('<A><B><C><D>1</D></C></B></A>')).kind).toBe('text');
  });

  it('refuses invalid UTF-8 bytes, lone surrogates and prototype-polluting names', () => {
    const bytes = Buffer.concat([Buffer.from(text().slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(text().slice(20))]);
    expect(refusal(() => openPush(plainSettings, signed(plainSettings), bytes, 'text/xml', NOW))).toBe('format');
    expect(openPush(plainSettings, signed(plainSettings), Buffer.from(`\uFEFF${text()}`), 'text/xml', NOW).kind).toBe('text');
    expect(refusal(() => open(text().replace('<![CDATA[x]]>', '<![CDATA[\uD800]]>')))).toBe('format');
    expect(refusal(() => open(text('<__proto__><polluted>1</polluted></__proto__>')))).toBe('format');
    const json = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify({ ...base, MsgType: 'text', Content: 'x' }).slice(1)}`;
    expect(open(json, 'application/json').kind).toBe('text');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throws nothing but PushRejected for mangled pushes (random mutations, re-signed)', () => {
    const inner = xml({ ...base, MsgType: 'text', Content: '老板拖了我三个月工资', MsgId: '100' });
    const { encrypt } = aesPush(inner);
    const raw = Buffer.from(encrypt, 'base64');
    const reasons = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const bytes = Buffer.from(raw);
      for (let k = 0; k < 1 + (i % 4); k++) bytes[Math.floor(Math.random() * bytes.length)] = Math.floor(Math.random() * 256);
      const cut = i % 7 === 0 ? bytes.subarray(0, Math.floor(Math.random() * bytes.length)) : bytes;
      const p = aesPush('', 'xml', { encrypt: cut.toString('base64') });
      try {
        openPush(aesSettings, p.query, p.body, 'text/xml', NOW);
        reasons.add('opened');
      } catch (err) {
        if (!(err instanceof PushRejected)) throw err;
        reasons.add(err.reason);
      }
    }
    expect(reasons.has('decrypt')).toBe(true);
    for (let i = 0; i < 300; i++) {
      const chars = [...inner];
      for (let k = 0; k < 1 + (i % 5); k++) chars.splice(Math.floor(Math.random() * chars.length), Math.floor(Math.random() * 3), String.fromCharCode(Math.floor(Math.random() * 128)));
      const body = chars.join('');
      try {
        open(body, i % 2 ? 'text/xml' : '');
      } catch (err) {
        if (!(err instanceof PushRejected)) throw err;
      }
    }
  });
});

/**
 * A minimal push endpoint, as a route would be: reads at most
 * PUSH_MAX_BYTES, opens the push, answers 'success' or a bare 401/400.
 */
async function startPushServer(settings: PushSettings, opts: { reply?: (m: PushMessage) => string } = {}) {
  const received: PushMessage[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const fail = (err: unknown) => {
      const reason = err instanceof PushRejected ? err.reason : 'error';
      refused.push(reason);
      res.writeHead(reason === 'signature' || reason === 'expired' ? 401 : 400, { 'content-type': 'text/plain' }).end('invalid');
    };
    if (req.method === 'GET') {
      try {
        const echostr = verifyUrl(settings, query, nowSeconds);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(echostr);
      } catch (err) {
        fail(err);
      }
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= PUSH_MAX_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      try {
        if (size > PUSH_MAX_BYTES) throw new PushRejected('format', 'too large');
        const m = openPush(settings, query, Buffer.concat(chunks), req.headers['content-type'] ?? '', nowSeconds);
        received.push(m);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(opts.reply ? opts.reply(m) : 'success');
      } catch (err) {
        fail(err);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${addr.port}/wechat/push`,
    received,
    refused,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe('the fake WeChat pushing to a server', () => {
  const rig = useFixture(async () => {
    const fake: FakeWechat = await startFakeWechat();
    const settings: PushSettings = { token: 'pushToken42', encodingAesKey: KEY, appId: fake.appId };
    const plain: PushSettings = { token: 'pushToken42', appId: fake.appId };
    const safe = await startPushServer(settings);
    const open = await startPushServer(plain);
    const target = (s: { url: string }, st: PushSettings): FakePushTarget => ({ url: s.url, ...st });
    return {
      fake,
      safe,
      open,
      safeTarget: target(safe, settings),
      openTarget: target(open, plain),
      async stop() {
        await safe.close();
        await open.close();
        await fake.close();
      },
    };
  });

  it('delivers plaintext XML and JSON pushes of every kind', async () => {
    const kinds = ['text', 'image', 'voice', 'location', 'event', 'miniprogrampage', 'other'] as const;
    for (const kind of kinds) {
      for (const format of ['xml', 'json'] as const) {
        const r = await rig.fake.push(rig.openTarget, { kind, from: 'o-worker-1' }, { format });
        expect({ kind, format, status: r.status, body: r.body }).toEqual({ kind, format, status: 200, body: 'success' });
        expect(r.ms).toBeGreaterThanOrEqual(0);
        expect(r.timedOut).toBe(false);
      }
    }
    expect(rig.open.received.map((m) => m.kind)).toEqual(kinds.flatMap((k) => [k, k]));
    expect(rig.open.received.every((m) => m.from === 'o-worker-1')).toBe(true);
    // The fake's default MsgIds are 64-bit and survive JSON.
    const texts = rig.open.received.filter((m) => m.kind === 'text');
    expect(texts.map((m) => m.msgId)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);
  });

  it('delivers encrypted pushes (safe and compatibility mode), XML and JSON, with the fields given', async () => {
    await rig.fake.push(rig.safeTarget, { kind: 'text', from: 'o-a', text: '老板拖了我三个月工资 ]]> &amp;', msgId: '42' });
    await rig.fake.push(rig.safeTarget, { kind: 'voice', from: 'o-a', mediaId: 'V1', format: 'speex', recognition: '我要反映欠薪' }, { format: 'json' });
    await rig.fake.push(rig.safeTarget, { kind: 'event', from: 'o-a', event: 'user_enter_tempsession', sessionFrom: 'home' }, { format: 'json', compat: true });
    await rig.fake.push(rig.safeTarget, { kind: 'location', from: 'o-a', latitude: 22.5, longitude: 114.05, label: '深圳' }, { compat: true });
    expect(rig.safe.refused).toEqual([]);
    expect(rig.safe.received).toEqual([
      expect.objectContaining({ kind: 'text', from: 'o-a', text: '老板拖了我三个月工资 ]]> &amp;', msgId: '42' }),
      expect.objectContaining({ kind: 'voice', mediaId: 'V1', format: 'speex', recognition: '我要反映欠薪' }),
      expect.objectContaining({ kind: 'event', event: 'user_enter_tempsession', sessionFrom: 'home' }),
      expect.objectContaining({ kind: 'location', latitude: 22.5, longitude: 114.05, label: '深圳', scale: 20 }),
    ]);
  });

  it('a bad signature, a bad msg_signature or a stale timestamp gets 401; another app\'s ciphertext 400', async () => {
    expect((await rig.fake.push(rig.openTarget, { kind: 'text' }, { badSignature: true })).status).toBe(401);
    expect((await rig.fake.push(rig.safeTarget, { kind: 'text' }, { badMsgSignature: true })).status).toBe(401);
    expect((await rig.fake.push(rig.safeTarget, { kind: 'text' }, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    expect((await rig.fake.push(rig.safeTarget, { kind: 'text' }, { appId: 'wx0000000000000000' })).status).toBe(400);
    // A plaintext push to the safe-mode endpoint is refused.
    expect((await rig.fake.push(rig.safeTarget, { kind: 'text' }, { encrypt: false })).status).toBe(401);
    expect(rig.safe.refused).toEqual(['signature', 'expired', 'decrypt', 'signature']);
    expect(rig.open.refused).toEqual(['signature']);
    expect(rig.safe.received).toEqual([]);
  });

  it('the URL check answers the echostr to a good signature only', async () => {
    const ok = await rig.fake.verify(rig.safeTarget);
    expect(ok).toEqual({ status: 200, body: ok.echostr, echostr: expect.stringMatching(/^\d+$/) });
    expect((await rig.fake.verify(rig.safeTarget, { badSignature: true })).status).toBe(401);
    expect((await rig.fake.verify(rig.openTarget, { timestamp: 1 })).status).toBe(401);
  });
});
