/*
 * A service offered after an answer (「要现在申请入会吗？」), and what a worker says next in their own words:
 * a follow-up on the answer (`要交多少` after the dues: it was 「答不上来」 and the offer gone), not now (`我再想想`,
 * `以后再说吧`, `那不入了`: 「没太明白」 and the menu), a no with 那 before it (`哦 那不用了`: 没太明白), and a plain no
 * with nothing asked (`算了`, `不用了` at the start: 没太明白). Also: joining's consent to the ID number, asked again
 * while the worker tells other things, is said in full once more, then short (it was the long text three times).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const DUES = '入会要钱吗';
const OFFER = /要现在申请入会吗/;
const JOIN_CONSENT = /办理入会需要您的姓名/;
const LATER = /不着急，您考虑好了随时找我/;

describe('a follow-up on the answer that offered joining', () => {
  for (const [i, said] of ['要交多少', '一个月多少', '交多少'].entries()) {
    it(`${said}: the dues again, the offer standing (好的 then begins joining)`, async () => {
      await converse(t.chat, `web:lf${i}`)
        .send(DUES)
        .expect(OFFER)
        .send(said)
        .expect(/就像刚才说的：会员要按月交会费/)
        .expect(OFFER)
        .expectNot(/答不上来/)
        .send('好的')
        .expect(JOIN_CONSENT);
    });
  }

  // guard: a question about something else at the offer is that question's (the offer gives way to it).
  it('仲裁要钱吗 at the offer: the arbitration answer, not the dues again', async () => {
    const c = converse(t.chat, 'web:lfo').send(DUES).expect(OFFER).send('劳动仲裁要钱吗');
    c.expectNot(/就像刚才说的/);
    await c.expect(/仲裁/);
  });

  // guard: a short question its answer did not make is not taken for a follow-up.
  it('a short question the answer did not make (`要多久` after the dues): no dues said again', async () => {
    await converse(t.chat, 'web:lfw').send(DUES).expect(OFFER).send('要多久').expectNot(/就像刚才说的/);
  });
});

describe('joining declined for now, in words', () => {
  for (const [i, said] of ['我再想想', '以后再说吧', '那不入了', '先不入了', '考虑一下'].entries()) {
    it(`${said}: not now, kindly (never 没太明白)`, async () => {
      await converse(t.chat, `web:ll${i}`).send(DUES).expect(OFFER).send(said).expect(LATER).expectNot(/没太明白/);
    });
  }

  it('要交多少, then 那不入了: the dues again, then not now', async () => {
    await converse(t.chat, 'web:llb').send(DUES).send('要交多少').expect(OFFER).send('那不入了').expect(LATER).expectNot(/没太明白/);
  });

  for (const [i, said] of ['哦 那不用了', '那不用了'].entries()) {
    it(`${said}: a no (never 没太明白)`, async () => {
      await converse(t.chat, `web:ln${i}`).send(DUES).expect(OFFER).send(said).expect(/好的，有需要随时找我/).expectNot(/没太明白/);
    });
  }

  // guard: 那就算了 was a no before.
  it('那就算了: a no (never 没太明白)', async () => {
    await converse(t.chat, 'web:ln2').send(DUES).expect(OFFER).send('那就算了').expect(/好的，有需要随时找我/).expectNot(/没太明白/);
  });

  // guard: `好的` still takes the offer.
  it('好的 at the offer begins joining', async () => {
    await converse(t.chat, 'web:lly').send(DUES).send('好的').expect(JOIN_CONSENT);
  });
});

describe('a no with nothing asked', () => {
  for (const [i, said] of ['算了', '不用了', '不要了'].entries()) {
    it(`${said} at the start: 「好的，有需要随时找我」, never 没太明白`, async () => {
      await converse(t.chat, `web:lm${i}`).send(said).expect(/好的，有需要随时找我/).expectNot(/没太明白/);
    });
  }

  // guard: after a wage report, `不报了` is the case's business (withdrawal passed on), never a kind goodbye.
  it('不报了 after submitting a report: the withdrawal offered to be passed on', async () => {
    await converse(t.chat, 'web:lmr').sendAll(...SUBMITTED_REPORT).expect(/提交成功/).send('不报了').expect(/撤回/).expectNot(/随时找我/);
  });
});

describe("joining's consent to the ID number, asked again while the worker tells other things", () => {
  it('the whole text once more; then its short form (never the long text three times)', async () => {
    const c = converse(t.chat, 'web:lid').sendAll('我想入工会', '同意');
    await c.expect(/身份证号需要您单独同意/);
    const replies: string[] = [];
    for (const said of ['在河西那边的饭店干活', '13800001111', '对', '好再来饭店 做服务员', '对']) replies.push((await c.send(said)).text);
    const full = replies.filter((r) => r.includes('身份证号需要您单独同意')).length;
    expect(full, replies.join('\n---\n')).toBe(1);
    expect(replies.at(-1)).toMatch(/同意提供身份证号/);
    await c.send('同意').expect(/入会声明/);
  });
});
