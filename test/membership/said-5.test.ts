/*
 * Probe round 5: an ID number typed where its consent is asked (`430521199003152318` for 同意). It is never
 * taken, confirmed or kept as an answer before the consent: the bot says it was not kept yet and asks the
 * consent once, plainly; a yes goes on with that number (never asked for again), a no leaves nothing. The
 * consent said with the number (`同意 430521…`, `430521… 可以`) is the consent, and 同意 is never a name.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { recordOfIdNumber } from '../../core/membership/apply.js';
import { converse } from '../support/converse.js';
import { NOW } from './support.js';

const t = coreOnClock(NOW);

const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);
const ID = '430521199003152318';
const MASKED = /身份证号「4305\*{10}2318」/;
const HELD = /^要先征得您同意，才能记下身份证号。您刚才发来的号码还没有保存。/;

/** Through the general consent to the ID consent. */
const atIdConsent = (user: string) =>
  converse(t.chat, user).send('我要入会').expect(/您同意吗/).send('同意').expect(/另外，身份证号需要您单独同意/);

describe('an ID number typed at the ID consent', () => {
  it('is not taken before the consent: said so, the consent asked once; a yes goes on with that number, never asked for again', async () => {
    await atIdConsent('web:c1')
      .send(ID)
      .expect(HELD)
      .expect(/不用再输一遍。您同意吗？/)
      .expect(/1\. 同意\n2\. 不同意/)
      .expectNot(/我理解的是|对吗/);
    const held = await sessionOf('web:c1');
    // Not an answer: only held with what waits for the consent (dropped by a no).
    expect(held.answers).not.toHaveProperty('idNumber');
    expect(held.answers).not.toHaveProperty('idConsent');
    expect(held).toMatchObject({ mode: 'ask', fieldId: 'idConsent', pending: { values: { idNumber: { id: ID } } } });

    await converse(t.chat, 'web:c1')
      .send('同意')
      .expect(/入会声明/)
      .send('确认')
      .expect(new RegExp(`我理解的是：${MASKED.source}。对吗？`))
      .send('对')
      .expect(/请输入您的姓名/)
      .send('张伟')
      .expect(/您的手机号是多少/)
      .expectNot(/18位身份证号/)
      .send('13812345678')
      .expect(/怎么工作/)
      .sendAll('2', '外卖配送员', '美团', '1', '1')
      .send('东龙镇')
      .expect(/请核对您的入会申请/)
      .expect(/身份证号：4305\*{10}2318/)
      .send('确认')
      .expect(/入会申请已提交/);
    const record = await recordOfIdNumber(t.core, ID);
    expect(record?.userKey).toBe('web:c1');
  });

  it('a no after it leaves nothing: no answer, nothing held, no draft, no record', async () => {
    await atIdConsent('web:c2').send(ID).expect(HELD).send('不同意').expect(/刚才的回答没有保存/);
    const s = await sessionOf('web:c2');
    expect(s).toMatchObject({ flowId: null, answers: {}, pending: null, draft: null });
    expect(JSON.stringify(s)).not.toContain(ID);
    expect(await recordOfIdNumber(t.core, ID)).toBeNull();
  });

  it('with a name (「张伟 430521…」): both held till the consent, confirmed together after it', async () => {
    await atIdConsent('web:c3')
      .send(`张伟 ${ID}`)
      .expect(HELD)
      .send('1')
      .expect(/入会声明/)
      .send('1')
      .expect(new RegExp(`我理解的是：姓名「张伟」、${MASKED.source}。对吗？`));
  });

  it('「同意 430521…」: the consent, and the number confirmed after it; 同意 is never a name', async () => {
    await atIdConsent('web:c4').send(`同意 ${ID}`).expect(new RegExp(`我理解的是：${MASKED.source}。对吗？`)).expectNot(/姓名「同意」|要先征得/);
    expect((await sessionOf('web:c4')).answers).toMatchObject({ idConsent: true });
    await converse(t.chat, 'web:c4').send('对').expect(/入会声明/).send('确认').expect(/请输入您的姓名/);
    const s = await sessionOf('web:c4');
    expect(s.answers).toMatchObject({ idConsent: true, idNumber: { id: ID } });
    expect(s.answers).not.toHaveProperty('name');
  });

  it('「430521… 可以」: the yes after the number is the consent too (not asked again)', async () => {
    await atIdConsent('web:c5').send(`${ID} 可以`).expect(new RegExp(`我理解的是：${MASKED.source}。对吗？`)).expectNot(HELD);
    expect((await sessionOf('web:c5')).answers).toMatchObject({ idConsent: true });
  });
});
