import type { Core } from '../context.js';
import { seal, unseal } from '../infra/privacy.js';
import { createBindings } from './binding.js';
import { runStaffText, staffHelp } from './commands.js';
import { staffKeys } from './keys.js';

/** How long a command spelled out in a hint waits for its `好`. */
const OFFER_SECONDS = 5 * 60;
/** How long the cases 我的案件 listed are what `第一个` means. */
const LISTED_SECONDS = 30 * 60;
/** A yes to the command just offered (`好`, `可以`, `记下吧`); 收到 is not one (it acknowledges anything). */
const YES = /^(?:好|好的|好吧|是|是的|对|对的|可以|行|嗯|嗯嗯|ok|okay|确认|记下|记下吧|记上|记吧|接|接吧|接单吧)[。！!.~～]*$/iu;

/**
 * The staff side of a chat: `绑定 123456` from anyone, then every message
 * from a bound contact goes to the staff commands instead of the worker
 * flows. Returns null for messages that are not the staff desk's.
 */
export function createStaffDesk(core: Core) {
  const bindings = createBindings(core);
  const k = staffKeys(core.config.REDIS_PREFIX);

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
    // The command the last answer spelled out and offered (a hint's `备注 QX… 老板说月底给钱`): run on a yes that
    // comes next and quotes nothing else; any other message drops it. Sealed: a note's words may hold a number.
    const sealed = await core.redis.getDel(k.offer(userKey));
    const offered = sealed ? unseal(core.config.DATA_KEY, sealed) : null;
    let offer: string | null = null;
    let shown: string[] | null = null;
    const listed = await core.redis.get(k.listed(userKey));
    const offering = {
      core,
      staff: entry,
      offer: (command: string) => (offer = command),
      listed: listed ? (JSON.parse(listed) as string[]) : null,
      showList: (caseNos: string[]) => (shown = caseNos),
    };
    // What the offered command answers may offer the next one (a note on a case not yet taken: its 接单).
    const answer =
      offered && YES.test(t) && (quoted === null || quoted.includes(offered.split(' ')[1] ?? '\u0000'))
        ? await runStaffText(offering, offered)
        : t === '帮助' || t === '?' || t === '？' || t === '菜单'
          ? staffHelp({ core, staff: entry })
          : await runStaffText(offering, t, quoted);
    if (offer !== null) await core.redis.set(k.offer(userKey), seal(core.config.DATA_KEY, offer), { EX: OFFER_SECONDS });
    if (shown !== null) await core.redis.set(k.listed(userKey), JSON.stringify(shown), { EX: LISTED_SECONDS });
    return answer;
  }

  return { handle, bindings };
}

export type StaffDesk = ReturnType<typeof createStaffDesk>;
