/*
 * Legal documents generated from a wage case reported in the chat: each
 * .docx is opened as a person would (word/document.xml, tags stripped) and
 * must carry the case's facts where the templates put them, and blanks
 * where we know nothing.
 */
import { describe, expect, it } from 'vitest';
import { acceptCase, routeCase, referCase, type Case } from '../../core/cases/index.js';
import { documentFile, documentsFor, kindsFor, render, rmbCapitals, type Facts } from '../../core/documents/index.js';
import { monthText } from '../../core/infra/time.js';
import { scenarioClock } from '../support/clock.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { docxText, reportWage } from './support.js';

/** Saturday 21 November 2026, 10:00 — or 10:00 on the suite's day (GONGYOU_TEST_NOW). */
const clock = scenarioClock('2026-11-21', '10:00');
const t = useFixture(() => startTestCore({ clock }));

async function reported(user: string): Promise<Case> {
  const caseNo = await reportWage(t.chat, user, clock);
  const c = await t.core.cases.getByNo(caseNo);
  if (!c) throw new Error(`no case ${caseNo}`);
  return c;
}

/** `2026年8月至2026年10月`, as the documents write the case's period. */
const periodOf = (c: Case) => `${monthText(c.wage!.period.start)}至${c.wage!.period.end ? monthText(c.wage!.period.end) : '今'}`;

/** A blank of at least six underscores right after the label. */
const blankAfter = (label: string) => new RegExp(`${label}：_{6,}`);

