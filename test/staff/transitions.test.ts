/*
 * Case moves through the staff API: the allowed ones answer 200 with the new
 * state, the refused ones 409 with a Chinese reason naming the state, bad
 * input 400 naming the field — and two requests at once never both win.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import type { Case } from '../../core/cases/store.js';
import type { Core } from '../../core/context.js';
import { acceptCase, declineCase } from '../../core/cases/work.js';
import type { Job } from 'bullmq';
import { createCaseStore } from '../../core/cases/store.js';
import { AppError } from '../../core/infra/errors.js';
import type { Redis } from '../../core/infra/redis.js';
import { slaProcessor } from '../../core/cases/jobs.js';
import { caseJobKeys } from '../../core/cases/queue.js';
import { eventually } from '../support/core.js';
import { timerAt } from '../support/timers.js';
import { routeTo, snapshot, startStaffApi, waitFor, wageCase, type Res } from './support.js';

const ME = 'gw-001';

const api = useFixture(() => startStaffApi({ workers: true }), 'all');
let me: string;

beforeAll(async () => {
  me = await api.staff(ME);
});

const post = (c: Case, a: string, json?: unknown, token = me) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${a}`, { token, json });

async function assigned(): Promise<Case> {
  return routeTo(api.core, await wageCase(api.core), ME);
}

async function accepted(): Promise<Case> {
  const c = await assigned();
  const r = await post(c, 'accept');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (await api.core.cases.get(c.id))!;
}

function expectConflict(r: Res, message: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(409);
  expect(r.body.error).toEqual({ code: 'invalid_transition', message, requestId: expect.stringMatching(/^[\w-]{1,64}$/) });
}

function expectInvalid(r: Res, field: string, message: RegExp) {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error).toMatchObject({ code: 'invalid', field });
  expect(r.body.error.message).toMatch(message);
}

/** Runs `fn` and checks that the case and its audit trail did not move. */
async function unchanged(c: Case, fn: () => Promise<void>) {
  const before = await snapshot(api.core, c.id);
  await fn();
  const after = await snapshot(api.core, c.id);
  expect({ status: after.status, audit: after.audit }).toEqual({ status: before.status, audit: before.audit });
  expect(after.record).toEqual(before.record);
}

describe('allowed moves', () => {
  it('assigned → accepted → resolved: each answers 200 with the new state and the reporter’s history grows', async () => {
    const c = await assigned();
    const a = await post(c, 'accept');
    expect(a.status).toBe(200);
    expect(a.body.case).toMatchObject({ status: 'accepted', statusText: '工作人员已接单，正在处理', resolveBy: expect.any(String) });
    expect(a.body.case.history.at(-1).note).toBe('东龙镇第一网格已接单，工作人员会尽快联系您');

    const r = await post(c, 'resolve', { recovered: 28500 });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 28500, reason: null, by: ME } });
    expect(r.body.case.history.at(-1).note).toBe('已办结，追回工资28,500元');
    // The assignee's capacity was given back.
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), ME)).toBe('0');
  });

  it('resolving without money recovered needs the reason and the next step, and records both', async () => {
    const c = await accepted();
    const r = await post(c, 'resolve', { reason: '单位已注销，转仲裁', nextStep: { kind: 'arbitration' } });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: null, reason: '单位已注销，转仲裁', nextStep: { kind: 'arbitration' } } });
    expect(r.body.case.history.at(-1).note).toBe('已办结，未能追回：单位已注销，转仲裁；下一步：申请劳动仲裁（可预约律师帮忙）');
  });

  it('an accepted case may still be 退回: it goes to someone else, never back to who declined it', async () => {
    const c = await accepted();
    const r = await post(c, 'decline', { reason: '报告人实际在第二网格' });
    expect(r.status).toBe(200);
    const again = await waitFor(api.core, c.id, (x) => x.status === 'assigned', 'reassignment');
    expect(again.assignee!.staffId).not.toBe(ME);
    expect(again).toMatchObject({ lapsed: [ME], acceptedAt: null, assignmentSeq: 2 });
    expect(again.notes.at(-1)!.text).toBe('退回：报告人实际在第二网格');
  });
});

