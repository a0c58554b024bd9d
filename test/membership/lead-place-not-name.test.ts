/*
 * A place typed where a gate waits (the consents, the declaration) is never offered as the person's name: a bare
 * name there is (the name is the first question after the gates), a village or a town by its last word is not.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW } from './support.js';

const t = coreOnClock(NOW);

const atDeclaration = (user: string) =>
  converse(t.chat, user).send('我要入会').expect(/您同意吗/).send('1').expect(/身份证号需要您单独同意/).send('1').expect(/您确认以上声明吗/);

describe('a place at the declaration', () => {
  it('「新塘村」 is not offered as the name: the declaration is asked for again', async () => {
    await atDeclaration('web:pn1').send('新塘村').expectNot(/姓名「新塘村」/).expect(/回复1表示确认入会声明/);
  });

  it('「东龙镇」 and 「宏达公司」 neither', async () => {
    await atDeclaration('web:pn2').send('东龙镇').expectNot(/姓名「/);
    await atDeclaration('web:pn3').send('宏达公司').expectNot(/姓名「/);
  });

  // guard: a bare name there is still offered, to confirm.
  it('「李秀英」 is still offered as the name, to confirm', async () => {
    await atDeclaration('web:pn4').send('李秀英').expect(/我理解的是：姓名「李秀英」。对吗？/);
  });
});
