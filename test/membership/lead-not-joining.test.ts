/*
 * `我不想入会了` was read as joining (入会 in it): a pending applicant was told 「不用重复申请」, anyone else was started
 * on the form. Not wanting to join, or taking an application back, is answered now: joining is by one's own wish, and
 * how an application is withdrawn.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { serviceOf } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { NOW, courierUpToReview } from './support.js';

const t = coreOnClock(NOW);
const WITHDRAW = /入会全凭自愿，不想入可以不入。已经提交了入会申请、想撤回的，回复「人工」/;

describe('not wanting to join', () => {
  it.each(['我不想入会了', '不想加入工会了', '我不打算入会', '入会申请怎么撤回', '撤回我的入会申请'])('`%s` asks for no joining', (said) => {
    expect(serviceOf(said, null)).toBeNull();
  });

  // guard: wanting to join still does.
  it.each(['我想入会', '我要加入工会', '入会要多久'])('`%s` is still about joining', (said) => {
    expect(serviceOf(said, null)).toBe('membership');
  });

  it('a pending applicant saying `我不想入会了` is told how to withdraw, not 「不用重复申请」', async () => {
    await courierUpToReview(t.chat, 'web:lnj1').send('确认').expect(/入会申请已提交/);
    await converse(t.chat, 'web:lnj1').send('我不想入会了').expect(WITHDRAW).expectNot(/不用重复申请/);
  });

  it('someone who never applied, saying `我不想入会了`, is not started on the form', async () => {
    await converse(t.chat, 'web:lnj2').send('我不想入会了').expect(WITHDRAW).expectNot(/您同意吗/);
  });

  it('`入会申请能撤销吗` is answered the same', async () => {
    await converse(t.chat, 'web:lnj3').send('入会申请能撤销吗').expect(WITHDRAW);
  });
});
