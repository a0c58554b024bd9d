/*
 * Legal aid, probe round 4 (C): the price asked with a request for a lawyer (`我想找律师 要钱吗`) is answered
 * before the booking starts; the help kind the first message chose is said back in a sentence
 * (「好的，您想找工会律师咨询。」); a whole day at the leaving-day question that contradicts `前几天` just said is
 * confirmed with it, as a bare day is; an ID number typed at membership's ID consent is followed by one short
 * consent question about keeping it. Transcripts on the real chat service and real Redis; today is Tuesday
 * 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
const FREE = /不收费。在这里反映欠薪、找工会协调、预约工会律师咨询都是免费的/;

describe('the price asked with a request for a lawyer (item 1)', () => {
  it('「我想找律师 要钱吗」: free, said first; then the booking, the lawyer said back, its consent', async () => {
    await converse(t.chat, 'web:p1')
      .send('我想找律师 要钱吗')
      .expect(FREE)
      .expect(/不收费[\s\S]*好的，您想找工会律师咨询。[\s\S]*需要您同意/)
      .send('同意')
      .expect(/您想咨询什么事/);
  });

  it('「我想预约律师 收费吗」 the same', async () => {
    await converse(t.chat, 'web:p2').send('我想预约律师 收费吗').expect(FREE).expect(/好的，您想找工会律师咨询。/).expect(CONSENT);
  });

  it('「我想预约检察官 要钱吗」: the procurator\'s answer (检察院不收费), then the procurator booking', async () => {
    await converse(t.chat, 'web:p3')
      .send('我想预约检察官 要钱吗')
      .expect(/检察院不收费/)
      .expect(/好的，您想和检察官面对面咨询（支持起诉）。/)
      .expect(CONSENT);
  });

  it('「找律师咨询要钱吗」 and 「找律师要钱吗」 (questions, no request): answered, the booking offered; 好的 starts it', async () => {
    await converse(t.chat, 'web:p4').send('找律师要钱吗').expect(/法律援助是免费的/).expect(/要帮您预约工会律师吗/).expectNot(CONSENT);
    await converse(t.chat, 'web:p5')
      .send('找律师咨询要钱吗')
      .expect(/免费/)
      .expect(/要帮您预约工会律师吗/)
      .expectNot(CONSENT)
      .send('好的')
      .expect(/好的，您想找工会律师咨询。/)
      .expect(CONSENT);
  });

  it('「我想找律师」 alone starts the booking at once, with no price said; 「能帮我要钱吗」 asks no price', async () => {
    await converse(t.chat, 'web:p6').send('我想找律师').expect(/^好的，您想找工会律师咨询。/).expectNot(/收费|免费的/).expect(CONSENT);
    await converse(t.chat, 'web:p7').send('我想找律师 能帮我要钱吗').expectNot(FREE).expect(CONSENT);
  });
});

describe('the help kind said back (item 2)', () => {
  it('a lawyer and a procurator in a sentence; the summary line keeps 预约类型', async () => {
    await converse(t.chat, 'web:k1').send('我想先找个律师咨询一下').expect(/好的，您想找工会律师咨询。/).expectNot(/我先记下|预约类型「/);
    await converse(t.chat, 'web:k2').send('预约检察官').expect(/好的，您想和检察官面对面咨询（支持起诉）。/).expectNot(/我先记下|预约类型「/);
    await converse(t.chat, 'web:k3')
      .sendAll('我想找律师', '同意', '1', '1', '1', '1', '1', '1', '4', '张三', '13800138000')
      .expect(/预约类型：工会律师咨询/);
  });

  it('other facts of the first message are still confirmed after the consent, as before', async () => {
    await converse(t.chat, 'web:k4')
      .send('工伤了想电话咨询律师')
      .expect(/好的，您想找工会律师咨询。/)
      .send('同意')
      .expect(/我理解的是：咨询的事「工伤」、方式「电话咨询」。对吗？/);
  });
});

describe('a whole day against 前几天 at the leaving-day question (item 3)', () => {
  const leftFewDaysAgo = (user: string) =>
    converse(t.chat, user).sendAll('预约法律援助', '同意', '1').send('前几天走的').expect(/您说的「前几天」，是2026年11月几号离开的/);

  it('「11月1日」 (a month ago) is confirmed with 前几天 said, never taken silently; 对 takes it', async () => {
    await leftFewDaysAgo('web:d1')
      .send('11月1日')
      .expect(/您刚才说是「前几天」，2026年11月1日已经是30天前了。/)
      .expect(/我理解的是：在职情况「2026年11月1日离开/)
      .expect(/对吗？/)
      .send('对')
      .expect(/裁决书/);
    const s = await t.chat.sessions.load('web:d1', clock.now());
    expect(s.answers).toMatchObject({ limit: { leftOn: '2026-11-01' } });
  });

  it('「11月1号」 the same; 「10月20日」 too', async () => {
    await leftFewDaysAgo('web:d2').send('11月1号').expect(/您刚才说是「前几天」，2026年11月1日已经是30天前了。/).expect(/对吗？/);
    await leftFewDaysAgo('web:d3').send('10月20日').expect(/您刚才说是「前几天」，2026年10月20日已经是42天前了。/).expect(/对吗？/);
  });

  it('a whole day inside 前几天 (「11月28号」) is taken at once, as a bare day inside them is', async () => {
    await leftFewDaysAgo('web:d4').send('11月28号').expectNot(/您刚才说是/).expectNot(/对吗？/).expect(/裁决书/);
    const s = await t.chat.sessions.load('web:d4', clock.now());
    expect(s.answers).toMatchObject({ limit: { leftOn: '2026-11-28' } });
  });
});

describe('an ID number typed at the ID consent of membership (item 4)', () => {
  // Superseded (round 5, test/membership/said-5.test.ts): the number is held, never confirmed or kept before the consent.
  it('held till the consent, which is asked once, plainly; a yes goes on to the declaration', async () => {
    await converse(t.chat, 'web:m1')
      .sendAll('我要入会', '同意')
      .expect(/另外，身份证号需要您单独同意/)
      .send('11010519491231002X')
      .expect(/^要先征得您同意，才能记下身份证号。您刚才发来的号码还没有保存。/)
      .expectNot(/我理解的是|另外/)
      .send('1')
      .expect(/入会声明/);
  });
});
