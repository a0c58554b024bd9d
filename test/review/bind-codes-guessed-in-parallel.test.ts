/*
 * A WeChat contact fires many 绑定 guesses at once (the bot handles messages
 * concurrently). The limit of 5 wrong codes per 15 minutes must hold for
 * parallel guesses too, or the six-digit code can be brute-forced.
 */
import { expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { createBindings } from '../../core/staff/binding.js';
import { startTestCore } from '../support/core.js';

const t = useFixture(() => startTestCore(), 'all');

it('fifty wrong codes sent at once: at most five are actually tried', async () => {
  const bindings = createBindings(t.core);
  const code = await bindings.issueCode('gw-001');
  const wrong = Array.from({ length: 50 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
  const answers = await Promise.all(wrong.map((c) => bindings.redeem('wx:attacker', c)));
  const tried = answers.filter((a) => !a.ok && a.message.startsWith('绑定码不对'));
  expect(tried.length).toBeLessThanOrEqual(5);
  expect(answers.every((a) => !a.ok)).toBe(true);
  // Locked out now, even with the right code; another contact is not affected.
  expect(await bindings.redeem('wx:attacker', code)).toMatchObject({ ok: false, message: expect.stringMatching(/错误次数太多/) });
  expect(await bindings.redeem('wx:real-staff', code)).toEqual({ ok: true, staffId: 'gw-001' });
});

it('a malformed code does not count against the contact, and a right code still binds after a few wrong ones', async () => {
  const bindings = createBindings(t.core);
  const code = await bindings.issueCode('gw-002');
  for (let i = 0; i < 6; i++) expect((await bindings.redeem('wx:typo', 'abc')).ok).toBe(false);
  for (let i = 0; i < 4; i++) expect((await bindings.redeem('wx:typo', code === '000000' ? '000001' : '000000')).ok).toBe(false);
  expect(await bindings.redeem('wx:typo', code)).toEqual({ ok: true, staffId: 'gw-002' });
});
