/*
 * The staff side in WeChat as the probe-4 and probe-5 transcript tests set
 * it up: the whole product on mock WeChat (test/support/wechat-app.ts) on a
 * manual clock reset to `start` for each test, with gw-001 the least loaded
 * grid worker of 东龙镇第一网格 so that routing picks them, and the short
 * ways those tests talk.
 */
import { beforeEach, expect } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { manualClock } from '../../core/infra/clock.js';
import { useFixture } from '../support/fixture.js';
import { startWechatApp } from '../support/wechat-app.js';

/** Demo-directory staff by their WeChat names. */
export const GW1 = '林志强（东龙一网格）';
export const GW2 = '黄丽娟（东龙一网格）';
export const SUP = '陈秀兰（东龙镇总工会）';
export const DSUP = '方淑珍（青溪区总工会）';
export const OTHER_SUP = '吴晓燕（另一镇总工会）';
export const LIAISON = '姚春兰（青溪区检察院）';

/** `othersLoad`: the open cases gw-002 and gw-003 are given before each test (gw-001 has none when a case is routed). */
export function staffInWechat(start: Date, othersLoad = 9) {
  const clock = manualClock(start);
  const app = useFixture(() => {
    clock.set(start);
    return startWechatApp({ clock });
  });
  beforeEach(async () => {
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-002': othersLoad, 'gw-003': othersLoad });
  });
  return {
    clock,
    app,
    /** `name` says `text`; the bot's first answer matching `expected`. */
    say: (name: string, text: string, expected: RegExp) => app.say(name, text, expected),
    /** The bot's answer to `text` (notices, which start with 【, are skipped). */
    ask: (name: string, text: string) => app.say(name, text, /^(?!【)/),
    bind: (name: string, staffId: string) => app.bindStaff(name, staffId),
    /** The case as stored now. */
    get: async (c: Pick<Case, 'id'>) => (await app.t.core.cases.get(c.id))!,
    /** Every text `name` received, in order. */
    texts: (name: string) => app.w.inbox(name).map((m) => (m.type === 'text' ? m.text : '')),
    /** A wage case created and routed (to gw-001 unless a test changed the loads). */
    routedCase: (opts: Parameters<typeof app.routedCase>[0] = {}) => app.routedCase(opts),
    routedToGw1,
    /** A case routed to gw-001 and accepted by them (GW1 bound as gw-001). */
    async acceptedByGw1(): Promise<Case> {
      const c = await routedToGw1();
      await app.say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
      return (await app.t.core.cases.get(c.id))!;
    },
    /**
     * `count` group cases (12 people) taken by gw-001 and closed without money, each waiting for
     * sup-t01's approval (GW1 and SUP bound here).
     */
    async closesAwaitingSup(count: number): Promise<Case[]> {
      await app.bindStaff(GW1, 'gw-001');
      await app.bindStaff(SUP, 'sup-t01');
      const cs: Case[] = [];
      for (let i = 0; i < count; i++) {
        await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
        const c = await app.routedCase({ headcount: 12, amount: 200000 });
        await app.say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
        await app.say(GW1, `办结 ${c.caseNo} 未追回 老板跑了 下一步 仲裁`, /已请对方审批/);
        cs.push(c);
      }
      return cs;
    },
  };

  /** A wage case routed to gw-001 with nothing open (the others keep `othersLoad`). */
  async function routedToGw1(): Promise<Case> {
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const routed = await app.routedCase();
    expect(routed.assignee!.staffId).toBe('gw-001');
    return routed;
  }
}
