/*
 * A name and a gate's answer run together (`李四同意` at 「您同意提供身份证号吗？」): it was proposed as the name
 * 「李四同意」. Now no name is taken from it and the consent is asked again; a name alone (`张三`) is still proposed
 * for the name question after the gates, as before. Transcripts on the real chat service and real Redis.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW } from './support.js';

const t = coreOnClock(NOW);
const ID_CONSENT = /您同意提供身份证号吗？/;

describe('a name run into a gate word at the ID-number consent', () => {
  for (const [i, said] of ['李四同意', '王芳确认', '张伟可以'].entries()) {
    it(`${said}: no name 「${said}」 proposed; the consent asked again`, async () => {
      await converse(t.chat, `web:nrg${i}`).sendAll('我想入会', '同意').expect(ID_CONSENT).send(said).expectNot(new RegExp(`姓名「${said}」`)).expect(/请回复1表示同意提供身份证号/);
    });
  }

  // guard: a name alone there is still proposed for the name question.
  it('张三 alone is still proposed as the name', async () => {
    await converse(t.chat, 'web:nrg-alone').sendAll('我想入会', '同意').expect(ID_CONSENT).send('张三').expect(/姓名「张三」。对吗？/);
  });
});
