/*
 * Voice messages nobody could read (no text from WeChat): the audio is kept,
 * encrypted (SILK decoded to WAV), and goes to staff as a help request like
 * 人工, with the phone asked for once; whatever the person was filling in
 * stays. Real Redis, real routing workers, the real HTTP staff API.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAudio, type Case } from '../../core/cases/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { unseal } from '../../core/infra/privacy.js';
import { renderText } from '../../core/infra/replies.js';
import { signToken } from '../../core/infra/tokens.js';
import { createWageCase } from '../support/cases.js';
import { TEST_ENV, eventually } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';
import { sendText, sendVoice, silkVoice, wavInfo } from './support/voice.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const http = useFixture(() => startHttp({ workers: true, clock: manualClock(NOW), env: { MAX_UPLOAD_MB: '1' } }));
const staffAuth = (id: string) => ({ authorization: `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub: id, role: 'staff' }, 600, NOW.getTime())}` });

const ASK_PHONE = /请回复您的手机号/;

async function casesOf(userKey: string, kind: Case['kind']): Promise<Case[]> {
  return (await http.t.core.cases.listByUser(userKey, 50)).filter((c) => c.kind === kind);
}

/** The wage report opened and answered up to the community question (a half-filled draft). */
async function halfWageReport(user: string) {
  const say = (text: string) => sendText(http.t.chat, user, text);
  expect(await say('老板拖了我三个月工资')).toMatch(/同意吗/);
  expect(await say('1')).toMatch(/我理解的是/);
  expect(await say('对')).toMatch(/单位叫什么/);
  expect(await say('青溪宏达建筑工程有限公司')).toMatch(/哪个镇或街道/);
  expect(await say('东龙')).toMatch(/东龙镇的哪个村或社区/);
}

async function assigned(caseId: string): Promise<Case> {
  return eventually(async () => {
    const c = await http.t.core.cases.get(caseId);
    return c?.assignee ? c : null;
  }, 8000, 'the enquiry routed');
}

async function staffNotices(staffId: string): Promise<string> {
  const r = await http.t.core.inbox.read(`staff:${staffId}`);
  return r.items.flatMap((i) => i.replies.map(renderText)).join('\n\n');
}

