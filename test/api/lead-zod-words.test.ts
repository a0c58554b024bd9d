/*
 * Reasons a request body is refused, in words that fit: a console sign-in code or link that was too long was
 * told 「code 必须是字符串」 (zod 4 gives a type's own message to every check without one). And a reason no schema
 * words itself comes from core/infra/zod-zh.ts, as the admin's document problems do: zod's own zh-CN said
 * 「数值过小：期望 number >=0」, English type names and all.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';

describe('reasons a schema does not word itself', () => {
  const http = useFixture(() => startHttp(), 'all');
  const signIn = async (body: unknown) => {
    const r = await fetch(`${http.base}/api/v1/console/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as { error?: { field?: string; message?: string } } };
  };

  it('when a console sign-in code is too long, then 400 on code says what a code is', async () => {
    const r = await signIn({ code: '1'.repeat(50) });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'code', message: '登录码是6位数字，请在微信里发送「控制台」获取。' });
  });

  it('when a link is far too long, then 400 on link says it is not right', async () => {
    const r = await signIn({ link: 'x'.repeat(300) });
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe('link');
    expect(r.body.error?.message).toBe('登录链接不对：请从短信或微信里的链接重新打开');
  });

  // guard: a schema's own message still wins.
  it('when a code is not a string, then its own words', async () => {
    const r = await signIn({ code: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'code', message: 'code 必须是字符串' });
  });

  it('when a subscription result is not text, then 400 names it in Chinese, without English type names', async () => {
    const login = await fetch(`${http.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'lzw1' }) });
    const { token } = (await login.json()) as { token: string };
    const r = await fetch(`${http.base}/api/v1/me/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ results: { tmplA: 5 } }),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error?: { field?: string; message?: string } };
    expect(body.error).toMatchObject({ field: 'results.tmplA', message: '这里应填文字，现在是整数' });
  });
});
