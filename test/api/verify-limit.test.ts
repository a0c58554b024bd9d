import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';

const http = useFixture(() => startHttp(), 'all');

describe('the public card check', () => {
  it('answers invalid tokens, and past 60 checks a minute from one address answers 429', async () => {
    // The limit counts per clock minute: do not start in the last seconds of one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await fetch(`${http.base}/api/v1/cards/verify?token=guess${i}`, { headers: { accept: 'application/json' } });
      statuses.push(res.status);
      if (res.status === 429) {
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error).toMatchObject({ code: 'rate_limited' });
        expect(body.error.message).toMatch(/太频繁/);
      } else {
        expect(await res.json()).toMatchObject({ valid: false });
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(60);
  });
});
