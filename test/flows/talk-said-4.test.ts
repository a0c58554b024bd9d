/*
 * What people say, fourth probe, as transcripts on real Redis:
 *  - pinyin typed without a Chinese keyboard in the middle of a form
 *    (`tong yi`, `shi`, `dui`, `bu dui`, `hai zai gan` where those are the
 *    answers offered; `wo yao ru hui` at any question) is read as the
 *    answer it spells and said back, as the menu does; anything else typed
 *    in pinyin is asked again, never guessed, and a free-text answer (a
 *    name) is never read from pinyin;
 *  - a long story pasted at the menu that tells of unpaid work without the
 *    service's words (`…老板说等工程款下来再结…一直没结…`) asks
 *    「您是想反映欠薪吗？」, while a long text that only has money, work and a
 *    不 somewhere in it does not.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { spellsPinyin } from '../../flows/nlu/normalize.js';
import { mightBeWages } from '../../flows/nlu/talk.js';
import { pinyinOption } from '../../flows/nlu/understand.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const HEARD = /您打的是拼音，我理解为/;

/** A wage report about 河西物业 in 河西街道, up to the yes/no question of whether it is construction work. */
const toConstruction = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意', '河西物业', '河西街道').send('不清楚').expect(/是工程建设项目吗/);

describe('pinyin typed in the middle of a form', () => {
  it('at the consent and at a yes/no question: tong yi and shi are read, said back, and answer them', async () => {
    await converse(t.chat, 'web:p4y1')
      .send('老板欠我工资')
      .expect(/您同意吗/)
      .send('tong yi')
      .expect(/您打的是拼音，我理解为「同意」。/)
      .expect(/欠您工资的单位叫什么名字/)
      .sendAll('河西物业', '河西街道')
      .send('bu qing chu')
      .expect(/您打的是拼音，我理解为「不清楚」。/)
      .expect(/是工程建设项目吗/)
      .send('shi')
      .expect(/您打的是拼音，我理解为「是」。/)
      .expect(/项目或工地叫什么名字/);
    expect((await session('web:p4y1')).answers).toMatchObject({ consent: true, community: { community: null }, construction: true });
  });

  it('bu shi at a yes/no question is no; hai zai gan picks 还在干', async () => {
    await toConstruction('web:p4y2')
      .send('bu shi')
      .expect(/您打的是拼音，我理解为「不是」。/)
      .expect(/哪段时间/)
      .sendAll('今年9月到11月', '6000')
      .send('就我一个')
      .expect(/还在这家单位干吗/)
      .send('hai zai gan')
      .expect(/您打的是拼音，我理解为「还在干」。/);
    expect((await session('web:p4y2')).answers).toMatchObject({ construction: false, stillEmployed: true });
  });

  it('at "…对吗？": dui is yes, bu dui is no', async () => {
    await converse(t.chat, 'web:p4y3')
      .sendAll('老板欠我工资，在河西街道')
      .send('同意')
      .expect(/干活的地方「河西街道」。对吗？/)
      .send('dui')
      .expect(/您打的是拼音，我理解为「对」。/)
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:p4y3')).answers).toMatchObject({ location: { townshipId: 't08' } });
    await converse(t.chat, 'web:p4y4')
      .sendAll('老板欠我工资，在河西街道')
      .send('同意')
      .expect(/对吗？/)
      .send('bu dui')
      .expect(/您打的是拼音，我理解为「不对」。/)
      .expect(/好的，干活的地方先不记，后面再问您。/);
    expect((await session('web:p4y4')).answers).not.toHaveProperty('location');
  });

  it('mei you at the consent is no: nothing is kept', async () => {
    await converse(t.chat, 'web:p4y5').send('我想入会').expect(/您同意吗/).send('mei you').expect(/您打的是拼音，我理解为「没有」。/);
    expect((await session('web:p4y5')).flowId).toBeNull();
  });

  it('wo yao ru hui at the employer question: said back, and joining offered as from the menu, the report kept', async () => {
    await converse(t.chat, 'web:p4y6')
      .sendAll('老板欠我工资', '同意')
      .send('wo yao ru hui')
      .expect(/您打的是拼音，我理解为「我要入会」。/)
      .expect(/「反映欠薪」已保存/)
      .expect(/办理入会需要/);
    const s = await session('web:p4y6');
    expect(s.flowId).toBe('membership');
    expect(s.draft?.flowId).toBe('wage');
  });

  it('precision: pinyin that spells no offered answer is asked again; a name is never read from pinyin; deleting is never said in pinyin', async () => {
    await toConstruction('web:p4n1').send('shi shi').expectNot(HEARD).expect(/请回复1（是）或2（不是）/).send('xie xie').expectNot(HEARD);
    expect((await session('web:p4n1')).answers).not.toHaveProperty('construction');
    await converse(t.chat, 'web:p4n2').sendAll('我想入会', '同意', '同意').send('1').expect(/请输入您的姓名/).send('wang fang').expectNot(HEARD);
    expect((await session('web:p4n2')).answers.name).not.toBe('王芳');
    await converse(t.chat, 'web:p4n3').sendAll('老板欠我工资', '同意').send('删除我的信息').expect(/确定要删除/).send('shi').expectNot(HEARD).expect(/请回复「确认删除」或「不删除」/);
  });

  it('reading: whole words only, spaces between syllables, one reading or none', () => {
    expect(spellsPinyin('bu dui', ['bu', 'dui'])).toBe(true);
    expect(spellsPinyin('budui', ['bu', 'dui'])).toBe(true);
    expect(spellsPinyin('bud ui', ['bu', 'dui'])).toBe(false);
    expect(spellsPinyin('lu shi', ['lv', 'shi'])).toBe(true);
    expect(pinyinOption('shi', ['是', '不是'], true)).toBe('是');
    expect(pinyinOption('tong yi', ['同意', '不同意'], true)).toBe('同意');
    expect(pinyinOption('shi', ['还在干', '已经离开'], false)).toBeNull();
    expect(pinyinOption('shide', [], false)).toBeNull();
    expect(pinyinOption('shi', [], true)).toBe('是');
    expect(pinyinOption('ok', [], true)).toBeNull();
    expect(pinyinOption('是', ['是'], true)).toBeNull();
  });
});

