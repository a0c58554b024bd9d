/*
 * Knowledge answers, eighth round (k8), on real Redis where a chat is needed; the clock fixed at Tuesday
 * 1 December 2026, 10:00 Beijing.
 *  - Questions about pay that started a wage report instead of being answered: sick pay (`病假工资怎么算`), pay
 *    while off work after a work injury (`工伤期间工资怎么发`), wages paid in goods (`工资能不能用东西抵`). Each is
 *    answered with its rule, and the wage report offered after.
 *  - Questions with no answer (「答不上来」, or not understood): compensation when a fixed-term contract ends and is
 *    not renewed, whether probation allows dismissal at will, what 一裁终局 means.
 *  - Told, not asked (`我生病请假老板不给工资`, `老板用货抵了我的工资`), pay held back is reported, as before.
 *  - `合法不合法`, `正常不正常`: a word asked A-not-A whole is a question.
 * The phrasings below the examples were written apart from knowledge.json (held-out style).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { isQuestion } from '../../flows/nlu/talk.js';
import { understandAtMenu } from '../../flows/nlu/understand.js';
import { wageFlow } from '../../flows/wage.js';
import { converse } from '../support/converse.js';
import { ctxOf, understoodAs } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const ctx = ctxOf();
const atMenu = (text: string) => understoodAs(understandAtMenu([wageFlow, membershipFlow, legalAidFlow], normalizeMessage(text), ctx));

describe('first messages at the menu answered by the new entries', () => {
  it.each([
    // sick pay
    ['病假工资怎么算', 'sick-leave-pay'],
    ['生病了请几天假 工资会扣光吗', 'sick-leave-pay'],
    ['病假工资有最低标准没', 'sick-leave-pay'],
    ['俺住院半个月 厂里说病假不发钱 这合理不', 'sick-leave-pay'],
    ['额 病假的工资咋算的', 'sick-leave-pay'],
    ['感冒发烧请了三天假 老板扣我工资 可以这样吗', 'sick-leave-pay'],
    ['那个 我生病了请了一个礼拜假 工资还给不给啊', 'sick-leave-pay'],
    ['病价工资咋个算', 'sick-leave-pay'],
    ['看病请了假 老板说病假没工资 是真的吗', 'sick-leave-pay'],
    ['我想问问病假工资怎么算', 'sick-leave-pay'],
    // pay while off after a work injury
    ['工伤期间工资怎么发', 'work-injury-wages'],
    ['工伤养伤的时候公司要发工资吗', 'work-injury-wages'],
    ['受了工伤 在家休养老板还给工资不', 'work-injury-wages'],
    ['停工留薪期工资谁发', 'work-injury-wages'],
    ['工伤住院那段时间工资咋算', 'work-injury-wages'],
    ['停工留薪最长多久啊', 'work-injury-wages'],
    ['嗯 工伤休养的时候工钱咋个给', 'work-injury-wages'],
    ['受伤了在家歇着 工资老板不发了 合法吗', 'work-injury-wages'],
    // wages in goods
    ['工资能不能用东西抵', 'wages-in-kind'],
    ['老板拿他们厂的产品抵工钱 这样可以吗', 'wages-in-kind'],
    ['用米面油顶工资合法不合法', 'wages-in-kind'],
    ['包工头说拿辆车抵我工钱 行不行啊', 'wages-in-kind'],
    ['工资可以发东西吗', 'wages-in-kind'],
    ['以房抵薪合法吗', 'wages-in-kind'],
    ['老板欠我钱 说拿车抵 行吗', 'wages-in-kind'],
    // a fixed-term contract that ends
    ['合同到期不续签有补偿吗', 'contract-expiry-compensation'],
    ['合同到期公司不续 有钱拿吗', 'contract-expiry-compensation'],
    ['劳动合同到期终止 单位要给补偿吗', 'contract-expiry-compensation'],
    ['合同期满了不签了 能要赔偿不', 'contract-expiry-compensation'],
    ['到期不续签 有没有经济补偿金', 'contract-expiry-compensation'],
    ['合同快到期了 公司说不续约 有补偿没', 'contract-expiry-compensation'],
    ['嗯那个合同到期了公司不给续签了有没有补偿啊', 'contract-expiry-compensation'],
    ['合同到其了不续签 有n+1吗', 'contract-expiry-compensation'],
    // dismissal in probation
    ['试用期可以随便辞退吗', 'probation-dismissal'],
    ['试用期公司可以随便开除人吗', 'probation-dismissal'],
    ['试用期辞退员工需要理由吗', 'probation-dismissal'],
    ['试用期被劝退合法不', 'probation-dismissal'],
    ['还在试用期 老板一句话就叫我走 这样可以吗', 'probation-dismissal'],
    ['试用期被开了 怎么办', 'probation-dismissal'],
    ['试用其被开除了正常吗', 'probation-dismissal'],
    // 一裁终局
    ['一裁终局', 'final-award'],
    ['一裁终局？', 'final-award'],
    ['啥叫一裁终局', 'final-award'],
    ['一裁终局适用哪些情况', 'final-award'],
    ['一裁终局对老板有啥限制', 'final-award'],
    ['一裁终局的裁决老板不服咋办', 'final-award'],
    ['一栽终局啥意思', 'final-award'],
    ['仲裁说是终局裁决 老板还能上诉不', 'final-award'],
    ['我就问问 一裁终局是啥', 'final-award'],
  ])('%s → %s', (text, id) => {
    expect(atMenu(text)).toBe(`question:${id}`);
  });
});

describe('what is told, not asked, and the neighbours', () => {
  it.each(['老板欠我三个月工资', '我生病请假老板不给工资', '病假工资老板一直不发', '工伤了在家养伤老板不给工资', '老板用货抵了我的工资', '老板拿东西抵工资 我要反映'])(
    '%s starts the wage report',
    (text) => {
      expect(atMenu(text)).toBe('switch:wage');
    },
  );

  it.each([
    ['工伤能赔多少钱', 'work-injury-benefits'],
    ['工伤赔偿按什么工资算', 'work-injury-benefits'],
    ['产假期间工资谁发', 'maternity-leave'],
    ['最低工资是多少', 'minimum-wage'],
    ['一周不休息合法吗', 'working-hours'],
    ['弄坏了东西老板从工资里扣 能扣多少', 'wage-late-deduction'],
    ['周末加班能用调休抵吗', 'overtime-time-off'],
    ['朋友欠我钱 拿车抵债行不行', 'private-debt'],
    ['合同还没到期就把我辞退了 有补偿吗', 'dismissal-compensation'],
    ['被公司辞退了怎么办', 'dismissal-compensation'],
    ['试用期被辞退有补偿吗', 'dismissal-compensation'],
    ['合同到期后没续签 还在干 能要双倍工资吗', 'no-contract-double-wage'],
    ['怀孕了合同到期公司不续签', 'pregnancy-dismissal'],
    ['试用期被辞退了 工资怎么算', 'probation-pay'],
    ['试用期不给工资合法吗', 'probation-pay'],
    ['试用期交不交社保', 'probation-social-insurance'],
    ['对仲裁结果不服怎么办', 'court-or-arbitration'],
  ])('%s keeps %s', (text, id) => {
    expect(knowledgeBase().match(normalizeMessage(text))?.entry.id).toBe(id);
  });

  it('a word asked whole twice (合法不合法) is a question; a statement is not', () => {
    expect(isQuestion('用米面油顶工资合法不合法')).toBe(true);
    expect(isQuestion('这样扣钱正常不正常')).toBe(true);
    expect(isQuestion('老板用货抵了我的工资')).toBe(false);
  });
});

describe('the answers in a chat', () => {
  it('病假工资怎么算: the 80% floor, local rules via 12333, the rule cited; the wage report offered and started', async () => {
    await converse(t.chat, 'web:k8a')
      .send('病假工资怎么算')
      .expectNot(/反映欠薪前/)
      .expect(/医疗期内/)
      .expect(/不能低于它的80%/)
      .expect(/12333/)
      .expect(/第五十九条/)
      .expect(/病假工资没发的话，要我帮您登记吗？/)
      .send('好的')
      .expect(/反映欠薪前，需要您同意/);
  });

  it('工伤期间工资怎么发: the wage unchanged, paid monthly, 12 months and at most 12 more', async () => {
    await converse(t.chat, 'web:k8b')
      .send('工伤期间工资怎么发')
      .expectNot(/反映欠薪前/)
      .expect(/停工留薪期/)
      .expect(/原来的工资福利待遇不变，由单位按月发/)
      .expect(/一般不超过12个月/)
      .expect(/延长最多12个月/)
      .expect(/《工伤保险条例》第三十三条/);
  });

  it('工资能不能用东西抵: wages are paid in money, not goods', async () => {
    await converse(t.chat, 'web:k8c')
      .send('工资能不能用东西抵')
      .expectNot(/反映欠薪前/)
      .expect(/工资必须用钱（人民币）发/)
      .expect(/实物/)
      .expect(/《工资支付暂行规定》第五条/)
      .expect(/要我帮您登记欠薪吗？/);
  });

  it('合同到期不续签有补偿吗: compensation unless the same or better terms were refused; how it is counted', async () => {
    await converse(t.chat, 'web:k8d')
      .send('合同到期不续签有补偿吗')
      .expectNot(/答不上来/)
      .expect(/按原来一样或更好的条件续签/)
      .expect(/每满一年给一个月工资/)
      .expect(/不满六个月的给半个月工资/)
      .expect(/第四十六条第五项/)
      .expect(/预约工会律师/)
      .send('好的')
      .expect(/预约法律援助前，需要您同意/);
  });

  it('试用期可以随便辞退吗: only on the grounds the law lists, with the reason told; probation’s limits', async () => {
    await converse(t.chat, 'web:k8e')
      .send('试用期可以随便辞退吗')
      .expectNot(/答不上来/)
      .expect(/不能随便辞退/)
      .expect(/不符合录用条件/)
      .expect(/向您说明理由/)
      .expect(/三年以上或无固定期限的最多6个月/)
      .expect(/第二十一条/);
  });

  it('一裁终局 alone: which disputes, the worker may still sue in 15 days, the employer only asks to set it aside in 30', async () => {
    await converse(t.chat, 'web:k8f')
      .send('一裁终局')
      .expectNot(/没太明白/)
      .expect(/月最低工资12个月/)
      .expect(/工作时间、休息休假、社会保险/)
      .expect(/15天内还可以到法院起诉/)
      .expect(/30天内/)
      .expect(/中级法院申请撤销/)
      .expect(/第四十七条、第四十八条、第四十九条/);
  });

  it('我生病请假老板不给工资 is a report: the wage report starts', async () => {
    await converse(t.chat, 'web:k8g').send('我生病请假老板不给工资').expect(/反映欠薪前，需要您同意/).expectNot(/医疗期/);
  });

  it('病假工资怎么算 in the middle of a wage report is answered, then the report goes on', async () => {
    await converse(t.chat, 'web:k8h')
      .send('我要反映欠薪')
      .send('同意')
      .expect(/单位叫什么名字/)
      .send('病假工资怎么算')
      .expect(/不能低于它的80%/)
      .expect(/我们接着填「反映欠薪」/);
  });
});
