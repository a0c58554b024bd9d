/*
 * A request body the route cannot take gets a 400 that names the field in plain words: a field the route does not
 * take (`{"userId":"a","evil":1}`) was 「出现未知的键(key): "evil"」 on `body`; an array for a body
 * was 「无效输入：期望 object，实际接收 数组」. Nothing is signed in by either.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';

describe('bodies a route cannot take', () => {
  const http = useFixture(() => startHttp(), 'all');
  const dev = async (body: string) => {
    const r = await fetch(`${http.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: r.status, body: (await r.json()) as { error?: { field?: string; message?: string }; token?: string } };
  };

  it('when a field the route does not take is sent, then 400 names that field, in plain words', async () => {
    const r = await dev(JSON.stringify({ userId: 'lb1', evil: 1 }));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'evil', message: '不支持字段「evil」，请去掉后再发。' });
    expect(r.body.token).toBeUndefined();
  });

  it('when the body is an array, then 400 on body says it must be a JSON object', async () => {
    const r = await dev('[]');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'body', message: '请求内容要是一个 JSON 对象（{…}）。' });
    // Guard: a bare string or number is refused by the JSON reader itself, on body.
    for (const body of ['"hi"', '5']) {
      const other = await dev(body);
      expect(other.status, body).toBe(400);
      expect(other.body.error?.field).toBe('body');
    }
  });

  // Guard: a field of the wrong type is still named as itself.
  it('when a field has the wrong type, then 400 names it', async () => {
    const r = await dev(JSON.stringify({ userId: 5 }));
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe('userId');
  });
});
