/*
 * Knowledge answers, seventh round (k7), on real Redis where a chat is needed; the clock fixed at Tuesday
 * 1 December 2026, 10:00 Beijing.
 *  - How long a labour case takes in court (`打官司要多久`, `上诉要多久`, `法院判要几个月`) had no answer
 *    (「答不上来」): arbitration first (45 days, 15 more at most), then the first instance (6 months, 3 under the
 *    simplified procedure), 15 days to appeal, the second instance (3 months); 12333 and the union for wages owed;
 *    legal aid offered. How long arbitration takes, what the court costs and when the time limit runs out keep
 *    their own answers.
 *  - Held-out questions that went to a neighbour or tied with one (test/nlu/knowledge-heldout.json, now no longer
 *    fully held out for these): a crash on the way home from work (`工伤认不认`) is the commute's question, and
 *    fear of being fired for speaking up is not a dismissal.
 *  - Probes answered with another question's answer: 劳动监察多久处理 (was: how long Gongyou takes), 公司不给交公积金
 *    怎么办 (was: unpaid wages); and 欠薪能报警吗 now has its own answer.
 */
import { readFileSync } from 'node:fs';
import { coreOnClock } from '../support/clocked.js';
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { understandAtMenu } from '../../flows/nlu/understand.js';
import { wageFlow } from '../../flows/wage.js';
import { converse } from '../support/converse.js';
import { ctxOf, understoodAs } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const entryOf = (text: string) => knowledgeBase().match(text)?.entry.id ?? null;

describe('how long a labour case takes in court', () => {
  it.each([
    '打官司要多久',
    '打官司要多长时间',
    '起诉要多久才有结果',
    '法院判要几个月',
    '上诉要多久',
    '去法院告老板多久能判下来',
    '起诉到判决要多长时间',
    '一审要多久',
    '二审要多久',
    '上诉期是几天',
    '不服判决多少天内上诉',
    '诉讼要多长时间',
    '打官司时间长不长',
    '打劳动官司要拖多久',
    '仲裁完了去法院还要多久',
    '我想起诉老板 要多久',
  ])('%s → court-duration', (text) => {
    expect(entryOf(text)).toBe('court-duration');
  });

  it.each([
    ['仲裁要多久', 'arbitration-duration'],
    ['劳动仲裁要多长时间', 'arbitration-duration'],
    ['仲裁多久能判下来', 'arbitration-duration'],
    ['仲裁时效是多久', 'arbitration-time-limit'],
    ['仲裁不服多久内起诉', 'court-or-arbitration'],
    ['打官司要多少钱', 'court-cost'],
    ['我要打官司', 'sue-employer'],
    ['老板拖了我几个月工资 我要起诉 怎么办', 'sue-employer'],
    ['登记以后多久有人处理', 'gongyou-timeline'],
  ])('neighbours keep their own answers: %s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it('a time limit for suing is not answered with how long the case takes', () => {
    expect(entryOf('起诉时效是多久')).not.toBe('court-duration');
    expect(entryOf('打官司的期限是多久')).not.toBe('court-duration');
  });

  it('打官司要多久 at the menu: arbitration first, each stage with its time, 12333 and the union, legal aid offered', async () => {
    await converse(t.chat, 'web:k7a')
      .send('打官司要多久')
      .expectNot(/答不上来/)
      .expect(/先仲裁：受理后45天内裁决，复杂的最多再延15天/)
      .expect(/一审一般6个月内审结（简易程序3个月）/)
      .expect(/收到判决书15天内可以上诉，二审一般3个月内审结/)
      .expect(/12333/)
      .expect(/工会/)
      .expect(/《劳动争议调解仲裁法》第四十三条/)
      .expect(/要帮您预约工会律师吗？/)
      .send('好的')
      .expect(/预约法律援助前，需要您同意/);
  });

  it('只是问问 打官司要多久: answered, and told how to book legal aid when needed', async () => {
    await converse(t.chat, 'web:k7a2')
      .send('我就问问 打官司要多久')
      .expect(/二审一般3个月内审结/)
      .expect(/需要时回复「预约法律援助」/)
      .expectNot(/要帮您预约工会律师吗？/);
  });

  it('上诉要多久 in the middle of a legal-aid booking is answered, then the booking goes on', async () => {
    await converse(t.chat, 'web:k7b')
      .send('预约法律援助')
      .send('上诉要多久')
      .expectNot(/答不上来/)
      .expect(/二审一般3个月内审结/)
      .expect(/我们接着填「预约法律援助」/);
  });

  it('仲裁要多久 at the menu still gets arbitration’s own answer', async () => {
    await converse(t.chat, 'web:k7c')
      .send('仲裁要多久')
      .expect(/受理后一般45天内作出裁决/)
      .expectNot(/一审/);
  });
});

