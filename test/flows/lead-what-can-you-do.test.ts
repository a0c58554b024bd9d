/*
 * Asking what the service can do, in the plural or without 你 (`你们能做什么`, `有什么可以帮我`, `能帮我什么`,
 * `这里可以办什么事`): what can be said at any time and the menu, as `你能做什么` gets (it was 「答不上来」, the very
 * first thing a newcomer may ask). Inside a form: the same, and the question asked again. Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const HELP = /随时可以回复：「菜单」回到主菜单/;
const MENU = /2\. 反映欠薪/;
const CANT = /答不上来/;

describe('what can you do, asked in other words', () => {
  for (const [i, asked] of ['你们能做什么', '有什么可以帮我', '你们能干啥', '能帮我什么', '你们都能帮我做些什么', '这里可以办什么事'].entries()) {
    it(`${asked}: what can be said and the menu, never 「答不上来」`, async () => {
      await converse(t.chat, `web:wc${i}`).send(asked).expect(HELP).expect(MENU).expectNot(CANT);
    });
  }

  it('inside the wage report: the same, and the employer asked again (nothing taken as its answer)', async () => {
    await converse(t.chat, 'web:wcf')
      .sendAll('老板欠我工资', '同意')
      .expect(/单位叫什么/)
      .send('你们能做什么')
      .expect(HELP)
      .expect(/单位叫什么/)
      .expectNot(/「你们能做什么」/);
  });

  // guard: offering help (`我能帮你们做什么吗`) is no question about the service; a request with 能帮我 is the request.
  it('老板欠钱你们能帮我要吗 starts the report', async () => {
    await converse(t.chat, 'web:wcg').send('老板欠钱你们能帮我要吗').expect(/反映欠薪前，需要您同意/).expectNot(HELP);
  });
});
