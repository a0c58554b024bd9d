/*
 * A phone number alone at 「请用一两句话说说事情经过」 (the person answering the phone question ahead) was kept as
 * the account, 「138****8000」, and the form went on: now it is said to be a phone, asked for later, and the account
 * is asked again. A number inside an account (`老板电话13900001111 打不通`) is still part of it. (Accounts are kept
 * as the message was normalised: half-width punctuation.)
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const TO_ACCOUNT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '不知道', '服务员'];

describe('a phone number at the account question', () => {
  it('when only a phone number is sent, then it is not kept as the account, and the account is asked again', async () => {
    const user = 'web:lap1';
    await converse(t.chat, user).sendAll(...TO_ACCOUNT.slice(0, -1)).send('服务员').expect(/说说事情经过/);
    for (const said of ['13800138000', '我电话是 138 0013 8000']) {
      await converse(t.chat, user).send(said).expect(/这是手机号吧？手机号最后会专门问您/).expectNot(/证据/);
      const s = await session(user);
      expect(s.fieldId).toBe('account');
      expect(s.answers).not.toHaveProperty('account');
    }
    await converse(t.chat, user).send('老板说年底一起结，到现在也没给').expect(/证据/);
    expect((await session(user)).answers.account).toBe('老板说年底一起结,到现在也没给');
  });

  // Guard: a number inside what happened stays part of it (masked, as before).
  it('when the account mentions a phone number, then it is kept as the account', async () => {
    const user = 'web:lap2';
    await converse(t.chat, user).sendAll(...TO_ACCOUNT).send('老板电话13900001111 打不通').expect(/证据/);
    expect((await session(user)).answers.account).toBe('老板电话139****1111 打不通');
  });
});