describe('a voice message without text, in the middle of a wage report', () => {
  it('goes to staff as one help request with the audio as a WAV they can download; the phone is asked once; the draft is kept', async () => {
    const user = 'web:voice1';
    await halfWageReport(user);
    const silk = await silkVoice(1.5);

    // The voice: told a person will listen and call back, asked for the phone once; the wage question waits.
    const first = await sendVoice(http.t.chat, user, { audio: silk });
    expect(first.text).toMatch(/收到您的语音了。我还听不了语音，已经转给工作人员（求助编号 QX\d{8}-\d{4}），他们听完会联系您。/);
    expect(first.text).toMatch(ASK_PHONE);
    expect(first.text).not.toMatch(/哪个村或社区/);
    const [enquiry] = await casesOf(user, 'enquiry');
    expect(enquiry).toBeDefined();
    expect(enquiry!.reporter.phoneSealed).toBeNull();
    expect(enquiry!.location.townshipId).toBe('t01'); // where the report said
    expect(enquiry!.enquiry).toMatchObject({ fromFlow: 'wage', fromStep: 'community' });
    expect(enquiry!.evidence).toEqual([expect.objectContaining({ mediaType: 'audio/wav', name: expect.stringMatching(/^语音留言-.*\.wav$/) })]);
    // Stored encrypted: the file on disk is not the WAV.
    expect(readdirSync(http.t.evidenceDir)).toEqual([enquiry!.evidence[0]!.id]);
    // No wage case, no answers lost.
    expect(await casesOf(user, 'wage_arrears')).toEqual([]);

    // The phone, given: sealed on the request; back to the question the report was at.
    const phone = await sendText(http.t.chat, user, '13800138000');
    expect(phone).toMatch(/记下了您的手机号（尾号8000）/);
    expect(phone).toMatch(/我们接着填「反映欠薪」/);
    expect(phone).toMatch(/东龙镇的哪个村或社区/);
    const withPhone = (await http.t.core.cases.get(enquiry!.id))!;
    expect(unseal(http.t.core.config.DATA_KEY, withPhone.reporter.phoneSealed!)).toBe('13800138000');
    expect(JSON.stringify(withPhone)).not.toContain('13800138000');

    // Routed to the grid team of the place said; the assignee is told it is a voice message to listen to, and the number.
    const routed = await assigned(enquiry!.id);
    expect(['gw-001', 'gw-002', 'gw-003']).toContain(routed.assignee!.staffId);
    const staffId = routed.assignee!.staffId;
    const notices = await eventually(async () => {
      const t = await staffNotices(staffId);
      return t.includes('【新案件】') && t.includes('13800138000') ? t : null;
    }, 8000, 'the staff notice with the phone');
    expect(notices).toContain(routed.caseNo);
    expect(notices).toMatch(/类型：求助人工（语音留言）/);
    expect(notices).toMatch(/语音留言：1条，请在案件详情中下载收听/);

    // The assignee downloads it: a valid WAV of the right length.
    const view = (await (await fetch(`${http.base}/api/v1/staff/cases/${routed.caseNo}`, { headers: staffAuth(staffId) })).json()) as {
      case: { evidence: { name: string; mediaType: string; size: number; url: string }[] };
    };
    expect(view.case.evidence).toHaveLength(1);
    const res = await fetch(`${http.base}${view.case.evidence[0]!.url}`, { headers: staffAuth(staffId) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.length).toBe(view.case.evidence[0]!.size);
    const info = wavInfo(wav);
    expect(info).toMatchObject({ riff: 'RIFF', wave: 'WAVE', format: 1, channels: 1, rate: 24000, bits: 16, data: 'data' });
    expect(info.riffSize).toBe(wav.length - 8);
    expect(info.dataSize).toBe(wav.length - 44);
    // 1.5 seconds of sound (the decoder may round up to its 20 ms frames).
    expect(info.dataSize / 2 / 24000).toBeGreaterThanOrEqual(1.45);
    expect(info.dataSize / 2 / 24000).toBeLessThanOrEqual(1.6);
    // Someone else's grid worker may not.
    const other = ['gw-001', 'gw-002', 'gw-003'].find((x) => x !== staffId)!;
    expect((await fetch(`${http.base}${view.case.evidence[0]!.url}`, { headers: staffAuth(other) })).status).toBe(403);

    // A second voice joins the same request; the phone is known now, so nothing is asked; the assignee hears of it.
    const second = await sendVoice(http.t.chat, user, { audio: silk });
    expect(second.text).toMatch(new RegExp(`这条语音也收到了，和前面的一起转给了工作人员（求助编号 ${routed.caseNo}）`));
    expect(second.text).toMatch(/尾号8000/);
    expect(second.text).not.toMatch(ASK_PHONE);
    expect(second.text).toMatch(/东龙镇的哪个村或社区/);
    const enquiries = await casesOf(user, 'enquiry');
    expect(enquiries).toHaveLength(1);
    expect(enquiries[0]!.evidence.filter(isAudio)).toHaveLength(2);
    await eventually(async () => (await staffNotices(staffId)).includes(`【新语音】求助 ${routed.caseNo}`), 8000, 'the new-voice notice');

    // The draft was there all along: the report carries on where it was.
    expect(await sendText(http.t.chat, user, '新塘')).toMatch(/工程建设项目/);

    // Nothing personal in the queues: job data carries ids and counts only.
    for (const q of [http.t.core.queues.outbound]) {
      for (const job of await q.getJobs(['completed', 'waiting', 'delayed', 'active', 'failed'])) {
        expect(JSON.stringify(job.data)).not.toMatch(/1380013|语音|wav/);
      }
    }
  });

  it('anything but a phone number after the question: the request goes on without it, and the phone is never asked again', async () => {
    const user = 'web:voice2';
    const silk = await silkVoice(1);
    expect((await sendVoice(http.t.chat, user, { audio: silk })).text).toMatch(ASK_PHONE);
    const no = await sendText(http.t.chat, user, '不方便');
    expect(no).toMatch(/好的，先不留电话。工作人员听完语音，会在这里回复您。/);
    expect(no).not.toMatch(ASK_PHONE);
    // More voices: no question again, the same request.
    for (let i = 0; i < 2; i++) {
      const more = await sendVoice(http.t.chat, user, { audio: silk });
      expect(more.text).toMatch(/这条语音也收到了/);
      expect(more.text).not.toMatch(ASK_PHONE);
    }
    // A number typed later is just a message now (the question was spent).
    expect(await sendText(http.t.chat, user, '13800138000')).not.toMatch(/记下了您的手机号/);
    const [c] = await casesOf(user, 'enquiry');
    expect(c!.evidence.filter(isAudio)).toHaveLength(3);
    expect(c!.reporter.phoneSealed).toBeNull();
    const routed = await assigned(c!.id);
    const notices = await eventually(async () => {
      const t = await staffNotices(routed.assignee!.staffId);
      return t.includes('【新案件】') ? t : null;
    }, 8000, 'the staff notice');
    expect(notices).toMatch(/语音留言/);
  });

  it('a second voice sent before the phone question is answered joins the request and says it goes on without the phone', async () => {
    const user = 'web:voice3';
    const silk = await silkVoice(1);
    expect((await sendVoice(http.t.chat, user, { audio: silk })).text).toMatch(ASK_PHONE);
    const second = await sendVoice(http.t.chat, user, { audio: silk });
    expect(second.text).toMatch(/先不留电话[\s\S]*这条语音也收到了/);
    expect(second.text).not.toMatch(ASK_PHONE);
    const cases = await casesOf(user, 'enquiry');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.evidence).toHaveLength(2);
  });

  it('the number may be spoken: a voice WeChat read answers the phone question like typed text', async () => {
    const user = 'web:voice10';
    expect((await sendVoice(http.t.chat, user, { audio: await silkVoice(1) })).text).toMatch(ASK_PHONE);
    const r = await sendVoice(http.t.chat, user, { recognition: '我的电话是幺三八零零一三八零零零' });
    expect(r.text).toMatch(/^听到您说：「我的电话是幺三八零零一三八零零零」/);
    expect(r.text).toMatch(/记下了您的手机号（尾号8000）/);
    const [c] = await casesOf(user, 'enquiry');
    expect(unseal(http.t.core.config.DATA_KEY, c!.reporter.phoneSealed!)).toBe('13800138000');
  });

  it('a worker who gave their phone before is not asked again: the number of their latest case is called', async () => {
    const user = 'web:voice4';
    await createWageCase(http.t.core, { userKey: user, phone: '13900139000' });
    const r = await sendVoice(http.t.chat, user, { audio: await silkVoice(1) });
    expect(r.text).toMatch(/转给工作人员/);
    expect(r.text).toMatch(/工作人员会打您尾号9000的电话，请留意来电。/);
    expect(r.text).not.toMatch(ASK_PHONE);
    const [c] = await casesOf(user, 'enquiry');
    expect(unseal(http.t.core.config.DATA_KEY, c!.reporter.phoneSealed!)).toBe('13900139000');
    // The next message is not taken for a phone answer.
    expect(await sendText(http.t.chat, user, '你好')).not.toMatch(/先不留电话/);
  });

  it('a phone already given in the report being filled in is used, and the report is asked again where it was', async () => {
    const user = 'web:voice5';
    const say = (text: string) => sendText(http.t.chat, user, text);
    await say('我要反映欠薪');
    await say('1');
    expect(await say('青溪宏达建筑工程有限公司，我电话13700137000')).toMatch(/手机号「13700137000」。对吗？/);
    expect(await say('对')).toMatch(/哪个镇或街道/);
    const r = await sendVoice(http.t.chat, user, { audio: await silkVoice(1) });
    expect(r.text).toMatch(/尾号7000/);
    expect(r.text).not.toMatch(ASK_PHONE);
    expect(r.text).toMatch(/我们接着填「反映欠薪」[\s\S]*哪个镇或街道/);
  });

  it('人工 then a voice: the voice is the problem told, and the chat goes back to the menu', async () => {
    const user = 'web:voice6';
    expect(await sendText(http.t.chat, user, '人工')).toMatch(/说说您遇到的问题/);
    const r = await sendVoice(http.t.chat, user, { audio: await silkVoice(1) });
    expect(r.text).toMatch(/转给工作人员/);
    await sendText(http.t.chat, user, '不用了');
    // Not still waiting for the problem: the next words are not handed over as another 人工.
    const next = await sendText(http.t.chat, user, '我想问问仲裁要交钱吗');
    expect(next).not.toMatch(/已为您转人工/);
    expect(await casesOf(user, 'enquiry')).toHaveLength(1);
  });

  it('a voice sent again with the same message id is kept once', async () => {
    const user = 'web:voice7';
    const silk = await silkVoice(1);
    const a = await sendVoice(http.t.chat, user, { audio: silk }, { clientMsgId: 'v-1' });
    const b = await sendVoice(http.t.chat, user, { audio: silk }, { clientMsgId: 'v-1' });
    expect(b.replies).toEqual(a.replies);
    const [c] = await casesOf(user, 'enquiry');
    expect(c!.evidence).toHaveLength(1);
    expect(readdirSync(http.t.evidenceDir)).toHaveLength(1);
  });

  it('AMR and MP3 voices are kept as they came, with their media type', async () => {
    const user = 'web:voice8';
    const amr = Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), Buffer.alloc(320, 0x3c)]);
    const mp3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(400, 0x55)]);
    await sendVoice(http.t.chat, user, { audio: amr, format: 'amr' });
    await sendText(http.t.chat, user, '不用');
    await sendVoice(http.t.chat, user, { audio: mp3, format: 'mp3' });
    const [c] = await casesOf(user, 'enquiry');
    expect(c!.evidence.map((e) => [e.mediaType, e.name.split('.').pop(), e.size])).toEqual([
      ['audio/amr', 'amr', amr.length],
      ['audio/mpeg', 'mp3', mp3.length],
    ]);
    expect(http.t.chat.evidence.load(c!.evidence[0]!.id).equals(amr)).toBe(true);
  });
});

