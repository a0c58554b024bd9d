import { chinaDay, shortTime } from '../infra/time.js';
import { ValidationError } from '../infra/errors.js';
import { numberedCommand, registerStaffCommands, type StaffCommandContext } from '../staff/index.js';
import type { Case } from './record.js';
import { statusName } from './state.js';
import { MAX_EXTENSION_WORKING_DAYS } from './deadlines.js';
import {
  acceptCase,
  declineCase,
  decideReferral,
  extendCase,
  listCases,
  noteCase,
  parseOutcome,
  recordReferralOutcome,
  referCase,
  replyToReporter,
  resolveCase,
  reviewClose,
  showCase,
} from './work.js';

/** Case work typed in WeChat (`接单 QX…`, `办结 QX… 追回 28500`): the same functions the staff API calls (work.ts). */

function stateLine(c: Case): string {
  return `案件 ${c.caseNo} 现在是「${statusName(c.status)}」。`;
}

const caseCommand = numberedCommand;

/** `5 等住建部门核实` or `5天 原因`. */
function parseExtension(rest: string): { days: number; reason: string } {
  const m = rest.match(/^(\d{1,3})\s*(?:个)?(?:工作日|天)?\s*(.*)$/s);
  if (!m) throw new ValidationError('days', '请写上延期的工作日天数和原因，例如「延期 QX… 5 等住建部门核实工程款」');
  return { days: Number(m[1]), reason: m[2]! };
}

function closedAnswer(ctx: StaffCommandContext, c: Case): string {
  if (c.status === 'closing') {
    const who = ctx.core.directory.index().staffById.get(c.closeRequest?.approverId ?? '')?.staff.name ?? '工会';
    return `这是群体或工程建设案件，办结要经${who}同意，已请对方审批。${stateLine(c)}\n同意后会告诉报告人结果；退回的话案件回到您手上。`;
  }
  const next = c.outcome?.recovered != null ? '已请报告人确认是否收到钱；' : '已把下一步和求助电话告诉报告人；';
  return `已办结。${stateLine(c)}\n${next}下个工作日上午会请报告人评价处理结果。`;
}

registerStaffCommands(
  {
    names: ['我的案件'],
    usage: '我的案件 —— 列出您负责的案件',
    async run(ctx) {
      const list = (await listCases(ctx)).filter((c) => c.status !== 'closed');
      if (list.length === 0) return '您现在没有要办理的案件。';
      const me = ctx.staff.staff.id;
      const mine = (c: Case) => c.status === 'closing' && c.closeRequest?.approverId === me;
      // Closes waiting for this person's approval first.
      const sorted = [...list.filter(mine), ...list.filter((c) => !mine(c))];
      return `您的案件（${list.length}件）：\n${sorted
        .slice(0, 20)
        .map((c) => `· ${c.caseNo} ${statusName(c.status)}${mine(c) ? '【待您审批】' : ''} ${c.wage?.employer ?? '人工求助'}${c.priority !== 'normal' ? '【优先】' : ''}`)
        .join('\n')}\n回复「详情 编号」查看。`;
    },
  },
  caseCommand(['详情'], '详情 QX… —— 查看案件详情', (ctx, no) => showCase(ctx, no)),
  caseCommand(['接单'], '接单 QX… —— 接受分派给您的案件', async (ctx, no) => {
    const c = await acceptCase(ctx, no);
    return `已接单。${stateLine(c)}\n请在${shortTime(c.resolveBy!)}前办结；办结请回复「办结 ${c.caseNo} 追回 金额」，没追回的请写明下一步：「办结 ${c.caseNo} 未追回 原因 下一步 仲裁」（或 起诉、移交 单位 日期跟进）。`;
  }),
  caseCommand(['退回'], '退回 QX… 原因 —— 退回案件，系统改派他人；（镇街、区工会）退回待审批的办结', async (ctx, no, rest) => {
    // A close waiting for this supervisor's approval: 退回 gives it back to its assignee.
    const pending = no ? await ctx.core.cases.getByNo(no) : null;
    if (pending?.status === 'closing' && pending.assignee?.staffId !== ctx.staff.staff.id) {
      const c = await reviewClose(ctx, no, false, rest);
      return `已退回，案件回到原工作人员手上继续办理，已告诉对方原因。${stateLine(c)}`;
    }
    const c = await declineCase(ctx, no, rest);
    return `已退回，系统正在改派。${stateLine(c)}`;
  }),
  {
    ...caseCommand(['同意'], '同意 QX… —— （镇街、区工会）同意群体或工程建设案件办结', async (ctx, no) => {
      const c = await reviewClose(ctx, no, true);
      return `已同意办结，已告诉报告人和办理人。${stateLine(c)}`;
    }),
    roles: ['township_supervisor', 'district_supervisor'],
  },
  caseCommand(['延期'], `延期 QX… 天数 原因 —— 延长办结期限（按工作日，一件最多${MAX_EXTENSION_WORKING_DAYS}天），会告诉报告人和镇街工会`, async (ctx, no, rest) => {
    const { days, reason } = parseExtension(rest);
    const c = await extendCase(ctx, no, days, reason);
    return `已延期${days}个工作日，新的办结期限是${shortTime(c.resolveBy)}。已告诉报告人和镇（街道）工会。${stateLine(c)}`;
  }),
  caseCommand(['备注'], '备注 QX… 内容 —— 记录办理情况', async (ctx, no, rest) => {
    const c = await noteCase(ctx, no, rest);
    return `已记下备注（共${c.notes.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['回复'], '回复 QX… 内容 —— 给报告人发消息（如答复人工求助）', async (ctx, no, rest) => {
    const c = await replyToReporter(ctx, no, rest);
    return `已发给报告人（第${c.replies.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['办结'], '办结 QX… 追回 28500 / 办结 QX… 未追回 原因 下一步 移交 单位 12月5日跟进（或 下一步 仲裁 / 起诉）', async (ctx, no, rest) => {
    const c = await resolveCase(ctx, no, parseOutcome(rest, chinaDay(ctx.core.clock.now())));
    return closedAnswer(ctx, c);
  }),
  caseCommand(['转检察'], '转检察 QX… 理由 —— 转检察联络员审查支持起诉', async (ctx, no, rest) => {
    const c = await referCase(ctx, no, rest);
    return `已转给检察联络员，对方会在${ctx.core.config.REFERRAL_WORKING_DAYS}个工作日内答复。${stateLine(c)}`;
  }),
  {
    ...caseCommand(['受理'], '受理 QX… —— （检察联络员）受理转来的案件', async (ctx, no) => {
      const c = await decideReferral(ctx, no, true);
      return `已受理。${stateLine(c)}\n有结果后请回复「结果 ${c.caseNo} 已出具支持起诉意见书」等。`;
    }),
    roles: ['procuratorate_liaison'],
  },
  {
    ...caseCommand(['不予支持'], '不予支持 QX… 理由 —— （检察联络员）不支持起诉', async (ctx, no, rest) => {
      const c = await decideReferral(ctx, no, false, rest);
      return `已退回工会继续办理。${stateLine(c)}`;
    }),
    roles: ['procuratorate_liaison'],
  },
  {
    ...caseCommand(['结果'], '结果 QX… 内容 —— （检察联络员）记录支持起诉结果，如「已出具支持起诉意见书」「建议缓交诉讼费」「追回 28500」', async (ctx, no, rest) => {
      const c = await recordReferralOutcome(ctx, no, rest);
      return `已记录结果并告知工会。${stateLine(c)}`;
    }),
    roles: ['procuratorate_liaison'],
  },
);
