/*
 * A turn's fixed cost made cheaper without changing what it does (issue 14 item 8):
 *  - (guards) a record anyone else wrote (another process, another key, an older shape) is what the next turn reads,
 *    and nobody is ever served another's session or an older one (h155 also kept the plaintext of the record a
 *    process wrote last, to skip its decryption; left out: decrypted sessions are not kept beyond a turn);
 *  - the session and the flows' answers are parsed by zod's compiled parser (`z.compile`), which gives what the
 *    schema's own parse gives and hands what it cannot take to it (an older shape starts over, as before);
 *  - what is stored of a session leaves out the fields at their default as before, found without writing each
 *    default field as JSON.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../core/conversation/sessions.js';
import { unseal } from '../../core/infra/privacy.js';
import { membershipFlow } from '../../flows/membership.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { SessionSchema, newSession, type Session } from '../../flows/session.js';
import { createSessions } from '../../flows/session-store.js';
import { wageFlow } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, clock, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:turn-cost-${tag}-${Math.random().toString(36).slice(2, 8)}`;

/** Another process on the same Redis: its own session store (`key`: the data key it seals with). */
function otherProcess(key: Buffer = t.core.config.DATA_KEY) {
  return createSessions(createSessionStore(t.core.redis, t.core.conversation.keys, t.core.config.DRAFT_TTL_DAYS * 86400, key));
}

/** The stored record of a person, read as the schema's own parse reads it (the reference for what a turn reads). */
async function schemaRead(user: string): Promise<Session> {
  const raw = await t.core.redis.get(t.core.conversation.keys.session(user));
  const stored = JSON.parse(raw!) as { version: number; data: string };
  return { ...SessionSchema.parse(JSON.parse(unseal(t.core.config.DATA_KEY, stored.data))), version: stored.version };
}

/** At the employer question of a wage report, written by this process. */
async function atEmployer(user: string) {
  await converse(t.chat, user).sendAll('老板欠我工资', '同意').expect(/单位/);
  return load(user);
}

describe('a turn reads what Redis holds', () => {
  // guard: a turn reads what another process saved since (a cache of this process's own write would serve the older one).
  it('another process saved the person since (back at the menu): the next turn reads that, `1` picks joining the union', async () => {
    const user = someone('other');
    const mine = await atEmployer(user);
    const theirs = await otherProcess().save({ ...newSession(user, clock.now()), version: mine.version });
    expect(theirs.version).toBe(mine.version + 1);
    expect((await load(user)).flowId).toBeNull();
    await converse(t.chat, user).send('1').expect(/加入工会后，您可以/);
    expect((await load(user)).version).toBe(theirs.version + 1);
  });

  // guard: a record sealed with another key over this process's own write is unreadable: the person starts over.
  it('a record sealed with another key written over it: the person starts over at the menu', async () => {
    const user = someone('key');
    const mine = await atEmployer(user);
    await otherProcess(Buffer.alloc(32, 7)).save(mine);
    const read = await load(user);
    expect(read.flowId).toBeNull();
    expect(read.answers).toEqual({});
    expect(read.version).toBe(mine.version + 1);
    await converse(t.chat, user).send('1').expect(/加入工会后，您可以/);
  });

  // guard: a session of an older shape, sealed with this key, is not taken (the compiled parse hands it to the schema's own).
  it('a record of an older shape written over it: the person starts over at the menu', async () => {
    const user = someone('shape');
    const mine = await atEmployer(user);
    await otherProcess().save({ ...mine, mode: 'paused' } as unknown as Session);
    const read = await load(user);
    expect(read.flowId).toBeNull();
    expect(read.version).toBe(mine.version + 1);
    await converse(t.chat, user).send('1').expect(/加入工会后，您可以/);
  });

  // guard: answers no field of the flow could have given (an older flow's) restart the form politely, as before.
  it('answers of an older flow written over it: the form restarts politely', async () => {
    const user = someone('answers');
    const mine = await atEmployer(user);
    await otherProcess().save({ ...mine, answers: { ...mine.answers, consent: 'yes' } });
    await converse(t.chat, user).send('好再来饭店').expect(/系统刚刚更新过/);
  });

  // guard: two people talking to one process each read their own session.
  it('two people at once: each goes on where they were', async () => {
    const a = someone('a');
    const b = someone('b');
    await converse(t.chat, a).sendAll('老板欠我工资', '同意').expect(/单位/);
    await converse(t.chat, b).send('1').expect(/加入工会后，您可以/);
    await converse(t.chat, a).send('好再来饭店').expectNot(/加入工会/);
    expect((await load(a)).answers).toMatchObject({ employer: '好再来饭店' });
    expect((await load(b)).flowId).toBe(membershipFlow.id);
    expect((await load(b)).answers).not.toHaveProperty('employer');
  });

  // guard: removed, the session is gone for this process too.
  it('a removed session reads as none', async () => {
    const user = someone('removed');
    await atEmployer(user);
    await t.chat.sessions.remove(user);
    const read = await load(user);
    expect(read.version).toBe(0);
    expect(read.flowId).toBeNull();
  });
});

