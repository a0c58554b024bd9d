/*
 * Conversation mechanics across flows (helper h16), on real Redis.
 *  - `谢谢` after an offer, then `1`: the offer is asked again, never acted on unseen; `1` then takes it.
 *  - `东龙 欠了8000` at the township question, then `返回`: back to the township question (its answer shown).
 *  - A value set aside by `返回` (8,000元) is still offered at its question after `菜单` and `继续`.
 *  - At the ID question: `你问这个干嘛` says why it is needed and how it is kept; `身份证丢了` says what to do.
 *  - `张三李四` where one person's name is asked: which one is asked, never the two kept as one name.
 *  - `嗯...` at the summary is hesitation, never a submit; a bare `嗯` is a yes there as everywhere.
 *  - `东龙 新塘` at the township question: the village said with it is confirmed, not asked again from scratch.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

const someone = (tag: string) => `web:h16-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** Up to the township question of a wage report. */
const TO_TOWNSHIP = ['老板拖了我三个月工资', '1', '对', '好再来饭店'];
/** Up to the summary of a wage report (王芳, 6,000元). */
const TO_SUMMARY = [...TO_TOWNSHIP, '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];
/** Up to the name question of joining the union. */
const TO_MEMBER_NAME = ['我要入会', '1', '1', '1'];

describe('an offer closed by thanks', () => {
  it('谢谢 then 1: the offer asked again; 1 then takes it', async () => {
    await converse(t.chat, someone('offer'))
      .send('老板不给加班费怎么办')
      .expect(/要我帮您登记吗/)
      .send('谢谢')
      .expect(/不客气/)
      .send('1')
      .expect(/您发了「1」。是要我现在帮您「反映欠薪」吗/)
      .expectNot(/需要您同意/)
      .send('1')
      .expect(/反映欠薪前，需要您同意/);
  });

  it('谢谢 then 3: the menu shown with the number, nothing started', async () => {
    await converse(t.chat, someone('offer3'))
      .sendAll('老板不给加班费怎么办', '谢谢')
      .send('3')
      .expect(/您发了「3」。要办哪件事/)
      .expectNot(/需要您同意/);
  });
});

describe('返回 and values set aside', () => {
  it('东龙 欠了8000 then 返回: the township question again, never the village question', async () => {
    const user = someone('back');
    await converse(t.chat, user)
      .sendAll(...TO_TOWNSHIP)
      .send('东龙 欠了8000')
      .expect(/拖欠金额「8,000元」。对吗/)
      .send('返回')
      .expect(/在哪个镇或街道干活/)
      .expect(/之前填的是：东龙镇/)
      .expectNot(/哪个村或社区/);
  });

  it('the 8,000 set aside by 返回 is still offered at its question after 菜单 and 继续', async () => {
    await converse(t.chat, someone('kept'))
      .sendAll(...TO_TOWNSHIP, '东龙 欠了8000', '返回')
      .send('菜单')
      .expect(/已保存/)
      .sendAll('继续', '对', '1', '不是')
      .expect(/一共被拖欠了多少钱/)
      .expect(/您之前说的是「8,000元」/);
  });

  it('东龙 新塘 at the township question: the village confirmed with it', async () => {
    const user = someone('two');
    await converse(t.chat, user)
      .sendAll(...TO_TOWNSHIP)
      .send('东龙 新塘')
      .expect(/村或社区「新塘社区」。对吗/)
      .send('对')
      .expect(/工程建设项目/);
    const s = await session(user);
    expect(s.answers.community).toMatchObject({ community: '新塘社区' });
  });
});

describe('the ID question answers for itself', () => {
  it('你问这个干嘛: why and how it is kept, then the question again', async () => {
    await converse(t.chat, someone('why'))
      .sendAll(...TO_MEMBER_NAME, '张伟')
      .send('你问这个干嘛')
      .expect(/核实是您本人、防止重复入会/)
      .expect(/加密保存/)
      .expect(/请输入您的18位身份证号码/);
  });

  it('身份证丢了: the number does not change and where to find it, never 「等拿到身份证」', async () => {
    await converse(t.chat, someone('lost'))
      .sendAll(...TO_MEMBER_NAME, '张伟')
      .send('身份证丢了')
      .expect(/号码是不会变的/)
      .expect(/户口本/)
      .expectNot(/等拿到身份证/)
      .send('不记得号码')
      .expect(/户口本、社保卡上也有/)
      .expectNot(/知道个大概/);
  });
});

describe('two names where one is asked', () => {
  it('张三李四 at the union name question: which one is asked, nothing kept', async () => {
    const user = someone('names');
    await converse(t.chat, user)
      .sendAll(...TO_MEMBER_NAME)
      .send('张三李四')
      .expect(/「张三」和「李四」像是两个人的名字/)
      .expectNot(/身份证号码/);
    expect((await session(user)).answers.name).toBeUndefined();
  });

  it('张三 李四 at the wage contact question: 2 picks 李四', async () => {
    await converse(t.chat, someone('contact'))
      .sendAll(...TO_SUMMARY.slice(0, -2))
      .send('张三 李四')
      .expect(/像是两个人的名字/)
      .send('2')
      .expect(/手机号/)
      .send('13700001111')
      .expect(/联系人：李四/);
  });

  it('a four-character name said to be one name is kept as written', async () => {
    await converse(t.chat, someone('whole'))
      .sendAll(...TO_MEMBER_NAME, '张三李四')
      .send('3')
      .expect(/请输入您的18位身份证号码/);
  });
});

describe('嗯 at the summary', () => {
  it('嗯... is hesitation: not submitted', async () => {
    const user = someone('hmm');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .send('嗯...')
      .expectNot(/提交成功/)
      .expect(/不着急，您慢慢核对/)
      .expectNot(/我们接着填/);
    expect(await t.core.cases.listByUser(user, 5)).toHaveLength(0);
  });

  it('a bare 嗯 is a yes, as at every other yes/no point', async () => {
    await converse(t.chat, someone('yes'))
      .sendAll(...TO_SUMMARY)
      .send('嗯')
      .expect(/提交成功/);
  });
});

describe('重新开始 inside a form', () => {
  it('at the village question: asked first, never read as a village; 不了 goes on where they were', async () => {
    await converse(t.chat, someone('restart-no'))
      .sendAll(...TO_TOWNSHIP, '东龙')
      .send('重新来')
      .expect(/确定要重新开始吗？已填的内容会清除/)
      .expectNot(/没有叫「重新来」/)
      .send('不了')
      .expect(/我们接着填/)
      .expect(/在东龙镇的哪个村或社区/);
  });

  it('at the contact question: never a contact called 重新开始; the yes starts again', async () => {
    const user = someone('restart-yes');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY.slice(0, -2))
      .send('重新开始')
      .expect(/确定要重新开始吗/)
      .expectNot(/联系人「重新开始」/)
      .send('是的')
      .expect(/反映欠薪前，需要您同意/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });
});

describe('two townships in one answer', () => {
  it('东龙 石岭: which one is asked, never the one said last kept', async () => {
    const user = someone('towns');
    await converse(t.chat, user)
      .sendAll(...TO_TOWNSHIP)
      .send('东龙 石岭')
      .expect(/您说了两个地方：「东龙镇」和「石岭镇」/)
      .expectNot(/哪个村或社区/);
    expect((await session(user)).answers.location).toBeUndefined();
  });
});

describe('changing an answer at the summary', () => {
  it('a bare 改 asks which one, with the answers as options; a number then opens that question', async () => {
    await converse(t.chat, someone('edit'))
      .sendAll(...TO_SUMMARY)
      .send('改')
      .expect(/哪一项要改？回复序号即可/)
      .expect(/6\. 拖欠金额：6,000元/)
      .expectNot(/请回复「确认」提交/)
      .send('6')
      .expect(/一共被拖欠了多少钱/)
      .expect(/之前填的是：6,000元/);
  });
});

describe('人工 called off', () => {
  it('算了 at 「请说说您遇到的问题」: no help request made, back to the 「…对吗？」 that waited', async () => {
    const user = someone('human');
    await converse(t.chat, user)
      .sendAll(...TO_TOWNSHIP, '东龙 欠了8000')
      .send('人工')
      .expect(/请用一两句话说说您遇到的问题/)
      .send('算了')
      .expectNot(/已为您转人工/)
      .expect(/拖欠金额「8,000元」。对吗/);
    expect(await t.core.cases.listByUser(user, 5)).toHaveLength(0);
  });

  it('不用了 at the menu: no help request made', async () => {
    const user = someone('human-menu');
    await converse(t.chat, user).send('人工').send('不用了').expectNot(/已为您转人工/).expect(/回复数字即可/);
    expect(await t.core.cases.listByUser(user, 5)).toHaveLength(0);
  });
});
