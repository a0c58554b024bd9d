import type { Core } from '../context.js';
import type { StaffRole } from '../directory/index.js';
import { registerStaffCommands, type StaffCommandContext } from './commands.js';
import { staffKeys } from './keys.js';

/** Who is given work by duty: case handlers (core/cases/routing.ts) and membership reviewers (core/membership/review.ts). */
const ON_DUTY_ROLES: StaffRole[] = ['grid_worker', 'township_supervisor', 'district_supervisor', 'union_reviewer'];

/** Who set themselves on (上班) or off (休息) duty in WeChat: overrides the directory's `onDuty`. */
export async function dutyOverrides(core: Core): Promise<Map<string, boolean>> {
  const raw = await core.redis.hGetAll(staffKeys(core.config.REDIS_PREFIX).duty());
  return new Map(Object.entries(raw).map(([id, v]) => [id, v === '1']));
}

export async function setDuty(core: Core, staffId: string, onDuty: boolean): Promise<void> {
  await core.redis.hSet(staffKeys(core.config.REDIS_PREFIX).duty(), staffId, onDuty ? '1' : '0');
}

registerStaffCommands(
  {
    names: ['上班'],
    usage: '上班 —— 开始接收新案件',
    roles: ON_DUTY_ROLES,
    async run(ctx) {
      await setDuty(ctx.core, ctx.staff.staff.id, true);
      return '已设为上班，会接收新案件。';
    },
  },
  {
    names: ['休息'],
    usage: '休息 —— 暂停接收新案件',
    roles: ON_DUTY_ROLES,
    async run(ctx) {
      await setDuty(ctx.core, ctx.staff.staff.id, false);
      return '已设为休息，暂停分派新案件给您；已有案件请继续办理。回复「上班」恢复。';
    },
  },
);

/** Whether the person acting is on duty now (their 上班/休息, else the directory). */
export async function isOnDuty(ctx: StaffCommandContext): Promise<boolean> {
  return (await dutyOverrides(ctx.core)).get(ctx.staff.staff.id) ?? ctx.staff.staff.onDuty;
}