/** The probe's story: months of work, settling put off, never a 欠 or a 钱. */
const STORY =
  '我是外地来的，之前一直跟着一个姓王的老板干活，一开始说好干完一批结一次，前面两批还算正常，后面这批干了三个月，中间老板说等工程款下来再结，让我们先自己垫着，我们就一直等，后来活干完了，老板又说甲方那边还没验收，要等验收完才能结，就这样一拖再拖，一直没结，现在过年回家的车票都买不起了，家里老婆孩子天天打电话来问，我心里很着急，想请你们帮帮忙';

describe('a long story at the menu that tells of unpaid work', () => {
  it('asks 「您是想反映欠薪吗？」; 是的 starts the report', async () => {
    await converse(t.chat, 'web:p4s1').send(STORY).expect(/您是想反映欠薪吗？/).expectNot(/答不上来/).send('是的').expect(/反映欠薪前，需要您同意/);
    expect((await session('web:p4s1')).flowId).toBe('wage');
  });

  it('with a question in it the knowledge base cannot answer: asked the same, not 「答不上来」', async () => {
    const asked = '我是外地来的，之前一直跟着一个姓王的老板干活，一开始说好干完一批结一次，后面这批干了三个月，老板说等工程款下来再结，后来又说甲方那边还没验收，一直没结，家里等着用钱，我也不知道该怎么办，你们能帮帮我吗';
    await converse(t.chat, 'web:p4s2').send(asked).expect(/您是想反映欠薪吗？/).expectNot(/答不上来/);
  });

  it('pasted at length (near 2,000 characters), the story is still heard', async () => {
    const filler = '家里老人身体一直不好，孩子在老家上学，我一个人在外面打拼，每天早出晚归。'.repeat(45);
    const long = `${filler}${STORY}`;
    expect([...long].length).toBeGreaterThan(1500);
    expect([...long].length).toBeLessThanOrEqual(2000);
    await converse(t.chat, 'web:p4s3').send(long).expect(/您是想反映欠薪吗？/);
  });

  it('long text with money, work and a 不 only scattered in it is no wage report', async () => {
    const unrelated = [
      '我在公司上班，最近孩子生病花了不少钱，医保报销不了，单位也不管，真的很难啊啊啊',
      '我们公司最近在搞团建，老板说等项目结束再一起聚餐，钱由公司出，不用我们自己掏，大家都很开心',
      '我在厂里上班三年了，到现在还没结婚，家里一直催，老板也给我介绍过对象，可是我不想这么早',
    ];
    for (const [i, text] of unrelated.entries()) {
      expect(mightBeWages(text), text).toBe(false);
      await converse(t.chat, `web:p4s4${i}`).send(text).expectNot(/您是想反映欠薪吗？/).expectNot(/反映欠薪前/);
    }
    // Short messages are read whole, as before.
    expect(mightBeWages('老板那边钱的事一直不清不楚')).toBe(true);
    expect(mightBeWages(STORY)).toBe(true);
  });
});

describe('asking whether it costs money is not asking for wages', () => {
  it('「要钱吗」 and 「要不要钱」 at the menu are answered (free); 「我要钱」 and 「老板不给钱 我要钱」 still start a report', async () => {
    await converse(t.chat, 'web:cost1').send('要钱吗').expect(/不收费/).expectNot(/反映欠薪前，需要您同意/);
    await converse(t.chat, 'web:cost2').send('要不要钱').expect(/不收费/).expectNot(/反映欠薪前，需要您同意/);
    await converse(t.chat, 'web:cost3').send('我要钱').expect(/反映欠薪前，需要您同意/);
    await converse(t.chat, 'web:cost4').send('老板不给钱 我要钱').expect(/反映欠薪前，需要您同意/);
  });
});