describe("the compiled parses give the schemas' own", () => {
  // guard: at every step of a wage report and of joining the union, the session read is the schema's parse of the record, key for key and in order.
  it('every session of a wage report and of joining the union, as read by a turn', async () => {
    const reports: [string, string[]][] = [
      [someone('wage'), ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '改', '6', '7000', '确认']],
      [someone('join'), ['我想入会', '同意', '王大军', '对', '同意']],
    ];
    let compared = 0;
    for (const [user, script] of reports) {
      for (const said of script) {
        await converse(t.chat, user).send(said);
        const read = await load(user);
        const reference = await schemaRead(user);
        expect(read).toStrictEqual(reference);
        expect(JSON.stringify(read)).toBe(JSON.stringify(reference));
        const flow = [wageFlow, membershipFlow, legalAidFlow].find((f) => f.id === read.flowId);
        if (flow) {
          expect(flow.check(read.answers)).toBe(true);
          expect(flow.read(read.answers)).toStrictEqual(flow.schema.parse(read.answers));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  // guard: a flow's answers are taken or refused as its schema takes or refuses them.
  it("a flow's answers: taken and refused as by its schema", () => {
    const cases: Record<string, unknown>[] = [
      {},
      { consent: true, employer: '好再来饭店' },
      { consent: 'yes' },
      { employer: 42 },
      { amount: { yuan: 6000, approx: false, upTo: null } },
      { amount: { yuan: '6000' } },
      { unknownField: 1, consent: true },
    ];
    for (const answers of cases) {
      const own = wageFlow.schema.safeParse(answers);
      expect(wageFlow.check({ ...answers })).toBe(own.success);
      if (own.success) expect(wageFlow.read({ ...answers })).toStrictEqual(own.data);
      else expect(() => wageFlow.read({ ...answers })).toThrow();
    }
  });
});

describe('what is stored of a session', () => {
  /** What was stored before: every field whose JSON is its default's left out. */
  function storedBefore(s: Session): string {
    const defaults = Object.entries(SessionSchema.shape).flatMap(([key, schema]) => {
      const missing = schema.safeParse(undefined);
      return missing.success && missing.data !== undefined ? [[key, JSON.stringify(missing.data)] as const] : [];
    });
    const out: Record<string, unknown> = { ...s };
    for (const [key, json] of defaults) if (JSON.stringify(out[key]) === json) delete out[key];
    return JSON.stringify(out);
  }

  // guard: the same JSON as before, whatever the fields at their default hold.
  it('leaves out the fields at their default, the same as before, and keeps the rest in order', () => {
    const sessions = createSessions(t.core.conversation.sessions);
    const base = newSession('web:stored', clock.now());
    const odd: Record<string, unknown>[] = [
      {},
      { later: { employer: '好再来饭店' }, offered: {}, backAt: 'employer' },
      { alsoFacts: {}, setAside: null, offerFacts: { facts: {}, given: {} } },
      { lastSet: undefined, nearRefused: Number.NaN, toldAtMenu: { facts: {}, at: 'x' } },
      { later: { employer: undefined }, offered: [], caseNote: null, aside: 'phone:x' },
      { voice: { caseId: 'c1', askedAt: 'x' }, attachTo: null, submitted: { flowId: 'wage', at: 'x' } },
    ];
    for (const extra of odd) {
      const s = { ...base, ...extra } as Session;
      expect(sessions.json(s)).toBe(storedBefore(s));
    }
    expect(JSON.parse(sessions.json(base))).not.toHaveProperty('later');
  });
});
