/*
 * What the person said is kept, second part (the engine, shared by every
 * flow), as transcripts on real Redis:
 *  - a value waiting at 「…对吗？」 said again is confirmed and stored; the
 *    rest is asked once more, then at its own question (never three times);
 *  - 人工 is left after a progress question or thanks, and punctuation
 *    (`。。`) never becomes a staff ticket: asked once, then 人工 is left;
 *  - at the summary an answer is opened by its name (`改金额`, `改钱数`), a
 *    self-correction (`我还没走 不对 我已经走了…`) is read after its 不对,
 *    and 「哪一项不对？」 understands `钱数`;
 *  - thanks and praise with emoji are small talk; crying gets comfort;
 *  - someone named at the employer question (`一个姓陈的包工头`) is the answer;
 *  - a time wish in a legal-aid opening message narrows the slot list;
 *  - 反映欠薪 again with a report open asks first whether it is another one.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { smallTalkOf } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const enquiries = async (user: string) => (await t.core.cases.listByUser(user, 10)).filter((c) => c.kind === 'enquiry');

/** A wage report up to 「您现在还在这家单位干吗？」. */
const S = ['老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月', '一万二', '就我一个'];
/** …and on to the summary. */
const R = [...S, '还在干', '都跳过', '没有', '张三', '13700003333'];
/** …and submitted. */
const P = [...SUBMITTED_REPORT];

describe('a value said again at 「…对吗？」', () => {
  it('is kept; the rest is asked once more, then at its own question, never a third time', async () => {
    await converse(t.chat, 'web:a1')
      .sendAll('欠薪', '同意')
      .send('凤栖街道的海底捞')
      .expect(/我理解的是：用人单位「海底捞」、干活的地方「凤栖街道」。对吗？/)
      .send('凤栖街道')
      .expect(/干活的地方记下了/)
      .expect(/我理解的是：用人单位「海底捞」。对吗？/)
      .expectNot(/干活的地方「凤栖街道」/)
      .send('凤栖街道')
      .expectNot(/对吗？/)
      .expect(/用人单位先不记/)
      .expect(/欠您工资的单位叫什么名字？/);
    const s = await session('web:a1');
    expect(s.answers).toMatchObject({ location: { townshipId: 't09' } });
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.pending).toBeNull();
  });

  it('a yes to the rest then counts as usual', async () => {
    await converse(t.chat, 'web:a2').sendAll('欠薪', '同意', '凤栖街道的海底捞', '凤栖街道').send('对').expect(/「海底捞」是哪一种？/);
    expect((await session('web:a2')).answers).toMatchObject({ employer: '海底捞', location: { townshipId: 't09' } });
  });
});

describe('人工', () => {
  it('a progress question answers and leaves 人工: 谢谢 after it is thanks, not 请说说您遇到了什么问题', async () => {
    await converse(t.chat, 'web:h1')
      .sendAll(...P)
      .send('人工')
      .send('我的案子咋还没人管')
      .expect(/QX\d{8}-\d{4}/)
      .send('谢谢')
      .expect(/不客气/)
      .expectNot(/请说说您遇到了什么问题/);
    expect(await enquiries('web:h1')).toHaveLength(0);
    expect((await session('web:h1')).mode).toBe('idle');
  });

  it('`。。` is no ticket: asked once, then 人工 is left', async () => {
    await converse(t.chat, 'web:h2')
      .sendAll(...P)
      .send('人工')
      .send('。。')
      .expect(/请说说您遇到了什么问题/)
      .send('。。')
      .expect(/先不转人工/)
      .expectNot(/求助编号/);
    expect(await enquiries('web:h2')).toHaveLength(0);
    expect((await session('web:h2')).mode).toBe('idle');
  });

  it('`人工 。。` asks what the problem is; words after it still make a ticket', async () => {
    await converse(t.chat, 'web:h3').send('人工 。。').expect(/说说您遇到的问题/).send('老板欠了三个月工资不给').expect(/求助编号/);
    expect(await enquiries('web:h3')).toHaveLength(1);
  });

  it('thanks at 人工 mid-report goes back to the question', async () => {
    await converse(t.chat, 'web:h4').sendAll('老板欠我工资', '同意', '人工').send('谢谢').expect(/不客气/).expect(/欠您工资的单位叫什么名字？/);
    expect(await enquiries('web:h4')).toHaveLength(0);
  });
});

