import { randomBytes } from 'node:crypto';
import type { Case, NewCase } from '../../core/cases/store.js';
import type { Core } from '../../core/context.js';
import { lookupHash, seal } from '../../core/infra/privacy.js';

export interface WageCaseInput {
  townshipId?: string;
  gridId?: string | null;
  /** A number of people, or the headcount as a worker said it (`{ count: 5, approximate: true, upTo: 6 }`). */
  headcount?: number | NonNullable<NewCase['wage']>['headcount'];
  nearLimit?: boolean;
  phone?: string;
  userKey?: string;
  employer?: string;
  amount?: number;
  /** The months unpaid (September to now by default). */
  period?: NonNullable<NewCase['wage']>['period'];
  createdAt?: Date;
}

/** Creates a wage case record directly (no conversation), ready to route. */
export async function createWageCase(core: Core, input: WageCaseInput = {}): Promise<Case> {
  const phone = input.phone ?? '13800138000';
  const now = input.createdAt ?? core.clock.now();
  const c: NewCase = {
    id: `w${randomBytes(6).toString('hex')}`,
    kind: 'wage_arrears',
    priority: 'normal',
    createdAt: now.toISOString(),
    reporter: {
      userKey: input.userKey ?? `web:${randomBytes(4).toString('hex')}`,
      name: '张三',
      phoneSealed: seal(core.config.DATA_KEY, phone),
      phoneHash: lookupHash(core.config.HASH_KEY, 'phone', phone),
    },
    location: {
      districtId: 'qingxi',
      townshipId: input.townshipId ?? 't01',
      gridId: input.gridId === undefined ? 't01-g1' : input.gridId,
      community: null,
    },
    wage: {
      employer: input.employer ?? '青溪宏达建筑工程有限公司',
      construction: false,
      project: null,
      period: input.period ?? { start: '2026-09', end: null, months: 3 },
      amount: input.amount ?? 28500,
      amountApprox: false,
      amountUpTo: null,
      groupAmount: null,
      headcount: typeof input.headcount === 'object' ? input.headcount : { count: input.headcount ?? 1, approximate: false },
      stillEmployed: true,
      leftSince: null,
      nearArbitrationLimit: input.nearLimit ?? false,
    },
    enquiry: null,
    evidence: [],
  };
  return (await core.cases.create(c, 'test', '已受理')).record;
}
