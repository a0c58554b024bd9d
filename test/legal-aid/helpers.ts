import { randomBytes } from 'node:crypto';
import type { Booking, BookingRequest } from '../../core/bookings.js';
import type { Core } from '../../core/context.js';
import { resolveSlot } from '../../core/slots.js';
import type { ChatService } from '../../flows/service.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';

/** Texts in a Redis inbox (a web user key, or `staff:<id>`). */
export async function inboxTexts(core: Core, target: string): Promise<string[]> {
  const { items } = await core.inbox.read(target);
  return items.flatMap((i) => i.replies.flatMap((r) => (r.type === 'text' ? [r.text] : [])));
}

/** Waits until a message matching `pattern` is in the inbox; returns it. */
export function waitInbox(core: Core, target: string, pattern: RegExp, timeoutMs = 8000): Promise<string> {
  return eventually(async () => (await inboxTexts(core, target)).find((t) => pattern.test(t)), timeoutMs, `${target} inbox ${pattern}`);
}

export interface DirectBooking {
  userKey?: string;
  staffId: string;
  pointId: string;
  /** `YYYYMMDDHHMM`, Beijing. */
  at: string;
  help?: BookingRequest['help'];
  mode?: BookingRequest['mode'];
  linkedCaseId?: string | null;
  phone?: string;
  name?: string;
}

/** A booking made straight through the store (what 确认 does), for staff-side tests. */
export async function bookDirect(core: Core, chat: ChatService, b: DirectBooking): Promise<Booking> {
  const r = resolveSlot(core.directory.index().calendar, core.directory.index().directory, `${b.staffId}@${b.at}`, b.pointId);
  if (!r) throw new Error(`no slot ${b.staffId}@${b.at} at ${b.pointId}`);
  const res = await chat.bookings.book(`b${randomBytes(6).toString('hex')}`, b.userKey ?? `web:${randomBytes(4).toString('hex')}`, {
    matter: 'wage',
    help: b.help ?? r.at.provider.help,
    mode: b.mode ?? 'in_person',
    urgent: false,
    employment: { stillEmployed: true, leftOn: null },
    limitEndsOn: null,
    districtId: 'qingxi',
    townshipId: r.at.point.townshipId ?? null,
    slot: r.slot,
    contact: { name: b.name ?? '张三', phone: b.phone ?? '13800138000' },
    linkedCaseId: b.linkedCaseId ?? null,
  });
  if (!res.ok) throw new Error(`booking refused: ${res.reason}`);
  return res.booking;
}

/** The numbered options of the last reply, as rendered. */
export function optionLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\d+\. /.test(l));
}

/**
 * A worker asks for a union lawyer about unpaid wages, still employed, at a
 * service point in 东龙 (东龙镇工会驿站): the conversation up to the list of
 * free times. `then` picks a time, gives 张三 / 13800138000 and reaches the
 * summary.
 */
export function lawyerSlotsAtDonglong(chat: ChatService, user: string) {
  return converse(chat, user).send('我想找律师').send('1').send('1').send('还在').send('1').send('东龙').send('1');
}

/** As {@link lawyerSlotsAtDonglong}, then the `pick`-th time and the contact: at the summary. */
export function lawyerSummaryAtDonglong(chat: ChatService, user: string, pick = '1') {
  return lawyerSlotsAtDonglong(chat, user).send(pick).send('张三').send('13800138000');
}
