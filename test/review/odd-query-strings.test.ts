/*
 * Query strings a client can get wrong: a fractional or astronomically large
 * inbox position, an impossible calendar day for the provider's agenda. Each
 * gets a plain answer (the inbox from the start or end; a 400 naming `day`),
 * never a 500.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { startStaffApi } from '../staff/support.js';

const api = useFixture(() => startStaffApi(), 'all');

describe('inbox positions', () => {
  it.each(['1.5', '1e400', '-3', 'abc', '99999999999999999999', '0x10'])('after=%s on the chat and staff inboxes is not a 500', async (after) => {
    await api.core.inbox.push('web:odd-after', [{ type: 'text', text: '你好' }]);
    await api.core.inbox.push('staff:gw-001', [{ type: 'text', text: '【新案件】' }]);
    const user = await api.req('GET', `/api/v1/chat/updates?after=${after}`, { token: api.user('odd-after') });
    const staff = await api.req('GET', `/api/v1/staff/inbox?after=${after}`, { token: await api.staff('gw-001') });
    for (const r of [user, staff]) {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(Number.isInteger(r.body.next)).toBe(true);
      expect(Array.isArray(r.body.items)).toBe(true);
    }
  });

  it('after=1.5 reads from position 1', async () => {
    await api.core.inbox.push('web:odd-after2', [{ type: 'text', text: '一' }]);
    await api.core.inbox.push('web:odd-after2', [{ type: 'text', text: '二' }]);
    const r = await api.req('GET', '/api/v1/chat/updates?after=1.5', { token: api.user('odd-after2') });
    expect(r.body).toMatchObject({ next: 2, items: [{ replies: [{ text: '二' }] }] });
  });
});

describe('the provider agenda day', () => {
  it.each(['2026-13-45', '2026-02-31', '2026-00-10', '2026-11-24x'])('day=%s is a 400 naming day', async (day) => {
    const r = await api.req('GET', `/api/v1/staff/bookings?day=${day}`, { token: await api.staff('lawyer-1') });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid', field: 'day' });
  });

  it('a real day still works', async () => {
    const r = await api.req('GET', '/api/v1/staff/bookings?day=2026-11-24', { token: await api.staff('lawyer-1') });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ bookings: [] });
  });
});
