/**
 * After a wage report (helper h7):
 *  - pressing before the date promised (`催一下`, `能快点吗`, `帮我催催`, `怎么还没人联系我`): heard, the
 *    date said, and what to do if nobody calls by then; nothing passed on. After the date `能快点吗` offers
 *    the union's supervisor as `怎么还没人联系我` does;
 *  - `找律师`, `我想预约法律援助` with a wage case open: whether the booking is about that case is asked
 *    (several: which, or 别的事); linked only after their pick, unlinked after 不是.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { createWageCase } from '../support/cases.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:h7-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const session = (user: string) => t.chat.sessions.load(user, clock.now());
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => [n.kind, n.text]);

describe('pressing before the date promised', () => {
  it.each(['催一下', '能快点吗', '帮我催催', '怎么还没人联系我'])('%s: heard, the date, what then; nothing passed on', async (said) => {
    const user = someone('press');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(/知道您着急/)
      .expect(/按规定工作人员最晚12月\d+日（周.）(?:\d\d:\d\d)?联系您/)
      .expect(/到时还没人联系您，您再跟我说一声/)
      .expect(new RegExp(`您的案件：\\s+${c.caseNo}`))
      .expectNot(/转给工会负责同志吗|没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
    expect((await session(user)).caseNote).toBeNull();
  });

  it('能快点吗 after the date: sorry, the date, and the union supervisor offered', async () => {
    const user = someone('late');
    const { chat, c } = await reportSubmitted(t, user);
    clock.advance(10 * 24 * 3600_000);
    await chat.send('能快点吗').expect(/很抱歉让您久等了/).expect(/现在已经过了/).expect(/转给.*负责同志吗/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('a lawyer asked for with a wage case open', () => {
  it('找律师 → 是的: asked first, then booked for the case', async () => {
    const user = someone('yes');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send('找律师')
      .expect(new RegExp(`${c.caseNo}（好再来饭店）。这次预约律师是为了这件案子吗`))
      .expectNot(/同意吗/);
    await chat.send('是的').expect(new RegExp(`为您的案件 ${c.caseNo}（好再来饭店）预约律师`)).expect(/同意吗/);
    expect((await session(user)).answers.linkedCaseNo).toBe(c.caseNo);
  });

  it('我想预约法律援助 → 不是: the booking begins unlinked', async () => {
    const user = someone('no');
    const { chat } = await reportSubmitted(t, user);
    await chat.send('我想预约法律援助').expect(/这次预约律师是为了这件案子吗/);
    await chat.send('不是').expect(/同意吗/).expectNot(/为您的案件|关联/);
    const s = await session(user);
    expect(s.flowId).toBe('legal');
    expect(s.answers.linkedCaseNo).toBeUndefined();
  });

  it('找律师 → 2 (别的事): unlinked, what was asked for kept', async () => {
    const user = someone('other');
    const { chat } = await reportSubmitted(t, user);
    await chat.send('找律师').send('2').expect(/您想找工会律师咨询/).expect(/同意吗/);
    expect((await session(user)).answers.linkedCaseNo).toBeUndefined();
  });

  it('something else said instead: no link, the question ends', async () => {
    const user = someone('else');
    const { chat } = await reportSubmitted(t, user);
    await chat.send('找律师').expect(/这次预约律师是为了这件案子吗/).send('算了').expectNot(/为您的案件/);
    const s = await session(user);
    expect(s.answers.linkedCaseNo).toBeUndefined();
    expect(s.options.some((o) => o.value.startsWith('aid:'))).toBe(false);
  });

  it('不用了: no booking begun, nothing linked', async () => {
    const user = someone('none');
    const { chat } = await reportSubmitted(t, user);
    await chat.send('找律师').expect(/这次预约律师是为了这件案子吗/).send('不用了').expect(/先不约了/).expectNot(/为您的案件|同意吗|没太明白/);
    const s = await session(user);
    expect(s.flowId).toBeNull();
    expect(s.answers.linkedCaseNo).toBeUndefined();
  });

  it('several cases: listed with 别的事; the one picked is linked', async () => {
    const user = someone('many');
    const a = await createWageCase(t.core, { userKey: user, employer: '好再来饭店' });
    const b = await createWageCase(t.core, { userKey: user, employer: '宏达电子厂' });
    const chat = converse(t.chat, user);
    await chat
      .send('找律师')
      .expect(/这次预约律师是为了哪一件/)
      .expect(/好再来饭店/)
      .expect(/宏达电子厂/)
      .expect(/别的事/);
    // `是` picks none: which one is asked, never guessed.
    await chat.send('是的').expect(/选是哪一件/).expectNot(/为您的案件/);
    await chat.send('宏达那个').expect(new RegExp(`为您的案件 ${b.caseNo}（宏达电子厂）`));
    expect((await session(user)).answers.linkedCaseNo).toBe(b.caseNo);
    expect(a.caseNo).not.toBe(b.caseNo);
  });
});
