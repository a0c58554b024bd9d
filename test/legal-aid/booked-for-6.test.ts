/*
 * A booking made for someone else (`我想帮我爸约个律师`) keeps whom it is for, so the lawyer knows who
 * is coming: the relation only (父亲, 爱人, 他人), never a name. The review says it, the provider's
 * notice, agenda and booking view show it, and a reschedule keeps it; a booking for oneself has none.
 * Transcripts on the real chat service, real Redis and the queue workers (the provider's notice lands
 * in the staff inbox), on the booking-flow scenario day.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { createBookings } from '../../core/legal-aid/store.js';
import type { ManualClock } from '../../core/infra/clock.js';
import { agendaText, providerBookingText } from '../../core/legal-aid/texts.js';
import { bookingView, staffBookingView } from '../../api/views.js';
import { BookingViewSchema } from '../../api/contract.js';
import { chinaDay } from '../../core/legal-aid/slots.js';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { donglongOpen, waitInbox } from './helpers.js';

let clock: ManualClock;
const t = useFixture(async () => {
  clock = scenarioClock('2026-11-21', '10:00', (d) => !donglongOpen(d));
  return startTestCore({ workers: true, clock });
});
const store = () => createBookings(t.core);

/** From `opener` to the review: consent, 欠薪, still employed, in person, 东龙, the station, its first time, the contact. */
const toReview = (user: string, opener: string) =>
  converse(t.chat, user).send(opener).send('1').send('1').send('还在').send('1').send('东龙').send('1').sendAll('1', '张三', '13800138000');

describe('a booking for someone else keeps whom it is for', () => {
  it('「我想帮我爸约个律师」: the review says it, the booking keeps 父亲, the lawyer is told who comes', async () => {
    await toReview('web:f1', '我想帮我爸约个律师').expect(/^请核对为您父亲约的咨询：/).expect(/1\. 咨询的事：欠薪/).send('确认').expect(/预约成功/);
    const [b] = await store().listByUser('web:f1');
    expect(b).toMatchObject({ forWhom: '父亲', contact: { name: '张三' } });
    // Never a name: the record holds the relation only.
    const notice = await waitInbox(t.core, 'staff:lawyer-2', new RegExp(`^【新预约】[\\s\\S]*${b!.bookingNo}`));
    expect(notice).toContain('咨询人：预约人的父亲，本人到场；联系人和电话是预约人的');
    expect(notice).toContain('联系人：张三');
    const index = t.core.directory.index();
    expect(providerBookingText(index, b!, '13800138000', null)).toContain('咨询人：预约人的父亲');
    expect(agendaText(index, chinaDay(new Date(b!.slot.start)), [b!], () => '13800138000')).toContain('欠薪（为父亲预约）');
    // The worker's view and the provider's both carry it, in the shape the API promises.
    const mine = BookingViewSchema.parse(bookingView(t.core, store(), b!));
    expect(mine.forWhom).toBe('父亲');
    expect((await staffBookingView(t.core, store(), b!)).forWhom).toBe('父亲');

    // A reschedule keeps it.
    await converse(t.chat, 'web:f1').send(`改约 ${b!.bookingNo}`).expect(/改时间/).send('1').expect(/原预约 .* 在您确认之前保持不变/).send('确认').expect(/改约成功/);
    expect((await store().get(b!.id))).toMatchObject({ rev: 2, forWhom: '父亲' });
  });

  it('「帮他约个律师」: 他人, said as such; 「给我老婆预约法律咨询」: 爱人', async () => {
    await toReview('web:f2', '帮他约个律师').expect(/^请核对为他人约的咨询：/).send('确认').expect(/预约成功/);
    const [b] = await store().listByUser('web:f2');
    expect(b!.forWhom).toBe('他人');
    expect(providerBookingText(t.core.directory.index(), b!, null, null)).toContain('咨询人：预约人的亲友（他人），本人到场');
    await converse(t.chat, 'web:f3').send('给我老婆预约法律咨询').expect(/这次是帮您爱人预约/).send('1').expect(/咨询什么事/);
    expect((await t.chat.sessions.load('web:f3', clock.now())).answers).toMatchObject({ forWhom: '爱人', consent: true });
  });

  it('their own booking has none, and the lawyer reads no 咨询人 line', async () => {
    await toReview('web:f4', '我爸让我来约律师').expect(/^请核对您的预约：/).send('确认').expect(/预约成功/);
    const [b] = await store().listByUser('web:f4');
    expect(b!.forWhom).toBeNull();
    const notice = await waitInbox(t.core, 'staff:lawyer-2', new RegExp(`^【新预约】[\\s\\S]*${b!.bookingNo}`));
    expect(notice).not.toContain('咨询人');
    expect(BookingViewSchema.parse(bookingView(t.core, store(), b!)).forWhom).toBeNull();
  });

  it('refusing consent keeps nothing, whom-for included', async () => {
    await converse(t.chat, 'web:f5').send('我想帮我妈约个律师').expect(/这次是帮您母亲预约/).send('2').expect(/不会记录任何信息/);
    const s = await t.chat.sessions.load('web:f5', clock.now());
    expect(s.flowId).toBeNull();
    expect(JSON.stringify(s)).not.toContain('母亲');
  });
});