describe('refused moves (409, the case unchanged)', () => {
  it('accepting a resolved case', async () => {
    const c = await accepted();
    expect((await post(c, 'resolve', { recovered: 1000 })).status).toBe(200);
    await unchanged(c, async () => {
      expectConflict(await post(c, 'accept'), `案件 ${c.caseNo} 现在是「已办结」，不能接单。`);
      expectConflict(await post(c, 'decline', { reason: '不想办' }), `案件 ${c.caseNo} 现在是「已办结」，不能退回。`);
      expectConflict(await post(c, 'refer', { reason: '调解不成' }), `案件 ${c.caseNo} 现在是「已办结」，不能转检察。`);
      expectConflict(await post(c, 'resolve', { recovered: 1000 }), `案件 ${c.caseNo} 现在是「已办结」，不能办结。`);
    });
  });

  it('resolving or referring before accepting', async () => {
    const c = await assigned();
    await unchanged(c, async () => {
      expectConflict(await post(c, 'resolve', { recovered: 28500 }), `案件 ${c.caseNo} 现在是「待接单」，不能办结。`);
      expectConflict(await post(c, 'refer', { reason: '调解不成' }), `案件 ${c.caseNo} 现在是「待接单」，不能转检察。`);
    });
  });

  it('accepting twice', async () => {
    const c = await accepted();
    await unchanged(c, async () => {
      expectConflict(await post(c, 'accept'), `案件 ${c.caseNo} 现在是「办理中」，不能接单。`);
    });
  });

  it('referring a case already with the procuratorate, or declining it then', async () => {
    const c = await accepted();
    expect((await post(c, 'refer', { reason: '调解不成' })).status).toBe(200);
    await unchanged(c, async () => {
      expectConflict(await post(c, 'refer', { reason: '再转一次' }), `案件 ${c.caseNo} 现在是「检察审查中」，不能转检察。`);
      expectConflict(await post(c, 'decline', { reason: '不办了' }), `案件 ${c.caseNo} 现在是「检察审查中」，不能退回。`);
      expectConflict(await post(c, 'accept'), `案件 ${c.caseNo} 已经不是待接单状态。`);
    });
  });
});

/**
 * Makes concurrent requests read the case before any of them writes: each
 * `getByNo` waits (at most 3 s) until `n` have read.
 */
function readTogether(core: Core, n: number): () => void {
  const original = core.cases.getByNo;
  const waiting: (() => void)[] = [];
  core.cases.getByNo = async (no) => {
    const c = await original(no);
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length >= n) waiting.splice(0).forEach((r) => r());
      else setTimeout(resolve, 3000);
    });
    return c;
  };
  return () => {
    core.cases.getByNo = original;
  };
}

