/*
 * Safety first (probe-wage 3.4): self-harm words get a short, caring reply
 * with 110 and the 24-hour psychological assistance line 12356 in any
 * state, the place in a flow kept, and an open case's assignee an urgent
 * notice; violence gets 110 and what evidence to keep, then the
 * conversation carries on where it was. Precision both ways: 打工, 打电话,
 * 打卡, 打官司 are not violence, 在楼顶干活 is not self-harm. Real Redis; the
 * clock fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { renderText } from '../../core/infra/replies.js';
import { harmToOthers, selfHarm, someoneElseInDanger, violence } from '../../flows/safety.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { staffNotices as notices, submittedAndRouted } from '../support/reports.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ workers: true, clock });
});

const P = [...SUBMITTED_REPORT];

const submitted = (user: string) => submittedAndRouted(t.core, t.chat, user, P);

const staffNotices = (staffId: string) => notices(t.core, staffId);

const SELF_HARM = ['不想活了', '活不下去了', '我真的不想活了 钱一直要不到', '再不给钱我就去楼顶', '你们到底管不管 不管我就去楼顶了', '老板逼得我想跳楼', '不给钱我就跳下去', '有时候想轻生', '想一死了之', '不想活了。。。', '我不想活了[流泪]', '不給錢我就去跳樓'];
const NOT_SELF_HARM = ['我在楼顶干活', '去楼顶干活的时候老板说没钱', '上天台晒衣服', '跳楼价甩卖', '我不会跳楼的 放心', '从架子上跳下去 崴了脚', '活干完了', '干了三个月的活', '老板说他要死了没钱', ''];
const VIOLENCE = ['老板打人', '老板不给钱 欠了八千 还打人', '我被打了', '昨天被老板打了一顿', '他打我', '包工头带人把我们打伤了', '保安动手打了我', '打了我一顿'];
const NOT_VIOLENCE = ['我在外面打工', '打工的', '给我打电话', '打老板电话打不通', '每天都打卡', '我想打官司', '老板打了我三千 还差三千', '打我电话就行', '老板倒是不打人 就是不给钱', '没被打', '钱打到我卡上了', '打算去劳动局', '打扫卫生的', '打零工', ''];

describe('reading the words', () => {
  it('self-harm words are read, and so is what only sounds like them not', () => {
    for (const m of SELF_HARM) expect(selfHarm(m), m).toBe(true);
    for (const m of NOT_SELF_HARM) expect(selfHarm(m), m).toBe(false);
    for (const m of [...SELF_HARM, ...NOT_SELF_HARM]) expect(violence(m), m).toBe(false);
  });

  it('violence is read, and 打工, 打电话, 打卡, 打官司, money sent (打了我三千) and a no are not', () => {
    for (const m of VIOLENCE) expect(violence(m), m).toBe(true);
    for (const m of NOT_VIOLENCE) expect(violence(m), m).toBe(false);
    for (const m of [...VIOLENCE, ...NOT_VIOLENCE]) expect(selfHarm(m), m).toBe(false);
  });

  it('wrong, huge and hostile input: no throw, quick, and the words still count inside a long message', () => {
    const huge = `${'打'.repeat(100_000)}`;
    const started = Date.now();
    expect(selfHarm(huge)).toBe(false);
    expect(violence('打工'.repeat(50_000))).toBe(false);
    expect(selfHarm(`${'老板一直拖着，'.repeat(200)}我真不想活了`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(selfHarm('<script>alert("不想活了")</script>')).toBe(true);
    expect(selfHarm('\u0000\u200b')).toBe(false);
    expect(violence('$(rm -rf /) ; DROP TABLE cases;')).toBe(false);
  });
});

describe('someone else in danger (a witness)', () => {
  it.each(['工地上有人跳楼了', '有个工友爬上塔吊了', '我老公说要跳楼'])('%s is a witness: 110 and 120, no alert about the person', (text) => {
    expect(someoneElseInDanger(text)).toBe(true);
  });

  it.each(['我和工友要一起跳楼', '不管我就去楼顶了', '我死了算了', '他在楼顶上干活', '工友在楼顶上绑钢筋', '上次有个工友为讨薪跳楼'])('%s is not a witness', (text) => {
    expect(someoneElseInDanger(text)).toBe(false);
  });

  it('after submitting, a witness gets 110/120 and the case gets no alert about the person', async () => {
    await converse(t.chat, 'web:w1').sendAll(...P).expect(/提交成功/);
    await converse(t.chat, 'web:w1').send('工地上有人跳楼了').expect(/请马上打110报警；有人受伤打120/).expectNot(/我很担心您|12356/);
    const [c] = await t.core.cases.listByUser('web:w1', 5);
    expect(c!.reporterNotes).toEqual([]);
  });
});

describe('self-harm in the chat', () => {
  it('at the menu, with no case: 110, 12356, an offer of a person; nothing is started', async () => {
    await converse(t.chat, 'web:s1')
      .send('不想活了')
      .expect(/我很担心您/)
      .expect(/请马上打110/)
      .expect(/24小时心理援助热线12356/)
      .expect(/回复「人工」/)
      .expectNot(/答不上来|反映欠薪前/);
    expect((await t.chat.sessions.load('web:s1', clock.now())).flowId).toBeNull();
  });

  it('mid-report: the place is kept, nothing is taken as an answer, and the next answer goes on from there', async () => {
    await converse(t.chat, 'web:s2').sendAll('老板欠我工资', '同意').expect(/单位叫什么/);
    const before = await t.chat.sessions.load('web:s2', clock.now());
    await converse(t.chat, 'web:s2')
      .send('再不给钱我就去楼顶')
      .expect(/12356/)
      .expect(/您刚才填的内容都还在/)
      .expectNot(/单位叫什么/);
    const after = await t.chat.sessions.load('web:s2', clock.now());
    expect({ ...after, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
    await converse(t.chat, 'web:s2').send('好再来饭店').expect(/干活的地方|哪个镇|街道/);
    expect((await t.chat.sessions.load('web:s2', clock.now())).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('with an open case: the case is pushed, an urgent note is added, and the assignee is told at once (once in half an hour)', async () => {
    const c = await submitted('web:s3');
    await converse(t.chat, 'web:s3')
      .send('你们到底管不管 不管我就去楼顶了')
      .expect(/请马上打110/)
      .expect(/12356/)
      .expect(new RegExp(`您的案件 ${c.caseNo} 我们在抓紧办，已经请负责的工作人员尽快打电话给您`))
      .expectNot(/答不上来/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.reporterNotes).toMatchObject([{ kind: 'safety', urgent: true, text: '你们到底管不管 不管我就去楼顶了' }]);
    expect(after.history.at(-1)!.note).toBe('已请工作人员尽快联系您');
    const notice = await eventually(async () => {
      const all = await staffNotices(c.assignee!.staffId);
      return all.includes('【紧急·当事人留言】') ? all : null;
    }, 8000, 'the urgent notice');
    expect(notice).toContain(`【紧急·当事人留言】案件 ${c.caseNo} 的报告人在对话中说了轻生或过激的话，原话：「你们到底管不管 不管我就去楼顶了」`);
    expect(notice).toContain('本人电话：13700001111');
    expect(notice).toContain('请立即打电话联系本人，先稳住情绪；联系不上或情况危急，请报警110');
    // Said again soon after: the caring reply again, no second note or notice.
    await converse(t.chat, 'web:s3').send('活不下去了').expect(/12356/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toHaveLength(1);
    // Later that day, a new alert.
    clock.set(new Date('2026-12-01T10:45:00+08:00'));
    await converse(t.chat, 'web:s3').send('活不下去了').expect(/12356/);
    expect((await t.core.cases.get(c.id))!.reporterNotes.map((n) => n.kind)).toEqual(['safety', 'safety']);
  });

  it('楼顶干活 is work, not self-harm: the report goes on with no hotline', async () => {
    await converse(t.chat, 'web:s4').send('我在楼顶干活 老板欠我两个月工资').expect(/反映欠薪前/).expectNot(/110|12356/);
  });
});

describe('violence in the chat', () => {
  it('as a first message: 110 and the evidence to keep first, then the report starts as it would have', async () => {
    await converse(t.chat, 'web:v1')
      .send('老板不给钱 欠了八千 还打人')
      .expect(/有人打您或要动手，请马上打110报警/)
      .expect(/拍下伤处的照片，留好病历、诊断书和医药费票据/)
      .expect(/反映欠薪前，需要您同意/)
      .expectNot(/12356/);
  });

  it('mid-report: the advice, then the same question again; nothing is lost', async () => {
    await converse(t.chat, 'web:v2').sendAll('老板欠我工资', '同意').expect(/单位叫什么/);
    const { text } = await converse(t.chat, 'web:v2').send('我被打了').expect(/请马上打110报警/);
    expect(text.indexOf('110')).toBeLessThan(text.search(/单位|单位叫什么/));
    expect((await t.chat.sessions.load('web:v2', clock.now())).answers).toMatchObject({ consent: true });
  });

  it('after submitting: 110 first, then the offer to pass it on to the case worker, marked urgent', async () => {
    const c = await submitted('web:v3');
    await converse(t.chat, 'web:v3')
      .send('老板今天还打人了')
      .expect(/请马上打110报警/)
      .expect(/把这条消息转给负责您案件/)
      .expect(/会标为紧急/)
      .send('好')
      .expect(/标为紧急/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'violence', urgent: true }]);
  });

  it('打工, 打电话, 打卡, 打官司 in the chat bring no 110', async () => {
    for (const m of ['我在外面打工 老板欠我钱', '打老板电话打不通', '我想打官司']) {
      const replies = (await t.chat.handle(`web:v4-${m.length}`, { kind: 'text', text: m })).map(renderText).join('\n');
      expect(replies, m).not.toMatch(/110|12356/);
    }
  });
});

describe('probe-2: phrasings missed before (N1–N4, N6, N21)', () => {
  const SELF_HARM_2 = [
    '我死了算了', '死了算了', '死了算了 钱也不要了', '还不如死了', '这日子没法活了', '没法活了', '我快被逼死了', '没活路了', '活着太累了', '不如一了百了', '唔想活啦',
    '想不开', '我想不开了', '我撑不下去了', '实在撑不住了', '站在桥上了', '我买了农药', '烧炭', '我要自焚', '我现在就在天台', '我已经站在楼顶了', '我在楼顶上 不给钱我就跳',
    '不给钱我就爬塔吊', '我要去爬塔吊', '我要跟他同归于尽',
  ];
  const QUIET = [
    '打工', '打电话', '楼顶干活', '我在楼顶干活', '在楼顶绑钢筋', '跳槽', '笑死我了', '累死了', '气死我了', '死活不给', '打死也不签', '打死我也不签', '厂子撑不下去了',
    '老板说厂子撑不下去了', '塔吊司机', '我是开塔吊的', '我每天爬塔吊干活', '我不会想不开的', '上次有个工友为讨薪跳楼',
  ];
  const VIOLENCE_2 = [
    '老板打了我两拳', '包工头踢了我两脚', '他们把我打了一顿', '保安把我推倒了 头磕破了', '老板拿砖头砸我', '老板放狗咬我', '扇了我两个耳光', '老板威胁要杀我全家',
    '老板说我再要钱就弄死我', '老板找了几个社会上的人堵我', '打了我十几拳',
  ];
  const CALLS = ['打我老婆的 13811112222', '我电话停机了 打我老婆的 13811112222', '打我电话', '打我手机', '老板打了我一个电话', '把我打发走了'];
  const HARM_OTHERS = ['我要跟他同归于尽', '我要杀了他', '我要弄死他', '我打死他', '我要去炸了他的厂', '我带着汽油去他公司', '再不给钱我就去砍了他', '我要带人去砸了他的店', '我要把他杀了'];
  const NOT_HARM_OTHERS = ['老板说要打死我', '打死也不签', '我不会杀他的', '炸鸡店', '老板砸了我的手机', '我要去他公司要钱', '他要弄死我'];

  it('the words are read, and what only sounds like them is not', () => {
    for (const m of SELF_HARM_2) expect(selfHarm(m) || harmToOthers(m), m).toBe(true);
    for (const m of SELF_HARM_2.filter((x) => !x.includes('同归于尽'))) expect(selfHarm(m), m).toBe(true);
    for (const m of QUIET) expect(selfHarm(m) || harmToOthers(m) || violence(m), m).toBe(false);
    for (const m of VIOLENCE_2) expect(violence(m), m).toBe(true);
    for (const m of CALLS) expect(violence(m), m).toBe(false);
    for (const m of HARM_OTHERS) expect(harmToOthers(m), m).toBe(true);
    for (const m of HARM_OTHERS) expect(violence(m), m).toBe(false);
    for (const m of NOT_HARM_OTHERS) expect(harmToOthers(m), m).toBe(false);
    expect(selfHarm('我要跟他同归于尽')).toBe(true);
  });

  it('at a choice question, 我死了算了 is the self-harm reply and never an answer (stillEmployed not stored)', async () => {
    const S = ['老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月', '一万二', '就我一个'];
    for (const [i, m] of ['我死了算了', '我在楼顶上 不给钱我就跳', '我要弄死他'].entries()) {
      const user = `web:p2s${i}`;
      await converse(t.chat, user).sendAll(...S).expect(/还在这家单位干吗/);
      await converse(t.chat, user).send(m).expect(/110/).expect(/12356/).expect(/您刚才填的内容都还在/).expectNot(/什么时候离开/);
      expect((await t.chat.sessions.load(user, clock.now())).answers, m).not.toHaveProperty('stillEmployed');
    }
  });

  it('with no case: says plainly that 人工 reaches a person now', async () => {
    await converse(t.chat, 'web:p2n').send('没法活了').expect(/现在就回复「人工」，我立刻帮您找人/);
  });

  it('a worker threatening the boss with an assigned case: calm words, no report, and an urgent alert to the assignee', async () => {
    const c = await submitted('web:p2t');
    await converse(t.chat, 'web:p2t')
      .send('我要带人去砸了他的店')
      .expect(/先冷静一下/)
      .expect(/法律责任/)
      .expect(new RegExp(`您的案件 ${c.caseNo} 我们在抓紧办，已经请负责的工作人员尽快打电话给您`))
      .expectNot(/反映欠薪前|把这条消息转给/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'threat', urgent: true }]);
    await eventually(async () => ((await staffNotices(c.assignee!.staffId)).includes('我要带人去砸了他的店') ? true : null), 8000, 'the urgent notice');
  });

  it('violence after submitting (老板打了我两拳) is offered as an urgent note', async () => {
    const c = await submitted('web:p2v');
    await converse(t.chat, 'web:p2v').send('老板打了我两拳').expect(/请马上打110报警/).expect(/会标为紧急/).send('转').expect(/标为紧急/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'violence', urgent: true }]);
  });

  it('打我老婆的 138… at the phone question is a phone, with no 110', async () => {
    const R = ['老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月', '一万二', '就我一个', '还在干', '都跳过', '没有', '张三'];
    await converse(t.chat, 'web:p2c').sendAll(...R).expect(/手机号/);
    const replies = (await t.chat.handle('web:p2c', { kind: 'text', text: '打我老婆的 13811112222' })).map(renderText).join('\n');
    expect(replies).not.toMatch(/110/);
  });
});