describe('documents for a wage case reported in the chat', () => {
  it('lists the arbitration application, the complaint and the evidence list; no 支持起诉 or 强制执行 without a procurator or an award', async () => {
    const c = await reported('web:doc1');
    expect((await documentsFor(t.core, c)).map((d) => [d.kind, d.title, d.fileName])).toEqual([
      ['arbitration', '劳动仲裁申请书', `劳动仲裁申请书-${c.caseNo}.docx`],
      ['complaint', '民事起诉状（追索劳动报酬）', `民事起诉状（追索劳动报酬）-${c.caseNo}.docx`],
      ['evidence', '证据清单', `证据清单-${c.caseNo}.docx`],
    ]);
    expect(await documentFile(t.core, c, 'support')).toBeNull();
    expect(await documentFile(t.core, c, 'enforcement')).toBeNull();
    expect(await documentFile(t.core, c, 'nonsense')).toBeNull();
  });

  it('the co-workers owed are counted as the reporter said: 8人, 20余人 (二十多个), 约50人 (将近五十), 5至6人 (五六个)', async () => {
    const c = await reported('web:doc-hc');
    const said = [
      [{ count: 8, approximate: false }, '工友共8人'],
      [{ count: 20, approximate: true }, '工友共20余人'],
      [{ count: 50, approximate: true, about: true }, '工友共约50人'],
      [{ count: 5, approximate: true, upTo: 6 }, '工友共5至6人'],
    ] as const;
    for (const [headcount, words] of said) {
      const text = docxText(await render(t.core, 'arbitration', { ...c, wage: { ...c.wage!, headcount: { ...headcount } } }));
      expect(text, words).toContain(words);
    }
  });

  it('劳动仲裁申请书: the worker, the employer, the claim in figures and capitals, the period, the commission; blanks for what we do not know', async () => {
    const c = await reported('web:doc2');
    expect(c.wage).toMatchObject({ employer: '青溪宏达建筑工程有限公司', amount: 28500, project: '青溪花园二期' });
    const text = docxText(await render(t.core, 'arbitration', c));
    expect(text).toMatch(/^劳动人事争议仲裁申请书\n/);
    expect(text).toContain('申请人：张三');
    expect(text).toContain('联系电话：13800138000');
    expect(text).toContain('被申请人：青溪宏达建筑工程有限公司');
    expect(text).toContain(`1. 裁决被申请人支付申请人${periodOf(c)}拖欠的工资人民币28,500元（大写：贰万捌仟伍佰元整）；`);
    expect(text).toContain('承建的青溪花园二期项目');
    expect(text).toContain('工作地点在东龙镇新塘社区');
    expect(text).toContain(`共${c.wage!.period.months}个月，合计人民币28,500元`);
    expect(text).toContain(`申请人已于${monthText(c.wage!.leftSince!)}离开被申请人处`);
    expect(text).toMatch(/此致\n青溪区劳动人事争议仲裁委员会\n申请人（签名）：_{6,}\n_+年_+月_+日\n/);
    for (const label of ['身份证号码', '住址', '统一社会信用代码', '住所']) expect(text, label).toMatch(blankAfter(label));
    expect(text).toMatch(/出生日期：_+年_+月_+日/);
    expect(text).toMatch(/法定代表人（主要负责人）：_{6,}　　职务：_{6,}/);
    // The notes for the worker are on a page of their own, with where the case came from.
    expect(text).toContain('填写说明（提交时请不要附上这一页）');
    expect(text).toContain(`编号 ${c.caseNo}`);
    expect(text).toContain('申请劳动仲裁不收费');
  });

  it('民事起诉状: 原告 and 被告, 诉讼请求, the arbitration paragraph to complete, the district court', async () => {
    const c = await reported('web:doc3');
    const text = docxText(await render(t.core, 'complaint', c));
    expect(text).toMatch(/^民事起诉状\n（追索劳动报酬纠纷）\n/);
    expect(text).toContain('原告：张三');
    expect(text).toContain('被告：青溪宏达建筑工程有限公司');
    expect(text).toContain(`1. 判令被告支付原告${periodOf(c)}的劳动报酬人民币28,500元（大写：贰万捌仟伍佰元整）；`);
    expect(text).toContain('2. 本案诉讼费用由被告承担。');
    expect(text).toMatch(/原告已于_+年_+月_+日就上述争议向青溪区劳动人事争议仲裁委员会申请仲裁，_{10,}。/);
    expect(text).toMatch(/此致\n青溪区人民法院\n起诉人（签名）：_+/);
    expect(text).toMatch(blankAfter('身份证号码'));
  });

  it('证据清单: the files sent in the chat are rows, with room for more; the worker and the employer', async () => {
    const c = await reported('web:doc4');
    expect(c.evidence.map((e) => e.name)).toEqual(['工资条.jpg']);
    const text = docxText(await render(t.core, 'evidence', c));
    expect(text).toMatch(/^证据清单\n/);
    expect(text).toContain('提交人：张三');
    expect(text).toContain('对方当事人：青溪宏达建筑工程有限公司');
    expect(text).toContain('序号\n | 证据名称\n | 证据来源\n | 证明内容\n | 页数');
    expect(text).toContain('1\n | 工资条\n | 本人提供');
    // Empty numbered rows to write in by hand.
    expect(text).toContain('6\n | \n | \n | \n | ');
    expect(text).toContain('已经列出您在工友助手上传的1份材料');
  });

  it('a case referred to the procuratorate adds the 支持起诉申请书, addressed to the district procuratorate', async () => {
    const c0 = await reported('web:doc5');
    const routed = await routeCase(t.core, c0.id);
    const index = t.core.directory.index();
    const sc = { core: t.core, staff: index.staffById.get(routed!.staffId)! };
    await acceptCase(sc, c0.caseNo);
    const c = await referCase(sc, c0.caseNo, '调解不成，老板拒付，农民工');
    expect((await documentsFor(t.core, c)).map((d) => d.kind)).toEqual(['arbitration', 'complaint', 'support', 'evidence']);
    const text = docxText(await render(t.core, 'support', c));
    expect(text).toMatch(/^支持起诉申请书\n/);
    expect(text).toContain('申请人：张三');
    expect(text).toContain('对方当事人：青溪宏达建筑工程有限公司');
    expect(text).toContain(`请求青溪区人民检察院支持申请人向青溪区人民法院提起民事诉讼，请求判令对方当事人支付拖欠申请人的${periodOf(c)}工资人民币28,500元（大写：贰万捌仟伍佰元整）。`);
    expect(text).toMatch(/申请人自行起诉确有困难：_{10,}。/);
    expect(text).toContain('《中华人民共和国民事诉讼法》第十五条');
    expect(text).toMatch(/此致\n青溪区人民检察院\n/);
  });

  it('without the phone (a supervisor\'s copy), the phone is a blank; the log never carries the name or the phone', async () => {
    const c = await reported('web:doc6');
    const lines: string[] = [];
    const info = t.core.log.info.bind(t.core.log);
    t.core.log.info = ((...args: unknown[]) => {
      lines.push(JSON.stringify(args));
      return (info as (...a: unknown[]) => void)(...args);
    }) as typeof t.core.log.info;
    try {
      const text = docxText(await render(t.core, 'arbitration', c, { phone: false }));
      expect(text).not.toContain('13800138000');
      expect(text).toMatch(blankAfter('联系电话'));
      expect(text).toContain('申请人：张三');
    } finally {
      t.core.log.info = info;
    }
    expect(lines.some((l) => l.includes('document generated'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/张三|13800138000/);
  });
});

describe('documents for household service (a family or a private person as the employer)', () => {
  it('no arbitration: the complaint is a civil one for 劳务报酬 against the person, with their address and the work', async () => {
    const caseNo = await reportWage(t.chat, 'web:doc7', clock, {
      first: '我在人家里当保姆，东家欠我三个月工资一万五',
      answers: [
        [/雇您干活的人怎么称呼|雇主.{0,4}(?:怎么称呼|姓名)/, '王秀英'],
        [/哪个镇或街道/, '河西'],
        [/哪个村或社区/, '锦绣社区'],
        [/雇主家住在哪里/, '河西街道锦绣花园3栋'],
        [/做的是什么活|什么工种/, '保姆'],
      ],
    });
    const c = (await t.core.cases.getByNo(caseNo))!;
    expect(c.wage).toMatchObject({ employerKind: 'household', employer: '王秀英', amount: 15000 });
    expect((await documentsFor(t.core, c)).map((d) => [d.kind, d.title])).toEqual([
      ['complaint', '民事起诉状（追索劳务报酬）'],
      ['evidence', '证据清单'],
    ]);
    expect(await documentFile(t.core, c, 'arbitration')).toBeNull();
    const text = docxText(await render(t.core, 'complaint', c));
    expect(text).toMatch(/^民事起诉状\n（劳务合同纠纷）\n/);
    expect(text).toContain('被告：王秀英　　性别：____');
    expect(text).toContain('住址：河西街道锦绣花园3栋');
    expect(text).not.toContain('统一社会信用代码');
    expect(text).toContain(`1. 判令被告支付原告${periodOf(c)}的劳务报酬人民币15,000元（大写：壹万伍仟元整）；`);
    expect(text).toContain('受被告雇请，从事保姆工作');
    expect(text).not.toContain('劳动人事争议仲裁委员会申请仲裁');
    expect(text).toContain('不用先申请劳动仲裁，可以直接向人民法院起诉');
    expect(text).toMatch(/此致\n青溪区人民法院\n/);
    expect(docxText(await render(t.core, 'evidence', c))).toContain('案由：劳务合同纠纷');
  });
});

describe('which documents apply', () => {
  const base: Facts = {
    ref: 'QX20261121-0001', matter: 'wage', worker: { name: '张三', phone: null }, wage: null, household: false, employerAddress: null, trade: null, workStart: null,
    employment: null, district: '青溪区', place: null, evidence: [], award: null, procurator: false, settled: false,
  };
  it('follows the matter, the employer, the procurator, an award and full payment', () => {
    expect(kindsFor(base)).toEqual(['arbitration', 'complaint', 'evidence']);
    expect(kindsFor({ ...base, household: true })).toEqual(['complaint', 'evidence']);
    expect(kindsFor({ ...base, procurator: true })).toEqual(['arbitration', 'complaint', 'support', 'evidence']);
    expect(kindsFor({ ...base, award: { state: 'none', doc: null } })).toEqual(['arbitration', 'complaint', 'evidence']);
    expect(kindsFor({ ...base, award: { state: 'unpaid', doc: 'award' }, procurator: true })).toEqual(['enforcement']);
    expect(kindsFor({ ...base, award: { state: 'paid', doc: 'judgment' } })).toEqual([]);
    expect(kindsFor({ ...base, matter: 'injury', award: { state: 'unpaid', doc: null } })).toEqual(['enforcement']);
    expect(kindsFor({ ...base, matter: 'injury' })).toEqual([]);
    expect(kindsFor({ ...base, matter: null })).toEqual([]);
    expect(kindsFor({ ...base, settled: true })).toEqual([]);
  });
});

describe('amounts in capitals', () => {
  it('write figures as documents about money do', () => {
    expect(
      [28500, 35600, 10500, 100000, 1000005, 100010000, 1010, 12.05, 0.5, 0].map(rmbCapitals),
    ).toEqual(['贰万捌仟伍佰元整', '叁万伍仟陆佰元整', '壹万零伍佰元整', '壹拾万元整', '壹佰万零伍元整', '壹亿零壹万元整', '壹仟零壹拾元整', '壹拾贰元零伍分', '伍角整', '零元整']);
  });
});
