/*
 * Documents in the chat: `文书` lists the person's documents with download
 * links, `进度` mentions it, and booking legal aid asks once whether an
 * award or judgment already exists; an unpaid one is explained (申请强制执行)
 * and its 强制执行申请书 offered.
 */
import { describe, expect, it } from 'vitest';
import { documentsFor, openLink } from '../../core/documents/index.js';
import { monthText } from '../../core/infra/time.js';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { converseUntil, docxText, linkTokens, monthBack, reportWage } from './support.js';

const clock = scenarioClock('2026-11-21', '10:00');
const t = useFixture(() => startTestCore({ clock }));

/** The document behind a link in the chat, as its text. */
async function opened(token: string): Promise<string> {
  const r = await openLink(t.core, token);
  if (!r.ok) throw new Error(`link refused: ${r.reason}`);
  return docxText(r.file.bytes);
}

/** Answers for booking a union lawyer at 东龙's service point, the worker having left on the 15th of last month. */
const BOOKING: [RegExp, string][] = [
  [/同意吗/, '1'],
  [/我理解的是.*对吗/s, '对'],
  [/咨询什么事/, '1'],
  [/还在这家单位干吗/, `${monthBack(clock, 1)}15日`],
  [/哪个镇或街道/, '东龙'],
  [/找谁帮忙/, '1'],
  [/怎么咨询/, '1'],
  [/服务点/, '1'],
  [/空闲时间|还能约的时间/, '1'],
  [/怎么称呼/, '李四'],
  [/手机号/, '13900139000'],
  [/请核对/, '确认'],
];

describe('文书 in the chat', () => {
  it('with nothing reported, says what documents are for', async () => {
    await converse(t.chat, 'web:c0').send('文书').expect(/还没有可以生成法律文书的案件/).expect(/反映欠薪/);
  });

  it('lists the case\'s documents with links that open them; 文书 QX… the same; someone else\'s number is not found; 进度 mentions 文书', async () => {
    const caseNo = await reportWage(t.chat, 'web:c1', clock);
    const { text } = await converse(t.chat, 'web:c1')
      .send('文书')
      .expect(new RegExp(`${caseNo}（青溪宏达建筑工程有限公司）的法律文书`))
      .expect(/1\. 劳动仲裁申请书\nhttp\S+\/api\/v1\/documents\/\S+\n2\. 民事起诉状（追索劳动报酬）\nhttp\S+\n3\. 证据清单\nhttp\S+/)
      .expect(/10分钟内有效/)
      .expect(/「我的案件」点「文书」/);
    const tokens = linkTokens(text);
    expect(tokens).toHaveLength(3);
    expect(await opened(tokens[0]!)).toContain('青溪区劳动人事争议仲裁委员会');
    expect(await opened(tokens[1]!)).toContain('青溪区人民法院');
    expect(await opened(tokens[2]!)).toMatch(/^证据清单\n/);

    await converse(t.chat, 'web:c1').send(`文书 ${caseNo.toLowerCase()}`).expect(/1\. 劳动仲裁申请书\nhttp/);
    await converse(t.chat, 'web:c-other').send(`文书 ${caseNo}`).expect(new RegExp(`没有找到您的案件或预约 ${caseNo}`)).expectNot(/http/);
    await converse(t.chat, 'web:c1').send('进度').expect(new RegExp(caseNo)).expect(/回复「文书」可以下载/);
  });

  it('in the middle of a report, answers and asks the question again', async () => {
    await reportWage(t.chat, 'web:c2', clock);
    await converse(t.chat, 'web:c2')
      .send('我要入会')
      .expect(/同意/)
      .send('文书')
      .expect(/1\. 劳动仲裁申请书/)
      .expect(/同意/);
  });
});