describe('two requests at once: exactly one wins', () => {
  it('the assignee’s two accept requests sent together (both having read 待接单): one 200, one 409; one acceptance, one set of deadlines, one reporter update', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await assigned();
      const restore = readTogether(api.core, 2);
      let results: Res[];
      try {
        results = await Promise.all([post(c, 'accept'), post(c, 'accept')]);
      } finally {
        restore();
      }
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error).toEqual({ code: 'invalid_transition', message: `案件 ${c.caseNo} 已经不是待接单状态。`, requestId: expect.any(String) });
      const audit = await api.core.cases.audit(c.id);
      expect(audit.filter((x) => x.action === 'accepted')).toHaveLength(1);
      const after = (await api.core.cases.get(c.id))!;
      expect(after.history.filter((h) => h.status === 'accepted')).toHaveLength(1);
      expect(await timerAt(api.core, 'resolve-deadline', c.id, 1)).toEqual(new Date(after.resolveBy!));
      expect(await timerAt(api.core, 'accept-deadline', c.id, 1)).toBeNull();
    }
  });

  it('two accept requests without any help to collide: still exactly one 200', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await assigned();
      const results = await Promise.all([post(c, 'accept'), post(c, 'accept')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await api.core.cases.audit(c.id)).filter((x) => x.action === 'accepted')).toHaveLength(1);
    }
  });

  it('decline and accept sent together (both having read 待接单): one wins, the other is refused, and the case is in the winner’s state', async () => {
    for (let round = 0; round < 4; round++) {
      const c = await assigned();
      const restore = readTogether(api.core, 2);
      let acc: Res;
      let dec: Res;
      try {
        [acc, dec] = await Promise.all([post(c, 'accept'), post(c, 'decline', { reason: '不在我的片区' })]);
      } finally {
        restore();
      }
      const statuses = [acc.status, dec.status];
      expect(statuses.filter((s) => s === 200), JSON.stringify([acc.body, dec.body])).toHaveLength(1);
      expect(statuses.find((s) => s !== 200)).toBe(409);
      const audit = await api.core.cases.audit(c.id);
      if (acc.status === 200) {
        expect(audit.some((x) => x.action === 'declined')).toBe(false);
        expect((await api.core.cases.get(c.id))!).toMatchObject({ status: 'accepted', assignee: { staffId: ME } });
      } else {
        expect(audit.some((x) => x.action === 'accepted')).toBe(false);
        const again = await waitFor(api.core, c.id, (x) => x.status === 'assigned', 'reassignment');
        expect(again.assignee!.staffId).not.toBe(ME);
      }
    }
  });

  /**
   * A core whose case store holds its first write until `before()` settles
   * (at most 3 s), calling `reached()` when it gets there. Two of them make a
   * real interleaving: the second caller has read the case and computed its
   * change, the first writes, then the second's compare-and-set meets the
   * fresh record and retries.
   */
  function gatedCore(core: Core, before: () => Promise<unknown>, reached?: () => void): Core {
    let first = true;
    const redis = new Proxy(core.redis, {
      get(target, prop) {
        // Scripts run with EVALSHA (EVAL only when the server lost them): the first write is held.
        if (prop === 'eval' || prop === 'evalSha') {
          return async (...args: unknown[]) => {
            if (first) {
              first = false;
              reached?.();
              await Promise.race([before().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
            }
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { ...core, cases: createCaseStore({ redis: redis as Redis, keys: core.cases.keys, clock: core.clock, caseNoPrefix: () => 'QX' }) };
  }

  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  /**
   * Two gated cores that interleave: the `first` writes once the `second`
   * has read the case; the `second` writes once `firstDone()` is called.
   */
  function interleaved() {
    const secondReady = deferred();
    const firstDone = deferred();
    return {
      first: gatedCore(api.core, () => secondReady.promise),
      second: gatedCore(api.core, () => firstDone.promise, secondReady.resolve),
      firstDone: firstDone.resolve,
    };
  }

  /** `first` writes while `second` has already read 待接单 and is about to write. */
  async function race(first: 'accept' | 'decline') {
    const c = await assigned();
    const staff = api.core.directory.index().staffById.get(ME)!;
    const gates = interleaved();
    const [accCore, decCore] = first === 'accept' ? [gates.first, gates.second] : [gates.second, gates.first];
    const acc = acceptCase({ core: accCore, staff }, c.caseNo);
    const dec = declineCase({ core: decCore, staff }, c.caseNo, '不在我的片区');
    (first === 'accept' ? acc : dec).then(gates.firstDone, gates.firstDone);
    const [ra, rd] = await Promise.allSettled([acc, dec]);
    return { c, ra, rd };
  }

  it('accept writes first, then a decline that had read 待接单 lands: the decline is refused with 409', async () => {
    const { c, ra, rd } = await race('accept');
    expect(ra.status).toBe('fulfilled');
    expect(rd.status).toBe('rejected');
    const err = (rd as PromiseRejectedResult).reason as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.message).toBe(`案件 ${c.caseNo} 状态已变化，请重新查看。`);
    const after = (await api.core.cases.get(c.id))!;
    expect(after).toMatchObject({ status: 'accepted', assignee: { staffId: ME }, lapsed: [] });
    expect((await api.core.cases.audit(c.id)).some((x) => x.action === 'declined')).toBe(false);
  });

  it('decline writes first, then an accept that had read 待接单 lands: the accept is refused with 409', async () => {
    const { c, ra, rd } = await race('decline');
    expect(rd.status).toBe('fulfilled');
    expect(ra.status).toBe('rejected');
    const err = (ra as PromiseRejectedResult).reason as AppError;
    expect(err.status).toBe(409);
    expect(err.message).toBe(`案件 ${c.caseNo} 已经不是待接单状态。`);
    expect((await api.core.cases.audit(c.id)).some((x) => x.action === 'accepted')).toBe(false);
    const again = await waitFor(api.core, c.id, (x) => x.status === 'assigned', 'reassignment');
    expect(again.assignee!.staffId).not.toBe(ME);
  });

  it('an accept landing while the accept deadline job is releasing the case: the acceptance stands and nothing is re-routed', async () => {
    const c = await assigned();
    const staff = api.core.directory.index().staffById.get(ME)!;
    // The acceptance writes first; the deadline job has read 待接单 and writes after it.
    const gates = interleaved();
    const lapse = slaProcessor(gates.second)({ name: 'accept-deadline', data: { caseId: c.id, seq: 1 }, id: 'race' } as Job);
    const acc = acceptCase({ core: gates.first, staff }, c.caseNo);
    acc.then(gates.firstDone, gates.firstDone);
    const [ra] = await Promise.allSettled([acc, lapse]);
    expect(ra.status).toBe('fulfilled');
    const after = (await api.core.cases.get(c.id))!;
    expect(after).toMatchObject({ status: 'accepted', assignee: { staffId: ME }, assignmentSeq: 1, missed: [], lapsed: [] });
    expect((await api.core.cases.audit(c.id)).some((x) => x.action === 'lapsed')).toBe(false);
    // Not put to route again.
    expect(await api.core.redis.zScore(caseJobKeys(api.core.config.REDIS_PREFIX).toRoute(), c.id)).toBeNull();
  });

  it('two resolve requests at once: one outcome recorded, one satisfaction question scheduled', async () => {
    const c = await accepted();
    const restore = readTogether(api.core, 2);
    let results: Res[];
    try {
      results = await Promise.all([post(c, 'resolve', { recovered: 1000 }), post(c, 'resolve', { recovered: 2000 })]);
    } finally {
      restore();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const after = (await api.core.cases.get(c.id))!;
    expect(after.outcome!.recovered).toBe(winner.body.case.outcome.recovered);
    expect((await api.core.cases.audit(c.id)).filter((x) => x.action === 'resolved')).toHaveLength(1);
    // Capacity given back once, not twice.
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), ME)).toBe('0');
    // One satisfaction question, for the close that won.
    const timers = await api.core.redis.zRange(caseJobKeys(api.core.config.REDIS_PREFIX).timers(), 0, -1);
    expect(timers.filter((m) => m.startsWith(`satisfaction|${c.id}|`))).toEqual([`satisfaction|${c.id}|${after.history.length}|0`]);
  });
});

describe('bad input (400 naming the field, the case unchanged)', () => {
  it.each([
    ['negative', { recovered: -5 }, 'recovered', /recovered 必须大于0/],
    ['zero', { recovered: 0 }, 'recovered', /recovered 必须大于0/],
    ['a word', { recovered: '很多' }, 'recovered', /recovered 必须是数字/],
    ['a numeric string', { recovered: '28500' }, 'recovered', /recovered 必须是数字/],
    ['over 10 million', { recovered: 20_000_000 }, 'recovered', /不能超过1000万/],
    ['missing, with no reason either', {}, 'recovered', /recovered（追回金额）或 reason（未追回原因）之一/],
    ['given together with a reason', { recovered: 100, reason: '部分追回' }, 'recovered', /之一/],
    ['absent, with an empty reason', { reason: '' }, 'reason', /reason 不能为空/],
  ])('resolve with recovered %s → 400', async (_what, json, field, message) => {
    const c = await accepted();
    await unchanged(c, async () => expectInvalid(await post(c, 'resolve', json), field, message));
  });

  it.each([
    ['decline', {}, /reason 必须是字符串/],
    ['decline', { reason: '' }, /请写上退回的原因/],
    ['decline', { reason: '   ' }, /请写上退回的原因/],
    ['decline', { reason: 42 }, /reason 必须是字符串/],
    ['refer', {}, /reason 必须是字符串/],
    ['refer', { reason: '' }, /请写明转检察的理由[\s\S]*农民工/],
    ['refer', { reason: '理'.repeat(501) }, /reason 不能超过500字/],
  ])('%s with body %j → 400 naming reason', async (a, json, message) => {
    const c = a === 'refer' ? await accepted() : await assigned();
    await unchanged(c, async () => expectInvalid(await post(c, a, json), 'reason', message));
  });

  it('a note without text is refused', async () => {
    const c = await assigned();
    await unchanged(c, async () => {
      expectInvalid(await post(c, 'note', {}), 'text', /text 必须是字符串/);
      expectInvalid(await post(c, 'note', { text: '  ' }), 'text', /请写上备注内容/);
    });
  });
});

describe('the reporter is told once per move', () => {
  it('after a raced accept the reporter’s updates carry exactly one 已接单', async () => {
    const c = await assigned();
    await Promise.all([post(c, 'accept'), post(c, 'accept'), post(c, 'accept')]);
    const texts = await eventually(async () => {
      const { items } = await api.core.inbox.read(c.reporter.userKey);
      const all = items.flatMap((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')));
      return all.some((x) => x.includes('已接单')) ? all : null;
    }, 8000, 'reporter update');
    await new Promise((r) => setTimeout(r, 300));
    const { items } = await api.core.inbox.read(c.reporter.userKey);
    const again = items.flatMap((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')));
    expect(again.filter((x) => x.includes('已接单'))).toHaveLength(1);
    expect(texts.length).toBeGreaterThan(0);
  });
});
