/*
 * Questions and changes of mind said in the middle of a flow or after a knowledge answer (ninth part), as
 * transcripts on real Redis:
 *  - S1: a question about another service (`入会要交钱吗` while reporting wages) is answered from the knowledge base
 *    and the same question follows, the draft kept; never that service started in its place. A request for it
 *    (`能不能帮我找个律师`) still switches.
 *  - S2: after an answer that offers a service (`拖欠工资怎么办`, `加班费怎么算`), `帮我登记一下` or `那我怎么办`
 *    takes it up: the flow's consent first; never the fallback and the menu. Another service's words are that one.
 *  - S3: `算了 先把欠薪报完` in another flow started after a wage draft was put aside: back to the wage draft where
 *    it stopped, the other flow saved.
 *  - S4: `你们会告诉老板吗` is answered honestly (the boss is contacted to settle it; the phone is not given out);
 *    `我在老家入过会了` at the start of joining is answered (会员关系接转, no need to join again) and joining goes
 *    on; `查一下张三的案子` is refused politely (only the person themself sees their case), never an employer.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report at its employer question, the months confirmed. */
const toEmployer = (user: string) =>
  converse(t.chat, user).send('老板拖了我三个月工资').expect(/同意/).send('1').expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗/).send('对').expect(/单位叫什么名字/);

describe('S1: a question about another service in the middle of a wage report', () => {
  it('入会要交钱吗: the dues answered, the employer question again, the report kept; no application started', async () => {
    const user = 'web:sw9s1a';
    await toEmployer(user)
      .send('入会要交钱吗')
      .expect(/会费/)
      .expect(/接着填「反映欠薪」/)
      .expect(/单位叫什么名字/)
      .expectNot(/已保存/)
      .expectNot(/办理入会需要您的姓名/);
    const s = await session(user);
    expect(s.flowId).toBe('wage');
    expect(s.fieldId).toBe('employer');
    expect(s.answers.period).toMatchObject({ start: '2026-09', end: '2026-11' });
    await converse(t.chat, user).send('宏达建筑').expect(/哪个镇或街道/);
  });

  it('能不能帮我找个律师: a request, so the booking starts and the report is saved', async () => {
    await toEmployer('web:sw9s1b').send('能不能帮我找个律师').expect(/「反映欠薪」已保存/).expect(/预约法律援助前/);
  });
});

describe('S2: taking up what a knowledge answer offered', () => {
  for (const [asked, said] of [
    ['拖欠工资怎么办', '那我怎么办'],
    ['拖欠工资怎么办', '帮我登记一下'],
    ['加班费怎么算', '帮我登记一下'],
    ['加班费怎么算', '那就报吧'],
  ] as const) {
    it(`${asked} then ${said}: the wage report, its consent first`, async () => {
      await converse(t.chat, `web:sw9s2-${asked}-${said}`)
        .send(asked)
        .expect(/帮您登记/)
        .send(said)
        .expect(/反映欠薪前，需要您同意/)
        .expectNot(/没太明白|答不上来/);
    });
  }

  it('入会有什么好处 then 帮我办一下: the application, its consent first', async () => {
    await converse(t.chat, 'web:sw9s2b').send('入会有什么好处').expect(/要现在申请入会吗/).send('帮我办一下').expect(/办理入会需要您的姓名/).expectNot(/没太明白/);
  });

  it('帮我入会 after the wage offer: joining, as asked, never the wage report', async () => {
    await converse(t.chat, 'web:sw9s2c').send('拖欠工资怎么办').expect(/帮您登记/).send('帮我入会').expect(/办理入会需要您的姓名/).expectNot(/反映欠薪前/);
  });

  it('不用了 still declines', async () => {
    await converse(t.chat, 'web:sw9s2d').send('拖欠工资怎么办').expect(/帮您登记/).send('不用了').expect(/有需要随时找我/).expectNot(/同意/);
  });
});

describe('S3: back to the wage report put aside', () => {
  it('算了 先把欠薪报完 at a booking confirmation: the wage draft again, the booking saved', async () => {
    const user = 'web:sw9s3a';
    await toEmployer(user)
      .send('我还是先找个律师吧')
      .expect(/预约法律援助前/)
      .send('1')
      .expect(/对吗/)
      .send('算了 先把欠薪报完')
      .expect(/接着填「反映欠薪」/)
      .expect(/「预约法律援助」也保存着/)
      .expect(/单位叫什么名字/)
      .expectNot(/一项一项问您/);
    const s = await session(user);
    expect(s.flowId).toBe('wage');
    expect(s.draft?.flowId).toBe('legal');
  });

  it('算了 先把欠薪报完 at the ID consent of joining: the wage draft again, nothing refused', async () => {
    const user = 'web:sw9s3b';
    await toEmployer(user)
      .send('我想入会')
      .expect(/办理入会需要您的姓名/)
      .send('1')
      .expect(/身份证号需要您单独同意/)
      .send('算了 先把欠薪报完')
      .expect(/接着填「反映欠薪」/)
      .expect(/单位叫什么名字/)
      .expectNot(/没有身份证号没法/);
    const s = await session(user);
    expect(s.flowId).toBe('wage');
    expect(s.draft?.flowId).toBe('membership');
  });
});

describe('S4: questions answered honestly', () => {
  it('你们会告诉老板吗 at the menu: the boss is contacted to settle it, the phone is not given to the boss', async () => {
    await converse(t.chat, 'web:sw9s4a').send('你们会告诉老板吗').expect(/协调/).expect(/手机号.*不会给老板/).expectNot(/答不上来/);
  });

  it('你们会告诉老板吗 in a wage report: answered, the same question again', async () => {
    await toEmployer('web:sw9s4b').send('你们会告诉老板吗').expect(/不会给老板/).expect(/单位叫什么名字/).expectNot(/答不上来/);
  });

  it('我在老家入过会了 at the consent of joining: 会员关系接转, and joining goes on', async () => {
    const user = 'web:sw9s4c';
    await converse(t.chat, user)
      .send('我想入会')
      .expect(/办理入会需要您的姓名/)
      .send('我在老家入过会了')
      .expect(/不用重新入会/)
      .expect(/接转/)
      .expect(/接着填「加入工会」/)
      .expectNot(/请回复1表示同意/)
      .send('1')
      .expect(/身份证号需要您单独同意/);
  });

  it('我在老家入过会了 at the menu: answered', async () => {
    await converse(t.chat, 'web:sw9s4d').send('我在老家入过会了').expect(/会员关系接转/).expectNot(/没太明白/);
  });

  it('查一下张三的案子 at the employer question: refused politely, never taken as the employer', async () => {
    const user = 'web:sw9s4e';
    await toEmployer(user).send('查一下张三的案子').expect(/只有本人能查/).expect(/单位叫什么名字/).expectNot(/用人单位「/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.pending).toBeNull();
  });

  it('查一下张三的案子 at the menu: refused politely; 查一下我的案子 is still one’s own progress', async () => {
    await converse(t.chat, 'web:sw9s4f').send('查一下张三的案子').expect(/只有本人能查/).expectNot(/没太明白/).send('查一下我的案子').expectNot(/只有本人能查/);
  });
});
