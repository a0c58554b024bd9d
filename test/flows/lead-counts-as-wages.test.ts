/*
 * Whether a part of the pay counts as wages (`提成不给算不算拖欠工资`, `年终奖不给算欠薪吗`): answered (提成, 奖金,
 * 补贴, 加班费 and piece-rate pay are wages; agreed and unpaid is arrears), and the report offered. It started the
 * report's consent with the question unanswered. A deposit (`押金不退算欠薪吗`) keeps its own answer, and pay held
 * back told, not asked (`老板欠我三个月提成`), still starts the report. Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const COUNTS = /算。工资不只是底薪：提成、奖金、津贴补贴、加班费、计件的钱都是工资的一部分/;
const OFFER = /要我帮您登记欠薪，请工会帮您协调吗？/;
const CONSENT_Q = /反映欠薪前，需要您同意/;

describe('whether a part of the pay counts as wages', () => {
  for (const [i, asked] of ['提成不给算不算拖欠工资', '年终奖不给算欠薪吗', '全勤奖扣着不发算欠工资吗', '计件的钱算不算工资', '高温补贴没发 能反映吗'].entries()) {
    it(`${asked}: answered, with the basis and the report offered; no consent asked yet`, async () => {
      await converse(t.chat, `web:cw${i}`).send(asked).expect(COUNTS).expect(/关于工资总额组成的规定/).expect(OFFER).expectNot(CONSENT_Q);
    });
  }

  it('yes to the offer starts the report', async () => {
    await converse(t.chat, 'web:cwy').send('提成不给算不算拖欠工资').expect(COUNTS).send('1').expect(CONSENT_Q);
  });

  // guard: the deposit's own answer, and pay held back told (not asked) starting the report, as before.
  it('押金不退算欠薪吗 keeps the deposit answer; 老板欠我三个月提成 starts the report', async () => {
    await converse(t.chat, 'web:cwg1').send('押金不退算欠薪吗').expect(/收押金或保证金，都是违法的/).expectNot(COUNTS);
    await converse(t.chat, 'web:cwg2').send('提成没发 老板欠我三个月提成').expect(CONSENT_Q).expectNot(COUNTS);
  });
});
