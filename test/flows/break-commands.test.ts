/*
 * A command typed on coming back after a long break in the middle of a form, as transcripts on the real chat
 * service and real Redis: done as asked, never first 「欢迎回来！…1. 继续填写 2. 重新开始 3. 放弃」.
 *  - `人工` asks the problem and hands it over as it does mid-form (with the form's place and step), then the
 *    form's question follows; `帮助` explains the open question.
 *  - `进度`, `我的会员卡`, `菜单`, `删除我的信息` (then 不删除), `取消`, `不填了`, `先不报了`, `我再想想`: done, and
 *    what was filled in is kept as a draft, said so with how to go on; `继续` goes on where it stopped. A
 *    「…对吗？」 left open waits with the draft, unconfirmed, and is asked again.
 *  - Anything else still gets the offer to go on, whose 1/2/3 still work; the membership and legal-aid forms too.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = '2026-12-01T10:00:00+08:00';
let clock = manualClock(NOW);
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ clock });
});

const session = (user: string) => t.chat.sessions.load(user, clock.now());

const BREAK = 1500 * 60_000;
const WELCOME_MENU = /欢迎回来！您上次的「[^」]+」还没填完。|继续填写|重新开始/;
const COMMUNITY_Q = /在河西街道的哪个村或社区？/;
const KEPT = /您没填完的「反映欠薪」先帮您保存着，想接着填的时候回复「继续」就行。/;
const STOPPED = /好的，先停在这里。「反映欠薪」帮您保存着，想接着填的时候回复「继续」或「反映欠薪」就行。/;

/** A wage report up to the community question (unit and township answered), then a long break. */
async function toCommunityThenBreak(user: string) {
  await converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店').send('河西街道').expect(COMMUNITY_Q);
  clock.advance(BREAK);
}

/** `继续` goes on at the community question, with what was filled in before the break. */
async function goesOn(user: string) {
  await converse(t.chat, user).send('继续').expect(/我们接着填/).expect(COMMUNITY_Q).expectNot(WELCOME_MENU);
  const s = await session(user);
  expect(s.flowId).toBe('wage');
  expect(s.answers).toMatchObject({ employer: '好再来饭店' });
  expect(s.answers).toHaveProperty('location');
}

