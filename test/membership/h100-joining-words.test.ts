/*
 * Joining the union in a worker's own words (h100):
 *  - An ID number typed while a 「我理解的是：姓名「李大山」。对吗？」 waits at the ID-number consent
 *    (`身份证号430…`): was 「请回复「对」或「不对」」 and the number dropped without a word. Now said plainly that
 *    the number is not kept before the ID consent and will be asked after it; the same confirmation again, no miss
 *    counted; the number is in no answer, pending value or later value.
 *  - `好再来饭店 做服务员` (the unit, then the job as a word of its own) at 「您现在是怎么工作的？」 and in an opening
 *    message: was 工作方式「单位职工」 only, the unit's name dropped and asked again; now the unit is confirmed with it.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, ZHANG, consented } from './support.js';

const t = coreOnClock(NOW);
const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);

/** Up to the ID-number consent, with 「姓名「李大山」。对吗？」 waiting. */
const nameWaitingAtIdConsent = (user: string) =>
  converse(t.chat, user)
    .send('我想入工会')
    .expect(/您同意吗/)
    .send('同意')
    .expect(/您同意提供身份证号吗/)
    .send('我叫李大山')
    .expect(/姓名「李大山」。对吗/);

describe('an ID number typed before its consent, while a confirmation waits', () => {
  it('`身份证号…` at 「姓名「李大山」。对吗？」: told it is not kept and asked after the consent; the number nowhere', async () => {
    const user = 'web:h100-id1';
    await nameWaitingAtIdConsent(user)
      .send(`身份证号${ZHANG.id}`)
      .expect(/身份证号/)
      .expect(/没有保存/)
      .expect(/同意/)
      .expect(/姓名「李大山」。对吗/);
    const s = await sessionOf(user);
    expect(JSON.stringify(s)).not.toContain(ZHANG.id);
    expect(s.misses).toBe(0);
  });

  it('then 对: the name kept, the ID consent asked; after 同意 the number asked for', async () => {
    const user = 'web:h100-id2';
    await nameWaitingAtIdConsent(user)
      .send(ZHANG.id)
      .expect(/没有保存/)
      .send('对')
      .expect(/您同意提供身份证号吗/)
      .send('同意')
      .expect(/入会声明/);
    const s = await sessionOf(user);
    expect(s.answers.name ?? s.pending?.values.name ?? s.later.name).toBe('李大山');
    expect(JSON.stringify(s)).not.toContain(ZHANG.id);
  });

  it('`对 我身份证是…`: the yes kept for the name, the number not kept, said so; the ID consent asked', async () => {
    const user = 'web:h100-id3';
    await nameWaitingAtIdConsent(user)
      .send(`对 我身份证是${ZHANG.id}`)
      .expect(/没有保存/)
      .expectNot(/请回复「对」或「不对」/)
      .expect(/您同意提供身份证号吗/);
    const s = await sessionOf(user);
    expect(s.answers.name ?? s.later.name).toBe('李大山');
    expect(JSON.stringify(s)).not.toContain(ZHANG.id);
  });

  it('said twice: never the number kept, never the name dropped for it', async () => {
    const user = 'web:h100-id4';
    await nameWaitingAtIdConsent(user)
      .send(ZHANG.id)
      .expect(/没有保存/)
      .send(`身份证 ${ZHANG.id}`)
      .expect(/没有保存/)
      .expect(/姓名「李大山」。对吗/)
      .expectNot(/先不记|不记了/);
    const s = await sessionOf(user);
    expect(s.pending?.values.name).toBe('李大山');
    expect(JSON.stringify(s)).not.toContain(ZHANG.id);
  });

  // guard: typed at the ID consent itself (nothing waiting), the number is held for the yes, as before.
  it('the number at the ID consent itself: asked for the consent again, nothing kept among the answers', async () => {
    const user = 'web:h100-id5';
    await converse(t.chat, user)
      .send('我想入工会')
      .expect(/您同意吗/)
      .send('同意')
      .expect(/您同意提供身份证号吗/)
      .send(ZHANG.id)
      .expect(/还没有保存/);
    const s = await sessionOf(user);
    expect(s.answers.idNumber).toBeUndefined();
  });
});

/** An opening message, then the two consents and the declaration said yes to. */
const opened = (user: string, opening: string) =>
  converse(t.chat, user).send(opening).expect(/您同意吗/).send('1').expect(/身份证号需要您单独同意/).send('1').expect(/入会声明/).send('1');

describe('the unit, then the job as a word of its own', () => {
  it('`好再来饭店 做服务员` at the work question: the unit confirmed with 单位职工, never asked again', async () => {
    const user = 'web:h100-u1';
    await consented(t.chat, user)
      .sendAll('李大山', ZHANG.id, ZHANG.phone)
      .expect(/您现在是怎么工作的？/)
      .send('好再来饭店 做服务员')
      .expect(/工作单位「好再来饭店」/)
      .send('对')
      .expectNot(/您在哪家单位工作/)
      .expect(/「好再来饭店」在哪个镇或街道/);
    expect((await sessionOf(user)).answers.employer).toMatchObject({ name: '好再来饭店' });
  });

  it('`我想入会 好再来饭店 做服务员`: the unit confirmed after the consents', async () => {
    const user = 'web:h100-u2';
    await opened(user, '我想入会 好再来饭店 做服务员').expect(/工作单位「好再来饭店」/);
  });

  // guard: a kind of unit (`饭店 做服务员`) is no name: only 单位职工 is read.
  it('`我想入会 饭店 做服务员`: no unit named', async () => {
    const user = 'web:h100-u3';
    await opened(user, '我想入会 饭店 做服务员').expectNot(/工作单位「/).expect(/工作方式「单位职工」/);
  });
});