describe('legal aid asks about an award or judgment', () => {
  it('when the award was not paid, explains 申请强制执行 and the booking brings the 强制执行申请书', async () => {
    const said = await converseUntil(t.chat, 'web:la1', '我想找律师', [[/裁决书/, '3'], ...BOOKING], /预约成功/);
    const asked = said.findIndex((s) => s.includes('是不是已经有了劳动仲裁的裁决书、法院的判决书或者调解书'));
    expect(asked, said.join('\n---\n')).toBeGreaterThan(0);
    // Asked once, skippable.
    expect(said.filter((s) => s.includes('是不是已经有了劳动仲裁的裁决书')).length).toBe(1);
    expect(said[asked]).toContain('可回复「跳过」');
    const explained = said[asked + 2]!;
    expect(explained).toContain('可以申请法院强制执行');
    expect(explained).toContain('向第一审人民法院申请');
    expect(explained).toContain('付款期限最后一天起2年内');
    expect(explained).toContain('生效证明');
    expect(explained).toContain('回复「文书」可以下载');
    expect(said.find((s) => s.includes('请核对'))).toContain('裁决或判决：有，对方没有全部给');

    const [b] = await t.chat.bookings.listByUser('web:la1');
    expect(b!.award).toEqual({ state: 'unpaid', doc: null });
    expect((await documentsFor(t.core, b!)).map((d) => d.kind)).toEqual(['enforcement']);

    const { text } = await converse(t.chat, 'web:la1').send('文书').expect(new RegExp(`${b!.bookingNo}（预约工会律师咨询）的法律文书`)).expect(/1\. 强制执行申请书\nhttp/);
    const doc = await opened(linkTokens(text)[0]!);
    expect(doc).toMatch(/^强制执行申请书\n/);
    expect(doc).toContain('申请执行人：李四');
    expect(doc).toContain('联系电话：13900139000');
    expect(doc).toMatch(/被执行人：_{10,}/);
    expect(doc).toMatch(/执行依据：\n_{10,}于_+年_+月_+日作出的裁决书（判决书、调解书）（文号：_+），已于_+年_+月_+日发生法律效力。/);
    expect(doc).toContain('2. 被执行人加倍支付迟延履行期间的债务利息；');
    expect(doc).toContain('《中华人民共和国劳动争议调解仲裁法》第五十一条');
    expect(doc).toMatch(/此致\n青溪区人民法院\n申请执行人（签名）：_+/);
    expect(doc).toContain('付款期限最后一天起两年内');
  });

  it('for a wage case: a judgment not paid makes the case\'s documents the 强制执行申请书, with the case\'s facts', async () => {
    const caseNo = await reportWage(t.chat, 'web:la2', clock);
    const said = await converseUntil(t.chat, 'web:la2', `预约 ${caseNo}`, [[/裁决书/, '有判决书，老板一直没给'], ...BOOKING], /预约成功/);
    expect(said.join('\n')).toContain('可以申请法院强制执行');
    const c = (await t.core.cases.getByNo(caseNo))!;
    expect((await documentsFor(t.core, c)).map((d) => d.kind)).toEqual(['enforcement']);
    const { text } = await converse(t.chat, 'web:la2').send('文书').expect(new RegExp(`${caseNo}（青溪宏达建筑工程有限公司）`)).expect(/强制执行申请书/).expectNot(/劳动仲裁申请书/);
    const doc = await opened(linkTokens(text)[0]!);
    expect(doc).toContain('申请执行人：张三');
    expect(doc).toContain('被执行人：青溪宏达建筑工程有限公司');
    expect(doc).toMatch(/_+人民法院于_+年_+月_+日作出的判决书/);
    expect(doc).toContain(`被执行人拖欠申请执行人${monthText(c.wage!.period.start)}至${monthText(c.wage!.period.end!)}的工资28,500元`);
    expect(doc).not.toContain('劳动争议调解仲裁法》第五十一条');
  });

  it('no award yet (or skipped) keeps the usual documents, and still in work is not asked', async () => {
    await converseUntil(t.chat, 'web:la3', '我想找律师', [[/裁决书/, '跳过'], ...BOOKING], /预约成功/);
    const [b] = await t.chat.bookings.listByUser('web:la3');
    expect(b!.award).toBeNull();
    expect((await documentsFor(t.core, b!)).map((d) => d.kind)).toEqual(['arbitration', 'complaint', 'evidence']);

    const still: [RegExp, string][] = BOOKING.map(([re, a]) => (/还在这家单位/.test(re.source) ? [re, '还在'] : [re, a]));
    const said = await converseUntil(t.chat, 'web:la4', '预约检察官', still, /预约成功/);
    expect(said.join('\n')).not.toContain('裁决书、法院的判决书');
    const [p] = await t.chat.bookings.listByUser('web:la4');
    // A procurator's consultation: the 支持起诉申请书 too.
    expect((await documentsFor(t.core, p!)).map((d) => d.kind)).toEqual(['arbitration', 'complaint', 'support', 'evidence']);
  });
});