describe('at the summary, an answer by its name', () => {
  it.each([
    ['改金额', /被拖欠了多少钱/],
    ['改钱数', /被拖欠了多少钱/],
    ['改一下工资数', /被拖欠了多少钱/],
    ['改人数', /多少人被拖欠/],
    ['改时间', /哪段时间的工资/],
    ['改单位', /单位叫什么名字/],
    ['改老板', /单位叫什么名字/],
    ['改电话', /手机号是多少/],
    ['改手机', /手机号是多少/],
    ['名字不对', /怎么称呼您/],
    ['改地址', /单位的地址在哪里？/],
  ])('%s opens that question', async (said, asked) => {
    const user = `web:r-${said}`;
    await converse(t.chat, user).sendAll(...R).send(said).expect(asked).expect(/之前填的是/);
  });

  it('a new amount after 改金额 goes back to the summary with it', async () => {
    await converse(t.chat, 'web:r2').sendAll(...R, '改金额').send('一万三').expect(/拖欠金额：13,000元/).expect(/请核对/);
  });

  it('`我还没走 不对 我已经走了 上个月走的`: what follows the 不对 is the change', async () => {
    await converse(t.chat, 'web:r3')
      .sendAll(...R)
      .send('我还没走 不对 我已经走了 上个月走的')
      .expect(/您是要改成：是否还在职「已经离开」、离开时间「2026年11月」，对吗？/)
      .send('对')
      .expect(/请核对/);
    expect((await session('web:r3')).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-11' });
  });

  it('「哪一项不对？」 understands `钱数`', async () => {
    await converse(t.chat, 'web:r4')
      .sendAll('老板欠我工资 三个月没发 欠了一万二', '同意')
      .expect(/拖欠时间.*拖欠金额「12,000元」。对吗？/)
      .send('不对')
      .expect(/哪一项不对？/)
      .send('钱数')
      .expect(/拖欠金额/)
      .expectNot(/哪一项不对？/);
    const s = await session('web:r4');
    expect(s.answers).toHaveProperty('period');
    expect(s.answers).not.toHaveProperty('amount');
  });
});

describe('small talk with emoji', () => {
  it.each([
    ['谢谢啊 你们真好 🙏🙏', 'thanks'],
    ['你们真好', 'thanks'],
    ['🙏', 'thanks'],
    ['👍', 'ack'],
    ['😭😭', 'upset'],
    ['[流泪]', 'upset'],
    ['呜呜呜', 'upset'],
    ['😀', 'emoji'],
  ] as const)('%s → %s', (text, kind) => {
    expect(smallTalkOf(text)).toBe(kind);
  });

  it('thanks and praise after submitting are thanked; 👍 is no puzzle', async () => {
    await converse(t.chat, 'web:e1')
      .sendAll(...P)
      .send('谢谢啊 你们真好 🙏🙏')
      .expect(/不客气/)
      .expectNot(/没太明白/)
      .send('谢谢你们')
      .expect(/不客气/)
      .send('👍')
      .expectNot(/没太明白/);
  });

  it('crying at a question is comforted, and the question follows', async () => {
    await converse(t.chat, 'web:e2')
      .sendAll('老板欠我工资', '同意')
      .send('😭😭')
      .expect(/别着急，我们一起把事情理清楚。/)
      .expectNot(/^收到/)
      .expect(/欠您工资的单位叫什么名字？/);
  });
});

describe('someone named at the employer question', () => {
  it('`一个姓陈的包工头` is the employer (一个 is no count)', async () => {
    await converse(t.chat, 'web:n1').sendAll('老板欠我工资', '同意').send('一个姓陈的包工头').expectNot(/没太明白/);
    expect((await session('web:n1')).answers).toMatchObject({ employer: '陈包工头' });
  });

  it('`老乡介绍的 一个叫老黑的人 我也不知道他全名` is read as 老黑, not as not knowing', async () => {
    await converse(t.chat, 'web:n2')
      .sendAll('老板欠我工资', '同意')
      .send('老乡介绍的 一个叫老黑的人 我也不知道他全名')
      .expect(/老黑/)
      .expectNot(/需要知道个大概|没太明白/)
      .send('对');
    expect((await session('web:n2')).answers).toMatchObject({ employer: '老黑' });
  });

  it('`我叫张三` at the employer question is the person, never the employer', async () => {
    await converse(t.chat, 'web:n3').sendAll('老板欠我工资', '同意').send('我叫张三').expectNot(/用人单位「张三」/);
    expect((await session('web:n3')).answers).not.toHaveProperty('employer');
  });
});

describe('a time wish in a legal-aid opening message', () => {
  it('明天下午 is kept, unconfirmed, and the slot list shows that afternoon', async () => {
    await converse(t.chat, 'web:w1')
      .send('我在东龙镇 想约个律师 明天下午 电话咨询 我叫张三 13800138000')
      .send('同意')
      .expectNot(/明天|12月2日/)
      .sendAll('对', '1')
      .send('还在干')
      .expect(/12月2日（周三）下午电话咨询还能约的时间/)
      .expectNot(/12月3日/);
    expect((await session('web:w1')).answers).toMatchObject({ slotDay: '2026-12-02', slotPart: 'afternoon', mode: 'phone' });
  });

  // A day ahead alone at a question before the time is no answer to it: said back as the wish (never kept
  // silently) and the question asked again (test/legal-aid/when-alone.test.ts); it was lost before.
  it('a day alone at another question is said back as the wish, and the question asked again', async () => {
    await converse(t.chat, 'web:w2').sendAll('法律援助', '1', '工伤', '3月5号摔的', '1');
    await converse(t.chat, 'web:w2').send('周三下午').expect(/好的，想约12月2日（周三）下午/).expect(/您想找谁帮忙/);
    expect((await session('web:w2')).answers).toMatchObject({ slotDay: '2026-12-02', slotPart: 'afternoon' });
    expect((await session('web:w2')).answers).not.toHaveProperty('help');
  });
});

describe('反映欠薪 again after a report', () => {
  it('asks whether it is another one first; yes starts a second report', async () => {
    await converse(t.chat, 'web:q1')
      .sendAll(...P)
      .send('反映欠薪')
      .expect(/您已经反映过（QX\d{8}-\d{4}），要再反映另一件欠薪吗？/)
      .expectNot(/同意吗/)
      .send('是，另一件')
      .expect(/您同意吗？/);
    expect((await session('web:q1')).flowId).toBe('wage');
  });

  it('no keeps the one reported; what the message said opens the second report', async () => {
    await converse(t.chat, 'web:q2').sendAll(...P).send('2').expect(/您已经反映过/).send('不是').expect(/有需要随时找我/);
    expect((await session('web:q2')).flowId).toBeNull();
    await converse(t.chat, 'web:q2').send('老板又欠我工资了 三千').expect(/您已经反映过/).send('好的').expect(/同意吗/).send('同意').expect(/拖欠金额「3,000元」/);
  });

  it('with nothing reported the report starts at once', async () => {
    await converse(t.chat, 'web:q3').send('反映欠薪').expect(/同意吗/).expectNot(/已经反映过/);
  });
});

describe('second probe (N9, N10)', () => {
  it('同意 or 可以 typed again after tapping 1 for consent is never the employer', async () => {
    for (const yes of ['同意', '可以']) {
      const user = `web:n9-${yes}`;
      await converse(t.chat, user).sendAll('老板欠我工资', '1').send(yes).expect(/这里请写欠您工资的单位或老板的名字/).expectNot(/是哪一种/);
      expect((await session(user)).answers).not.toHaveProperty('employer');
      await converse(t.chat, user).send('宏达公司').expect(/哪个镇或街道/);
      expect((await session(user)).answers).toMatchObject({ employer: '宏达公司' });
    }
  });

  it('a bare 2 (or 取消) at the summary asks before anything is wiped; 接着填 brings the summary back', async () => {
    // Probe 4 B2: one question (要先停在这里吗？), its options 1 先停下 2 接着填 3 放弃.
    await converse(t.chat, 'web:n10').sendAll(...R).send('2').expect(/要先停在这里吗/).expectNot(/已清除/).send('2').expect(/请核对以上信息/);
    expect((await session('web:n10')).answers).toMatchObject({ employer: '宏达公司', phone: '13700003333' });
    await converse(t.chat, 'web:n10').send('取消').expect(/要先停在这里吗/).send('不填了，放弃').expect(/已取消/);
    expect((await session('web:n10')).flowId).toBeNull();
  });
});

describe('不知道 at a yes/no question', () => {
  it('says how to tell which (the question\'s own words), not 「这一项我们需要知道个大概，想想看」', async () => {
    await converse(t.chat, 'web:yn1')
      .sendAll('老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚')
      .send('不知道')
      .expect(/没关系，拿不准也可以先选个大概。请回复1（是）或2（不是）。盖楼、修路、装修这类工地上的活，就是工程建设项目/)
      .expectNot(/想想看/)
      .send('2')
      .expect(/哪段时间/);
  });
});
