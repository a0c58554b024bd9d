import type { ClientConfigBody, ReplyBody } from './api';

/**
 * Moments to ask for subscribe messages, read from the bot's own words when
 * something is submitted (flows/service.ts, core/legal-aid/texts.ts,
 * flows/membership-chat.ts):
 *
 * - afterReport: `提交成功！您的案件编号是 QX…` (a wage report) and
 *   `已为您转人工，求助编号 QX…` (a request for a person);
 * - afterBooking: `预约成功！您的预约号是 YY…` and `改约成功！预约号仍是 YY…`;
 * - afterMembership: `入会申请已提交，申请编号 RH…`.
 */
export type Moment = keyof ClientConfigBody['subscribe'];

const PATTERNS: [Moment, RegExp][] = [
  ['afterReport', /(?:案件编号是|求助编号)\s*[A-Z]{2}\d{8}-\d{4}/],
  ['afterBooking', /(?:预约成功！|改约成功！)[^\n]*YY\d{8}-\d{4}/],
  ['afterMembership', /入会申请已提交，申请编号\s*RH\d{8}-\d{4}/],
];

/** The moment a reply marks, if any. */
export function momentOf(replies: readonly ReplyBody[]): Moment | null {
  for (const r of replies) {
    if (r.type !== 'text') continue;
    for (const [moment, re] of PATTERNS) if (re.test(r.text)) return moment;
  }
  return null;
}

/** What the prompt chip says about each moment. */
export const MOMENT_TEXT: Record<Moment, string> = {
  afterReport: '接收案件进度提醒',
  afterBooking: '接收预约提醒',
  afterMembership: '接收入会审核结果提醒',
};