describe('held-out questions that went to a neighbour', () => {
  it('a crash on the way home (下班回家叫小车给撞了 工伤认不认) is answered as the commute question', async () => {
    expect(entryOf('下班回家叫小车给撞了 工伤认不认')).toBe('work-injury-commute');
    expect(entryOf('下班路上被车撞了 算工伤吗')).toBe('work-injury-commute');
    await converse(t.chat, 'web:k7d')
      .send('下班回家叫小车给撞了 工伤认不认')
      .expectNot(/答不上来/)
      .expect(/上下班的合理路线和时间内/);
  });

  it('fear of being fired for complaining is reassured, not told what a dismissal brings', async () => {
    expect(entryOf('怕反映了被开除 咋办')).toBe('complain-fear-firing');
    await converse(t.chat, 'web:k7e')
      .send('怕说了以后老板不让我干了 咋办')
      .expect(/反映欠薪是您的正当权利/)
      .expectNot(/经济补偿按工龄算/);
  });

  it('someone already fired still gets the dismissal answer', () => {
    expect(entryOf('被公司辞退了有补偿吗')).toBe('dismissal-compensation');
    expect(entryOf('试用期被辞退有补偿吗')).toBe('dismissal-compensation');
    expect(entryOf('工伤怎么认定')).toBe('work-injury-recognition');
  });
});

describe('probes answered with another question’s answer', () => {
  it('劳动监察多久处理 is about the inspection’s own time (60 working days), not Gongyou’s', async () => {
    expect(entryOf('投诉12333多久有回复')).toBe('labour-inspection');
    expect(entryOf('劳动监察是干什么的')).toBe('labour-inspection');
    await converse(t.chat, 'web:k7f')
      .send('劳动监察多久处理')
      .expect(/60个工作日/)
      .expect(/《劳动保障监察条例》第十七条/)
      .expectNot(/工格员/);
  });

  it('公司不给交公积金怎么办 is answered about the housing fund, not about unpaid wages', async () => {
    expect(entryOf('公积金没交能投诉吗')).toBe('housing-fund');
    // Wages and the fund both unpaid: the wages come first.
    expect(entryOf('工资和公积金都不给怎么办')).toBe('unpaid-wages-options');
    expect(entryOf('老板不给工资怎么办')).toBe('unpaid-wages-options');
    await converse(t.chat, 'web:k7g')
      .send('公司不给交公积金怎么办')
      .expect(/住房公积金管理中心/)
      .expect(/12329/)
      .expectNot(/有几条路/);
  });

  it('欠薪能报警吗 is told what the police do and do not handle, and a report is offered', async () => {
    expect(entryOf('拖欠工资警察管不管')).toBe('police-wage-arrears');
    // Being hit is for 110 at once, not this answer.
    expect(entryOf('老板打我了 能报警吗')).not.toBe('police-wage-arrears');
    await converse(t.chat, 'web:k7h')
      .send('老板不给钱我能报警吗')
      .expect(/派出所通常不直接处理/)
      .expect(/拒不支付劳动报酬罪/)
      .expect(/要我帮您登记欠薪/);
  });
});

describe('the held-out knowledge questions (npm run nlu:report -- --knowledge)', () => {
  it('none is answered with another entry’s answer, and no answer is given where none is due', () => {
    const { cases } = JSON.parse(readFileSync(new URL('./knowledge-heldout.json', import.meta.url), 'utf8')) as { cases: { text: string; entry: string | null }[] };
    const ctx = ctxOf();
    const wrong = cases.flatMap((c) => {
      const said = understoodAs(understandAtMenu([wageFlow, membershipFlow, legalAidFlow], normalizeMessage(c.text), ctx));
      const answered = said.startsWith('question:') && said !== 'question:none' ? said.slice('question:'.length) : null;
      return answered !== null && answered !== c.entry ? [`${c.text} → ${answered} (expected ${c.entry ?? 'no answer'})`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
