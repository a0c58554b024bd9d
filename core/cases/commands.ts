import { shortTime } from '../infra/time.js';
import { numberedCommand, registerStaffCommands } from '../staff/index.js';
import type { Case } from './record.js';
import { statusName } from './state.js';
import { acceptCase, declineCase, decideReferral, listCases, noteCase, parseOutcome, recordReferralOutcome, referCase, replyToReporter, resolveCase, showCase } from './work.js';

/** Case work typed in WeChat (`接单 QX…`, `办结 QX… 追回 28500`): the same functions the staff API calls (work.ts). */

function stateLine(c: Case): string {
  return `案件 ${c.caseNo} 现在是「${statusName(c.status)}」。`;
}

const caseCommand = numberedCommand;

registerStaffCommands(
  {
    names: ['我的案件'],
    usage: '我的案件 —— 列出您负责的案件',
    async run(ctx) {
      const list = (await listCases(ctx)).filter((c) => c.status !== 'closed');
      if (list.length === 0) return '您现在没有要办理的案件。';
      return `您的案件（${list.length}件）：\n${list
        .slice(0, 20)
        .map((c) => `· ${c.caseNo} ${statusName(c.status)} ${c.wage?.employer ?? '人工求助'}${c.priority !== 'normal' ? '【优先】' : ''}`)
        .join('\n')}\n回复「详情 编号」查看。`;
    },
  },
  caseCommand(['详情'], '详情 QX… —— 查看案件详情', (ctx, no) => showCase(ctx, no)),
  caseCommand(['接单'], '接单 QX… —— 接受分派给您的案件', async (ctx, no) => {
    const c = await acceptCase(ctx, no);
    return `已接单。${stateLine(c)}\n请在${shortTime(c.resolveBy!)}前办结；办结请回复「办结 ${c.caseNo} 追回 金额」或「办结 ${c.caseNo} 未追回 原因」。`;
  }),
  caseCommand(['退回'], '退回 QX… 原因 —— 退回案件，系统改派他人', async (ctx, no, rest) => {
    const c = await declineCase(ctx, no, rest);
    return `已退回，系统正在改派。${stateLine(c)}`;
  }),
  caseCommand(['备注'], '备注 QX… 内容 —— 记录办理情况', async (ctx, no, rest) => {
    const c = await noteCase(ctx, no, rest);
    return `已记下备注（共${c.notes.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['回复'], '回复 QX… 内容 —— 给报告人发消息（如答复人工求助）', async (ctx, no, rest) => {
    const c = await replyToReporter(ctx, no, rest);
    return `已发给报告人（第${c.replies.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['办结'], '办结 QX… 追回 28500 / 办结 QX… 未追回 原因', async (ctx, no, rest) => {
    const c = await resolveCase(ctx, no, parseOutcome(rest));
    return `已办结。${stateLine(c)}\n下个工作日上午会请报告人评价处理结果。`;
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
