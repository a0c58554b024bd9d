/*
 * Probe round 4 (B6, B14, B15, B16): joining the union, and common questions asked in the middle of a form.
 * `我70了还能入工会吗` is answered as `我65岁了还在工地干 能入会吗` is; at the ID question, not wanting to
 * give it is told why it is needed and the ways on (人工, 取消), never "只能包含数字"; `是给我妈办的` mid-form: she applies herself, and her name is never taken as the applicant's. Questions
 * (`我没有合同能报吗`, `能不能帮我要回来`, `我不知道公司全称怎么办`, `搞绿化的算吗`, `我能带老乡一起去吗`)
 * are answered from the knowledge base, then the form's question is asked again. Transcripts on real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { converse } from '../support/converse.js';
import { NOW, consented } from './support.js';

const t = coreOnClock(NOW);

const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);
const UNANSWERED = /这个问题我还答不上来/;

describe('joining: eligibility, the ID, and applying for someone else', () => {
  it('「我70了还能入工会吗」 is answered (no upper age) before anything is asked', async () => {
    await converse(t.chat, 'web:m1')
      .send('我70了还能入工会吗')
      .expect(/入会没有年龄上限：70岁只要还在工作/)
      .expect(/要现在申请入会吗/)
      .expectNot(/您同意吗/);
    expect((await sessionOf('web:m1')).flowId).toBeNull();
  });

  it('「我不想给身份证」 / 「不想填身份证」 at the ID question: why it is needed, and 人工 or 取消; never a typing error', async () => {
    for (const [i, said] of ['我不想给身份证', '不想填身份证'].entries()) {
      await consented(t.chat, `web:m2${i}`)
        .send('张三')
        .expect(/18位身份证号/)
        .send(said)
        .expect(/身份证号是用来核实是您本人、防止重复入会的/)
        .expect(/「人工」/)
        .expect(/「取消」/)
        .expectNot(/只能包含数字/);
      const s = await sessionOf(`web:m2${i}`);
      expect(s.fieldId).toBe('idNumber');
      expect(s.answers).not.toHaveProperty('idNumber');
    }
  });

  it('「是给我妈办的 她叫李秀英」 mid-form: she applies herself; her name is not taken as the applicant\'s', async () => {
    await consented(t.chat, 'web:m5')
      .send('张三')
      .send('是给我妈办的 她叫李秀英')
      .expect(/入会要本人自愿、本人申请，别人不能代办/)
      .expect(/请让她用自己的微信来找我/)
      .expect(/请输入您自己的身份证号/)
      .expectNot(/只能包含数字/);
    await consented(t.chat, 'web:m6').send('是给我妈办的 她叫李秀英').expect(/别人不能代办/).expect(/请输入您自己的姓名/);
    const s = await sessionOf('web:m6');
    expect(s.answers).not.toHaveProperty('name');
    expect(JSON.stringify(s.pending ?? {})).not.toContain('李秀英');
  });
});

describe('common questions in the middle of a form are answered, then the question again (B14)', () => {
  const atAmount = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月').expect(/被拖欠了多少钱/);

  it('「我没有合同能报吗」: yes, it is still a labour relationship, with the evidence; then the amount question', async () => {
    await atAmount('web:q1')
      .send('我没有合同能报吗')
      .expect(/^没签合同.*照样算劳动关系，也能在这里反映/)
      .expect(/微信聊天和转账记录、工友证人/)
      .expect(/被拖欠了多少钱/)
      .expectNot(UNANSWERED);
  });

  it('「能不能帮我要回来」: what is done, honestly; then the question again', async () => {
    await atAmount('web:q2').send('能不能帮我要回来').expect(/不能保证每一笔钱都要得回来/).expect(/被拖欠了多少钱/).expectNot(UNANSWERED);
  });

  it('「我不知道公司全称怎么办」 at the employer question: a usual name is enough; then the employer question', async () => {
    await converse(t.chat, 'web:q3')
      .sendAll('反映欠薪', '同意')
      .send('我不知道公司全称怎么办')
      .expect(/不知道全称也能报/)
      .expect(/欠您工资的单位叫什么名字/)
      .expectNot(UNANSWERED);
    expect((await sessionOf('web:q3')).answers).not.toHaveProperty('employer');
  });

  it('「搞绿化的算吗」 at the construction question: answered, then the question again', async () => {
    await converse(t.chat, 'web:q4')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1')
      .expect(/是工程建设项目吗/)
      .send('搞绿化的算吗')
      .expect(/绿化工程.*一般算工程建设项目/)
      .expect(/是工程建设项目吗/)
      .expectNot(UNANSWERED);
    expect((await sessionOf('web:q4')).answers).not.toHaveProperty('construction');
  });

  it('「我能带老乡一起去吗」 is answered (no new booking offered)', async () => {
    await converse(t.chat, 'web:q5').send('我能带老乡一起去吗').expect(/可以，家人、老乡、工友都可以陪您一起去/).expectNot(UNANSWERED).expectNot(/要帮您预约/);
  });

  it('「收费吗」 alone is the service\'s cost; with another subject it is that subject\'s', () => {
    const kb = knowledgeBase();
    expect(kb.match('收费吗')?.entry.id).toBe('service-free');
    expect(kb.match('仲裁收费吗')?.entry.id).toBe('arbitration-cost');
    expect(kb.match('入会收费吗')?.entry.id).toBe('union-dues');
    expect(kb.match('没有合同能报工伤吗')?.entry.id).not.toBe('no-contract-evidence');
    expect(kb.match('我和老乡一起去讨薪可以吗')?.entry.id).not.toBe('bring-companion');
  });
});