describe('a voice message that cannot be kept', () => {
  const cases: [string, () => Promise<{ audio?: Buffer; format?: 'silk' | 'unknown' }>, RegExp][] = [
    ['a broken SILK file', async () => ({ audio: Buffer.concat([(await silkVoice(1)).subarray(0, 10), Buffer.from('not silk at all, just bytes')]) }), /这条语音我打不开/],
    ['an empty one', async () => ({ audio: Buffer.alloc(0) }), /这条语音是空的/],
    ['one over MAX_UPLOAD_MB', async () => ({ audio: Buffer.alloc(1048576 + 1, 1) }), /这条语音太大了（超过1MB）/],
    ['bytes in no known format', async () => ({ audio: Buffer.from('hello, this is not audio'), format: 'unknown' }), /这条语音我打不开/],
    ['no sound at all', async () => ({}), /这条语音我没有收到声音/],
  ];
  for (const [n, [what, make, reply]] of cases.entries()) {
    it(`${what}: a polite answer asking to try again or type, and nothing is written; the draft stays`, async () => {
      const user = `web:bad${n}`;
      await halfWageReport(user);
      const before = await http.t.chat.sessions.load(user, NOW);
      const r = await sendVoice(http.t.chat, user, await make());
      expect(r.text).toMatch(reply);
      expect(r.text).toMatch(/请再|打字/);
      expect(await casesOf(user, 'enquiry')).toEqual([]);
      expect(readdirSync(http.t.evidenceDir)).toEqual([]);
      expect((await http.t.chat.sessions.load(user, NOW)).version).toBe(before.version);
      expect(await sendText(http.t.chat, user, '新塘')).toMatch(/工程建设项目/);
    });
  }
});

describe('删除我的信息', () => {
  it('removes the voice messages like any evidence', async () => {
    const user = 'web:voice9';
    await sendVoice(http.t.chat, user, { audio: await silkVoice(1) });
    await sendText(http.t.chat, user, '13800138000');
    expect(readdirSync(http.t.evidenceDir)).toHaveLength(1);
    expect(await sendText(http.t.chat, user, '删除我的信息')).toMatch(/确定要删除/);
    expect(await sendText(http.t.chat, user, '确认删除')).toMatch(/已删除您的个人信息/);
    expect(readdirSync(http.t.evidenceDir)).toEqual([]);
    const [c] = await casesOf(user, 'enquiry');
    expect(c!.evidence).toEqual([]);
    expect(c!.reporter.phoneSealed).toBeNull();
  });
});
