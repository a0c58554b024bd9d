import type { Core } from '../context.js';
import { createBindings } from './binding.js';
import { runStaffText, staffHelp } from './commands.js';

/**
 * The staff side of a chat: `绑定 123456` from anyone, then every message
 * from a bound contact goes to the staff commands instead of the worker
 * flows. Returns null for messages that are not the staff desk's.
 */
export function createStaffDesk(core: Core) {
  const bindings = createBindings(core);

  /** `quoted`: the message a WeChat reply quotes (core/infra/text.ts `splitQuote`), which may name the record. */
  async function handle(userKey: string, text: string, quoted: string | null = null): Promise<string | null> {
    const t = text.trim();
    // Only `绑定` with a code (or nothing); "绑定手机号" is a worker's message.
    const bind = t.match(/^绑定\s*([\d\s]*|[0-9a-zA-Z]{1,12})$/);
    if (bind) {
      const r = await bindings.redeem(userKey, bind[1]!);
      if (!r.ok) return r.message;
      const entry = core.directory.index().staffById.get(r.staffId)!;
      return `绑定成功！您好，${entry.staff.name}。今后您在这里发的消息会按工作指令处理。\n${staffHelp({ core, staff: entry })}\n发送「解绑」可解除绑定。`;
    }
    const staffId = await bindings.staffOf(userKey);
    if (!staffId) return null;
    const entry = core.directory.index().staffById.get(staffId);
    if (!entry) {
      await bindings.unbind(staffId);
      return '您已不在工作人员名录中，绑定已解除。';
    }
    if (t === '解绑') {
      await bindings.unbind(staffId);
      return '已解除绑定。之后您在这里发的消息会按普通职工咨询处理。';
    }
    if (t === '帮助' || t === '?' || t === '？' || t === '菜单') return staffHelp({ core, staff: entry });
    return runStaffText({ core, staff: entry }, t, quoted);
  }

  return { handle, bindings };
}

export type StaffDesk = ReturnType<typeof createStaffDesk>;