describe('a command after a break in the middle of a wage report', () => {
  it('`人工`: the problem asked, handed over with the form\'s place and step; the form\'s question follows', async () => {
    await toCommunityThenBreak('web:bc1');
    const place = (await session('web:bc1')).answers.location;
    await converse(t.chat, 'web:bc1')
      .send('人工')
      .expect(/说说您遇到的问题/)
      .expectNot(WELCOME_MENU)
      .send('老板一直不接电话')
      .expect(/已为您转人工，求助编号 QX\d{8}-\d{4}/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(COMMUNITY_Q);
    const [c] = await t.core.cases.listByUser('web:bc1');
    expect(c).toMatchObject({ kind: 'enquiry', location: place as object, enquiry: { question: '老板一直不接电话', fromFlow: 'wage', fromStep: 'community' } });
    expect((await session('web:bc1')).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('`人工 老板跑了` with the problem: handed over at once', async () => {
    await toCommunityThenBreak('web:bc2');
    await converse(t.chat, 'web:bc2').send('人工 老板跑了').expect(/已为您转人工/).expect(COMMUNITY_Q).expectNot(WELCOME_MENU);
  });

  it('`进度`: shown (nothing submitted yet), the report kept and said so; `继续` goes on', async () => {
    await toCommunityThenBreak('web:bc3');
    await converse(t.chat, 'web:bc3').send('进度').expect(/您这次填的还没有提交/).expect(KEPT).expectNot(WELCOME_MENU).expectNot(/回复「反映欠薪」可以开始/);
    const s = await session('web:bc3');
    expect(s.flowId).toBeNull();
    expect(s.draft).toMatchObject({ flowId: 'wage', fieldId: 'community', answers: { employer: '好再来饭店' } });
    await goesOn('web:bc3');
  });

  it('`我的会员卡`: answered, the report kept', async () => {
    await toCommunityThenBreak('web:bc4');
    await converse(t.chat, 'web:bc4').send('我的会员卡').expect(/您还不是工会会员/).expect(KEPT).expectNot(WELCOME_MENU);
    await goesOn('web:bc4');
  });

  it('`菜单`: the menu, the report kept as mid-form; `继续` goes on', async () => {
    await toCommunityThenBreak('web:bc5');
    await converse(t.chat, 'web:bc5').send('菜单').expect(/已回到主菜单。您刚才填写的「反映欠薪」已保存/).expect(/1\. 加入工会/).expectNot(WELCOME_MENU);
    await goesOn('web:bc5');
  });

  it('`删除我的信息`: asked first; 不删除 keeps everything, the report too (said); 确认删除 deletes it', async () => {
    await toCommunityThenBreak('web:bc6');
    await converse(t.chat, 'web:bc6')
      .send('删除我的信息')
      .expect(/确定要删除您的个人信息吗？/)
      .expectNot(WELCOME_MENU)
      .send('不删除')
      .expect(/好的，没有删除任何信息。您没填完的「反映欠薪」先帮您保存着，想接着填的时候回复「继续」就行。/);
    await goesOn('web:bc6');
    await toCommunityThenBreak('web:bc7');
    await converse(t.chat, 'web:bc7').send('删除我的信息').expect(/确定要删除/).send('确认删除').expect(/已删除您的个人信息/);
    const s = await session('web:bc7');
    expect(s.draft).toBeNull();
    expect(s.answers).toEqual({});
  });

  it.each(['取消', '不填了', '不想填了', '先不报了'])('`%s`: stopped there, nothing filled in thrown away; `继续` goes on', async (said) => {
    const user = `web:bc8-${said}`;
    await toCommunityThenBreak(user);
    await converse(t.chat, user).send(said).expect(STOPPED).expectNot(WELCOME_MENU).expectNot(/已取消|已清除/);
    expect((await session(user)).draft).toMatchObject({ flowId: 'wage', answers: { employer: '好再来饭店' } });
    await goesOn(user);
  });

  it('`我不告了 怕被开除`: reassured, stopped, kept', async () => {
    await toCommunityThenBreak('web:bc9');
    await converse(t.chat, 'web:bc9').send('我不告了 怕被开除').expect(/理解您的担心/).expect(STOPPED).expectNot(WELCOME_MENU);
    await goesOn('web:bc9');
  });

  it('`我再想想`: paused, kept; `继续` goes on', async () => {
    await toCommunityThenBreak('web:bc10');
    await converse(t.chat, 'web:bc10').send('我再想想').expect(/不着急，弄清楚了再来。刚才填的「反映欠薪」先帮您保存着/).expectNot(WELCOME_MENU);
    await goesOn('web:bc10');
  });

  it('`帮助`: the open question explained, and asked', async () => {
    await toCommunityThenBreak('web:bc11');
    await converse(t.chat, 'web:bc11').send('帮助').expect(/「菜单」回到主菜单/).expect(COMMUNITY_Q).expectNot(WELCOME_MENU);
  });

  it('`取消` with nothing filled in but the consent: cancelled, as mid-form', async () => {
    await converse(t.chat, 'web:bc12').sendAll('老板欠我工资').send('同意').expect(/单位叫什么名字/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:bc12').send('取消').expect(/已取消/).expectNot(WELCOME_MENU);
    const s = await session('web:bc12');
    expect(s.draft).toBeNull();
    expect(s.flowId).toBeNull();
  });

  it('a 「…对吗？」 left open, then `进度`: it waits with the report, unconfirmed, and is asked after 继续', async () => {
    await converse(t.chat, 'web:bc13').sendAll('老板欠我工资', '同意').send('宏达建筑公司吧应该是').expect(/用人单位「宏达建筑公司」。对吗？/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:bc13').send('进度').expect(KEPT).expect(/刚才的用人单位还没确认，接着填时再跟您核对。/).expectNot(WELCOME_MENU);
    expect((await session('web:bc13')).draft?.answers).not.toHaveProperty('employer');
    await converse(t.chat, 'web:bc13')
      .send('继续')
      .expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
    expect((await session('web:bc13')).answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it('anything else still gets the offer to go on, and its 1, 2 and 3 still work', async () => {
    await toCommunityThenBreak('web:bc14');
    await converse(t.chat, 'web:bc14').send('你好').expect(/1\. 继续填写\n2\. 重新开始\n3\. 放弃/).send('1').expect(COMMUNITY_Q);
    await toCommunityThenBreak('web:bc15');
    await converse(t.chat, 'web:bc15').send('在吗').expect(WELCOME_MENU).send('2').expect(/反映欠薪前，需要您同意/);
    expect((await session('web:bc15')).answers).not.toHaveProperty('employer');
    await toCommunityThenBreak('web:bc16');
    await converse(t.chat, 'web:bc16').send('嗯').expect(WELCOME_MENU).send('3').expect(/已取消/);
    expect((await session('web:bc16')).draft).toBeNull();
  });
});

describe('a command after a break in the other forms', () => {
  it('joining the union: `进度` answered, the application kept; `继续` goes on', async () => {
    await converse(t.chat, 'web:bc20').send('1').send('1').expect(/您同意提供身份证号吗？/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:bc20').send('进度').expect(/您没填完的「加入工会」先帮您保存着/).expectNot(WELCOME_MENU);
    await converse(t.chat, 'web:bc20').send('继续').expect(/您同意提供身份证号吗？/).expectNot(WELCOME_MENU);
  });

  it('legal aid: `人工` handed over with the booking\'s step, its question follows; `菜单` keeps it', async () => {
    await converse(t.chat, 'web:bc21').send('3').send('1').expect(/您想咨询什么事？/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:bc21')
      .send('人工')
      .expect(/说说您遇到的问题/)
      .expectNot(WELCOME_MENU)
      .send('老板欠钱不给想问问律师')
      .expect(/已为您转人工/)
      .expect(/我们接着填「预约法律援助」/)
      .expect(/您想咨询什么事？/);
    const [c] = await t.core.cases.listByUser('web:bc21');
    expect(c).toMatchObject({ kind: 'enquiry', enquiry: { fromFlow: 'legal' } });
    clock.advance(BREAK);
    await converse(t.chat, 'web:bc21').send('菜单').expect(/您刚才填写的「预约法律援助」已保存/).expectNot(WELCOME_MENU).send('继续').expect(/您想咨询什么事？/);
  });
});
