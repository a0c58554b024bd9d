/*
 * `不知道选哪个` at 「您现在是怎么工作的？」 got 「这一项我们需要知道个大概，想想看」 and the same two choices: nothing said
 * what tells them apart. What does comes first now (once); said again, the usual answer to not knowing.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW } from './support.js';

const t = coreOnClock(NOW);
const UP_TO_EMPLOYMENT = ['我要入会', '同意', '同意', '确认', '王建国', '11010519491231002X', '13912345678'];
const APART = /由单位发工资的，选1；送外卖、送快递.*选2/;

describe('not knowing how one works', () => {
  it('`不知道选哪个`: what tells the two apart, with the choices', async () => {
    await converse(t.chat, 'web:eu1')
      .sendAll(...UP_TO_EMPLOYMENT)
      .send('不知道选哪个')
      .expect(APART)
      .expect(/新就业形态劳动者/)
      .send('2')
      .expect(/您做的是哪种工作/);
  });

  it('said again: the usual answer, not the same help twice', async () => {
    await converse(t.chat, 'web:eu2')
      .sendAll(...UP_TO_EMPLOYMENT)
      .send('不清楚')
      .expect(APART)
      .send('还是不知道')
      .expectNot(APART)
      .expect(/人工/);
  });
});
