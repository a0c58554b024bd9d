import { compactDay } from '../../core/infra/time.js';
import { scenarioClock } from '../support/clock.js';
import { expect } from 'vitest';
import { CARD_TOKEN_TTL_SECONDS, signCardToken, verifyUrl } from '../../core/membership/card.js';
import type { Core } from '../../core/context.js';
import { currentOf, membersOf, type Membership } from '../../core/membership/store.js';
import { renderText, type Reply } from '../../core/infra/replies.js';
import '../../core/commands.js';
import { runStaffText } from '../../core/staff/commands.js';
import type { ChatService } from '../../flows/service.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';
import { pngIsQrOf } from '../support/png.js';

/**
 * The moment of the conversations: Saturday 21 November 2026, 10:00 in
 * China — or 10:00 on the suite's day when it runs on another day
 * (GONGYOU_TEST_NOW).
 */
export const NOW = scenarioClock('2026-11-21', '10:00').now();
/** Application numbers of that day: `RH20261121-`. */
export const RH_OF_DAY = `RH${compactDay(NOW)}-`;

/** Independent implementation of the GB 11643 check character, to build test IDs. */
export function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

export function withWrongCheck(first17: string): string {
  const right = withCheck(first17).charAt(17);
  return first17 + (right === '0' ? '1' : '0');
}

/** Test people: valid IDs (one ends in X) and mobile numbers. */
export const ZHANG = { name: '张三', id: withCheck('45030219900101123'), phone: '13912345678' };
export const LI = { name: '李四', id: withCheck('45030219850612002'), phone: '13698765432' };
export const WANG = { name: '王芳', id: withCheck('11010519491231002'), phone: '15011112222' };
export const X_ID = '11010519491231002X';

/** The n-th extra test person (1–28): distinct valid ID and phone. */
export function person(n: number, name = '刘德明'): Person {
  const dd = String(n).padStart(2, '0');
  return { name, id: withCheck(`44030519880${n < 10 ? '1' : '2'}${dd}456`.slice(0, 17)), phone: `1370000${String(n).padStart(4, '0')}` };
}

export interface Person {
  name: string;
  id: string;
  phone: string;
}

/** From the opening message through both consents and the voluntary-joining declaration to the name question. */
export function consented(chat: ChatService, user: string, opening = '我要入会') {
  return converse(chat, user)
    .send(opening)
    .expect(/加入工会后，您可以/)
    .expect(/您同意吗/)
    .send('1')
    .expect(/身份证号需要您单独同意/)
    .send('1')
    .expect(/入会声明/)
    .send('1')
    .expect(/请输入您的姓名/);
}

/** A courier (new employment form, 顺丰 专送) living in 东龙镇: the federation reviews. Ends on the summary. */
export function courierUpToReview(chat: ChatService, user: string, p: Person = ZHANG, place = '东龙镇') {
  return consented(chat, user)
    .send(p.name)
    .expect(/18位身份证号/)
    .send(p.id)
    .expect(/手机号/)
    .send(p.phone)
    .expect(/怎么工作/)
    .send('2')
    .expect(/哪种工作/)
    .send('快递员')
    .expect(/哪个平台/)
    .send('顺丰')
    .expect(/您在顺丰是专送还是众包/)
    .send('1')
    .expect(/常住地.*户籍地/)
    .send('1')
    .expect(/常住地在哪个区、哪个镇或街道/)
    .send(place)
    .expect(/请核对您的入会申请/);
}

/** An employee of 青溪纺织有限公司 (its own union reviews). Ends on the summary. */
export function employeeUpToReview(chat: ChatService, user: string, p: Person = LI, employer = '青溪纺织') {
  return consented(chat, user)
    .send(p.name)
    .send(p.id)
    .send(p.phone)
    .expect(/怎么工作/)
    .send('1')
    .expect(/哪家单位/)
    .send(employer);
}

/** The submission reply's application number. */
export function appNoOf(text: string): string {
  const m = /RH\d{8}-\d{4}/.exec(text);
  if (!m) throw new Error(`no application number in:\n${text}`);
  return m[0];
}

export async function recordOf(core: Core, userKey: string): Promise<Membership> {
  const m = currentOf(await membersOf(core).listByUser(userKey));
  if (!m) throw new Error(`no membership record for ${userKey}`);
  return m;
}

/** Waits until the application has a reviewer (the membership worker ran). */
export async function reviewed(core: Core, userKey: string, what = 'a reviewer'): Promise<Membership> {
  return eventually(async () => {
    const m = await recordOf(core, userKey).catch(() => null);
    return m?.reviewer || m?.status === 'approved' ? m : null;
  }, 8000, what);
}

/** The texts in an inbox (user key or `staff:<id>`), images as `[图片] alt`. */
export async function inboxTexts(core: Core, target: string): Promise<string[]> {
  const r = await core.inbox.read(target);
  return r.items.flatMap((i) => i.replies.map(renderText));
}

export async function inboxReplies(core: Core, target: string): Promise<Reply[]> {
  const r = await core.inbox.read(target);
  return r.items.flatMap((i) => i.replies);
}

export async function waitInbox(core: Core, target: string, pattern: RegExp, what = `${pattern} in ${target}`): Promise<string> {
  return eventually(async () => (await inboxTexts(core, target)).find((t) => pattern.test(t)), 8000, what);
}

/** A staff command as typed in WeChat (the same function the bot's staff desk runs). */
export function staffSays(core: Core, staffId: string, text: string): Promise<string> {
  const staff = core.directory.index().staffById.get(staffId);
  expect(staff, staffId).toBeTruthy();
  return runStaffText({ core, staff: staff! }, text);
}

/** The PNG of an image reply. */
export function pngOf(reply: Reply | undefined): Buffer {
  if (!reply || reply.type !== 'image') throw new Error(`not an image reply: ${JSON.stringify(reply)?.slice(0, 200)}`);
  const m = /^data:image\/png;base64,(.+)$/.exec(reply.url);
  if (!m) throw new Error('not a PNG data URL');
  return Buffer.from(m[1]!, 'base64');
}

/**
 * The verify link a card PNG holds. Tokens are deterministic for (record,
 * expiry second), so the one issued between `fromMs` and `toMs` is found by
 * comparing the PNG with the QR code of each candidate link.
 */
export function cardLinkIn(core: Core, png: Buffer, memberId: string, fromMs: number, toMs: number): { url: string; token: string } | null {
  for (let s = Math.floor(fromMs / 1000); s <= Math.ceil(toMs / 1000); s++) {
    const token = signCardToken(core.config.TOKEN_SECRET, memberId, CARD_TOKEN_TTL_SECONDS, s * 1000);
    const url = verifyUrl(core, token);
    if (pngIsQrOf(png, url)) return { url, token };
  }
  return null;
}
