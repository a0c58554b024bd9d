/*
 * Back after a break with a number, and a name alone on the roster (eighth round of probes), as transcripts on the
 * real chat service and real Redis:
 *  - a bare number a short while after the last message, at a question with a list (`3` for 3. 石岭镇): taken as
 *    the pick with a short welcome back, never the offer to go on (whose 3 is 放弃).
 *  - at the offer to go on (after a long break), a bare number picking 重新开始 or 放弃 is asked about first
 *    (「确定放弃吗？已填的内容会清除。」), the form kept; the same number again never throws it away.
 *  - a name alone, first on the roster (`李建国`, perhaps the person's own name one question late): asked
 *    「李建国是您的工友吗？」, kept on a yes only.
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
const MINUTE = 60_000;
const OFFER = /1\. 继续填写\n2\. 重新开始\n3\. 放弃/;
const TOWN_Q = /您在哪个镇或街道干活？/;
const AMOUNT_Q = /您自己一共被拖欠了多少钱？/;

const toTownship = (user: string) => converse(t.chat, user).sendAll('2', '1').send('好再来饭店').expect(TOWN_Q);
const toAmount = (user: string) =>
  converse(t.chat, user).sendAll('2', '1', '好再来饭店', '东龙', '新塘', '不是').send('9月到11月').expect(AMOUNT_Q);

describe('a number for the list on screen, after a short break', () => {
  it('`3` 90 minutes on at the township list: 3. 石岭镇 taken, with a welcome back, never the offer', async () => {
    await toTownship('web:r8a1');
    clock.advance(90 * MINUTE);
    await converse(t.chat, 'web:r8a1')
      .send('3')
      .expect(/欢迎回来！您选的是「石岭镇」，我们接着填。/)
      .expect(/在石岭镇的哪个村或社区？/)
      .expectNot(OFFER);
    const s = await session('web:r8a1');
    expect(s.answers).toHaveProperty('location');
    expect(s.draft).toBeNull();
  });

  it('a number out of the list, or after a day, still gets the offer to go on', async () => {
    await toTownship('web:r8a2');
    clock.advance(90 * MINUTE);
    await converse(t.chat, 'web:r8a2').send('15').expect(OFFER);
    expect((await session('web:r8a2')).answers).not.toHaveProperty('location');
    await toTownship('web:r8a3');
    clock.advance(25 * 60 * MINUTE);
    await converse(t.chat, 'web:r8a3').send('3').expect(OFFER);
    expect((await session('web:r8a3')).answers).not.toHaveProperty('location');
  });
});

describe('重新开始 and 放弃 at the offer to go on, picked by a bare number', () => {
  it('`3` then `3` again after a day: asked 「确定放弃吗？」, the form kept; a third `3` is no option', async () => {
    await toTownship('web:r8b1');
    clock.advance(25 * 60 * MINUTE);
    await converse(t.chat, 'web:r8b1')
      .send('3')
      .expect(OFFER)
      .send('3')
      .expect(/确定放弃吗？已填的内容会清除。/)
      .expectNot(/已取消/)
      .send('3')
      .expect(/没有这个选项/)
      .send('继续')
      .expect(TOWN_Q);
    expect((await session('web:r8b1')).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('`2|2` at the amount after a break: asked 「确定要重新开始吗？」; `2` again goes on with the form', async () => {
    await toAmount('web:r8b2');
    clock.advance(120 * MINUTE);
    await converse(t.chat, 'web:r8b2')
      .send('2')
      .expect(OFFER)
      .send('2')
      .expect(/确定要重新开始吗？已填的内容会清除。/)
      .expectNot(/您同意吗/)
      .send('2')
      .expect(/我们接着填/)
      .expect(AMOUNT_Q);
    expect((await session('web:r8b2')).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('at 「确定放弃吗？」, a yes throws the form away and a no goes on; the words 放弃 at the offer still do at once', async () => {
    await toTownship('web:r8b3');
    clock.advance(25 * 60 * MINUTE);
    await converse(t.chat, 'web:r8b3').send('3').expect(OFFER).send('3').expect(/确定放弃吗/).send('确定').expect(/已取消/);
    const gone = await session('web:r8b3');
    expect(gone.draft).toBeNull();
    expect(gone.answers).not.toHaveProperty('employer');

    await toTownship('web:r8b4');
    clock.advance(25 * 60 * MINUTE);
    await converse(t.chat, 'web:r8b4').send('3').expect(OFFER).send('3').expect(/确定放弃吗/).send('不').expect(/我们接着填/).expect(TOWN_Q);
    expect((await session('web:r8b4')).answers).toMatchObject({ employer: '好再来饭店' });

    await toTownship('web:r8b5');
    clock.advance(25 * 60 * MINUTE);
    await converse(t.chat, 'web:r8b5').send('3').expect(OFFER).send('放弃').expect(/已取消/);
  });
});

describe('a name alone, first on the roster', () => {
  const ROSTER_Q = /有被拖欠工友的名单吗？/;
  /** A group report up to the roster question (twelve owed, building work, the optional questions skipped). */
  const toRoster = (user: string) =>
    converse(t.chat, user)
      .sendAll('2', '1', '鑫盛劳务', '石岭', '不清楚', '是', '青溪花园二期', '3月到8月', '三万五', '十二个', '不知道', '已经离开', '8月底', '不知道', '不知道', '跳过', '跳过', '跳过')
      .send('木工')
      .expect(ROSTER_Q);
  const roster = async (user: string) => ((await session(user)).answers.roster ?? null) as { entries: { name: string }[] } | null;

  it('`李建国`: asked 「李建国是…工友吗？」, nothing kept; 是 puts him on, and the next name is taken at once', async () => {
    await toRoster('web:r8c1')
      .send('李建国')
      .expect(/李建国是和您一起被拖欠工资的工友吗？/)
      .expectNot(/记下了李建国/);
    expect((await roster('web:r8c1'))?.entries ?? []).toEqual([]);
    await converse(t.chat, 'web:r8c1').send('是').expect(/记下了李建国，名单上现在一共1人。/).send('张三').expect(/记下了张三，名单上现在一共2人。/);
    expect((await roster('web:r8c1'))?.entries.map((e) => e.name)).toEqual(['李建国', '张三']);
  });

  it('`李建国` then 不是: left off; `李建国` then the roster: the roster taken, 李建国 left off and said so', async () => {
    await toRoster('web:r8c2').send('李建国').expect(/工友吗/).send('不是').expect(/李建国不记到名单上/).send('没有').expectNot(ROSTER_Q);
    expect((await roster('web:r8c2'))?.entries ?? []).toEqual([]);
    await toRoster('web:r8c3').send('李建国').expect(/工友吗/).send('王强 8000').expect(/记下了王强 8,000元，名单上现在一共1人。李建国没有记上/);
    expect((await roster('web:r8c3'))?.entries.map((e) => e.name)).toEqual(['王强']);
  });

  it('names with amounts, or several names, are taken as before', async () => {
    await toRoster('web:r8c4').send('李建国 8000').expect(/记下了李建国 8,000元/).expectNot(/工友吗/);
    await toRoster('web:r8c5').send('老张 老李 小王').expect(/记下了老张、老李、小王，名单上现在一共3人/);
  });
});
