/*
 * Downloading legal documents over HTTP: the worker with their own token,
 * staff by the rules of evidence files, and the chat's short-lived signed
 * links (expiry on the injected clock; anything altered is refused).
 */
import { describe, expect, it } from 'vitest';
import { DocumentsSchema } from '../../api/contract.js';
import { routeCase } from '../../core/cases/index.js';
import { LINK_TTL_SECONDS, signDocumentLink } from '../../core/documents/index.js';
import { signToken } from '../../core/infra/tokens.js';
import { scenarioClock } from '../support/clock.js';
import { TEST_ENV } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';
import { docxText, linkTokens, reportWage } from './support.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const clock = scenarioClock('2026-11-21', '10:00');
const http = useFixture(() => startHttp({ clock, env: { READ_RATE_PER_MINUTE: '1000' } }), 'all');

const bearer = (sub: string, role: 'user' | 'staff') => ({ authorization: `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub, role }, 3600, clock.now().getTime())}` });
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${http.base}${path}`, { headers });

/** A case reported in the chat by `user` and routed to a grid worker: its number and the assignee. */
async function routedCase(user: string): Promise<{ caseNo: string; assignee: string }> {
  const caseNo = await reportWage(http.t.chat, user, clock);
  const c = await http.t.core.cases.getByNo(caseNo);
  const d = await routeCase(http.t.core, c!.id);
  return { caseNo, assignee: d!.staffId };
}

describe('the worker downloads their documents', () => {
  it('lists them and answers each .docx with the Chinese file name; another person gets 404, no token 401', async () => {
    const { caseNo } = await routedCase('web:api1');
    const me = bearer('web:api1', 'user');
    const list = await get(`/api/v1/me/cases/${caseNo}/documents`, me);
    expect(list.status).toBe(200);
    const { documents } = DocumentsSchema.parse(await list.json());
    expect(documents.map((d) => [d.kind, d.title, d.url])).toEqual([
      ['arbitration', '劳动仲裁申请书', `/api/v1/me/cases/${caseNo}/documents/arbitration`],
      ['complaint', '民事起诉状（追索劳动报酬）', `/api/v1/me/cases/${caseNo}/documents/complaint`],
      ['evidence', '证据清单', `/api/v1/me/cases/${caseNo}/documents/evidence`],
    ]);

    const res = await get(documents[0]!.url, me);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="arbitration-${caseNo}.docx"; filename*=UTF-8''${encodeURIComponent(`劳动仲裁申请书-${caseNo}.docx`)}`,
    );
    const text = docxText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('申请人：张三');
    // Their own document carries their own number.
    expect(text).toContain('联系电话：13800138000');
    expect(text).toContain('青溪区劳动人事争议仲裁委员会');

    const other = bearer('web:api-someone-else', 'user');
    expect((await get(`/api/v1/me/cases/${caseNo}/documents`, other)).status).toBe(404);
    expect((await get(documents[0]!.url, other)).status).toBe(404);
    expect((await get(documents[0]!.url)).status).toBe(401);
    expect((await get(`/api/v1/me/cases/${caseNo}/documents/support`, me)).status).toBe(404);
    expect((await get(`/api/v1/me/cases/${caseNo}/documents/..%2F..%2Fetc`, me)).status).toBe(404);
  });
});

describe('staff download documents by the rules of evidence files', () => {
  it('the assignee (with the phone) and the township supervisor (without) may; another grid worker is refused', async () => {
    const { caseNo, assignee } = await routedCase('web:api2');
    const url = `/api/v1/staff/cases/${caseNo}/documents/complaint`;
    const list = await get(`/api/v1/staff/cases/${caseNo}/documents`, bearer(assignee, 'staff'));
    expect(list.status).toBe(200);
    expect(DocumentsSchema.parse(await list.json()).documents.map((d) => d.url)).toContain(url);

    const mine = await get(url, bearer(assignee, 'staff'));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe(DOCX);
    expect(mine.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`民事起诉状（追索劳动报酬）-${caseNo}.docx`)}`);
    expect(docxText(Buffer.from(await mine.arrayBuffer()))).toContain('联系电话：13800138000');

    const other = ['gw-001', 'gw-002', 'gw-003'].find((x) => x !== assignee)!;
    expect((await get(url, bearer(other, 'staff'))).status).toBe(403);
    expect((await get(`/api/v1/staff/cases/${caseNo}/documents`, bearer(other, 'staff'))).status).toBe(403);
    expect((await get(url)).status).toBe(401);
    expect((await get(`/api/v1/staff/cases/QX20000101-9999/documents/complaint`, bearer(assignee, 'staff'))).status).toBe(404);

    const sup = await get(url, bearer('sup-t01', 'staff'));
    expect(sup.status).toBe(200);
    const text = docxText(Buffer.from(await sup.arrayBuffer()));
    expect(text).toContain('原告：张三');
    expect(text).not.toContain('13800138000');
  });
});

describe('the chat\'s signed links', () => {
  it('open the document for 10 minutes on the app\'s clock; expired, tampered or foreign tokens are refused', async () => {
    await reportWage(http.t.chat, 'web:api3', clock);
    const replies = await http.t.chat.handle('web:api3', { kind: 'text', text: '文书' });
    const tokens = linkTokens(replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n'));
    expect(tokens).toHaveLength(3);
    const [token] = tokens as [string];

    const ok = await get(`/api/v1/documents/${token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe(DOCX);
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="arbitration-QX\d{8}-\d{4}\.docx"; filename\*=UTF-8''/);
    expect(docxText(Buffer.from(await ok.arrayBuffer()))).toContain('申请人：张三');

    // Altered anywhere: the claims, the signature, a stray suffix, or signed with another key.
    const [body, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, k: 'support' })).toString('base64url');
    const otherKey = signDocumentLink('another-secret-0123456789abcdef', { type: 'case', id: claims.i, kind: 'arbitration' }, clock.now().getTime());
    for (const bad of [`${forged}.${mac}`, `${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `${token}x`, `${token}.x`, otherKey, 'nonsense']) {
      const r = await get(`/api/v1/documents/${bad}`);
      expect(r.status, bad).toBe(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('link_invalid');
    }

    const start = clock.now();
    try {
      clock.advance(LINK_TTL_SECONDS * 1000 - 1000);
      expect((await get(`/api/v1/documents/${token}`)).status).toBe(200);
      clock.advance(2000);
      const late = await get(`/api/v1/documents/${token}`);
      expect(late.status).toBe(410);
      expect(((await late.json()) as { error: { message: string } }).error.message).toContain('回复「文书」');
      // A phone's browser gets a page saying what to do.
      const page = await get(`/api/v1/documents/${token}`, { accept: 'text/html' });
      expect(page.status).toBe(410);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('过期');
    } finally {
      clock.set(start);
    }
  });

  it('a link to a document that no longer applies answers 404', async () => {
    const caseNo = await reportWage(http.t.chat, 'web:api4', clock);
    const c = await http.t.core.cases.getByNo(caseNo);
    const token = signDocumentLink(TEST_ENV.TOKEN_SECRET, { type: 'case', id: c!.id, kind: 'enforcement' }, clock.now().getTime());
    expect((await get(`/api/v1/documents/${token}`)).status).toBe(404);
    const gone = signDocumentLink(TEST_ENV.TOKEN_SECRET, { type: 'booking', id: 'no-such-booking', kind: 'enforcement' }, clock.now().getTime());
    expect((await get(`/api/v1/documents/${gone}`)).status).toBe(404);
  });
});
