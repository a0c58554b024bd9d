/*
 * `我想入会 要交钱吗`, `我想入会，会费多少`: the wish to join was taken and the question dropped (the consent came
 * straight away, nothing said of dues). The dues are answered first now, then the application goes on, as a price
 * asked with a lawyer's booking is (`我想找律师 要钱吗`).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { asksDues } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { NOW } from './support.js';

const t = coreOnClock(NOW);
const DUES = /会员要按月交会费.*0\.5%/s;
const CONSENT = /办理入会需要您的姓名.*您同意吗/s;

describe('dues asked with the wish to join', () => {
  it.each(['我想加入工会 要交钱吗', '我想入会，会费多少', '我想入会 要交会费吗', '我要入会 会费怎么交', '我想入工会 入会费多少钱', '我想入会 是免费的吗'])(
    '`%s`: the dues, then the consent',
    async (said) => {
      await converse(t.chat, `web:dues-${said}`).send(said).expect(DUES).expect(CONSENT);
    },
  );

  it('the application goes on after the dues: 同意 asks the ID number consent', async () => {
    await converse(t.chat, 'web:dues-go').send('我想入会，会费多少').expect(DUES).send('同意').expect(/身份证号需要您单独同意/);
  });

  // guard: wanting to join with no question says nothing of dues.
  it.each(['我要入会', '我想加入工会'])('`%s` starts with the consent alone', async (said) => {
    await converse(t.chat, `web:dues-plain-${said}`).send(said).expect(CONSENT).expectNot(/会费/);
  });

  it.each(['要交钱吗', '会费多少', '要交会费吗', '会费怎么交'])('`%s` asks about dues', (said) => {
    expect(asksDues(said)).toBe(true);
  });

  // guard: 会费 named without a question (`我交过会费了`) asks nothing.
  it('`我交过会费了` asks nothing', () => {
    expect(asksDues('我交过会费了')).toBe(false);
  });
});
