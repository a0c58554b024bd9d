/*
 * Voice messages through the real GongyouBot plugin on wechaty-puppet-mock:
 * never a dead end. A SILK voice (padlocal-style puppets) and an MP3 voice
 * (wechat4u) go to staff as a help request with the audio kept.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { wechatUserKey } from '../../bot/plugin.js';
import { silkVoice, wavInfo } from '../cases/support/voice.js';
import { botOnMockWechaty } from './support.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const WORKER = '老李';

const start = botOnMockWechaty(NOW);

describe('voice messages in WeChat', () => {
  it('a SILK voice goes to staff as a WAV to listen to; the worker is asked for a phone once and can carry on', async () => {
    const { t, w } = await start();
    const worker = w.contact(WORKER);
    await w.say(worker, '老板拖了我三个月工资');
    await w.waitFor(WORKER, /同意吗/);

    await w.sendFile(worker, FileBox.fromBuffer(await silkVoice(1.2), 'voice.silk'));
    await w.waitFor(WORKER, /收到您的语音了。我还听不了语音，已经转给工作人员（求助编号 QX\d{8}-\d{4}）/);
    expect(w.inbox(WORKER).some((m) => m.type === 'text' && /暂时只能看懂/.test(m.text))).toBe(false);
    expect(w.inbox(WORKER).at(-1)).toMatchObject({ type: 'text', text: expect.stringMatching(/请回复您的手机号/) });

    const [c] = await t.core.cases.listByUser(wechatUserKey(worker.id));
    expect(c).toMatchObject({ kind: 'enquiry', evidence: [expect.objectContaining({ mediaType: 'audio/wav' })] });
    const wav = t.chat.evidence.load(c!.evidence[0]!.id);
    expect(wavInfo(wav)).toMatchObject({ riff: 'RIFF', wave: 'WAVE', rate: 24000, dataSize: wav.length - 44 });

    await w.say(worker, '13800138000');
    await w.waitFor(WORKER, /记下了您的手机号（尾号8000）/);
    // Back to the report, which was waiting for consent.
    await w.waitFor(WORKER, /同意吗/);
  });

  it('an MP3 voice (wechat4u) is kept as it came', async () => {
    const { t, w } = await start();
    const worker = w.contact(WORKER);
    const mp3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(600, 0x55)]);
    await w.sendFile(worker, FileBox.fromBuffer(mp3, '3141592653.mp3'), types.Message.Audio);
    await w.waitFor(WORKER, /收到您的语音了/);
    const [c] = await t.core.cases.listByUser(wechatUserKey(worker.id));
    expect(c!.evidence).toEqual([expect.objectContaining({ mediaType: 'audio/mpeg', size: mp3.length })]);
    expect(readdirSync(t.evidenceDir)).toHaveLength(1);
  });

  it('a broken voice gets a polite answer and nothing is kept', async () => {
    const { t, w } = await start();
    const worker = w.contact(WORKER);
    await w.sendFile(worker, FileBox.fromBuffer(Buffer.from('\x02#!SILK_V3 broken', 'latin1'), 'voice.silk'));
    await w.waitFor(WORKER, /这条语音我打不开.*打字/);
    expect(await t.core.cases.listByUser(wechatUserKey(worker.id))).toEqual([]);
    expect(readdirSync(t.evidenceDir)).toEqual([]);
  });
});
