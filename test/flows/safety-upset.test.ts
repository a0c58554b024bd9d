/*
 * Safety and upset people (held-out set T, forty-ninth session): none of the set's 334 lines of anger, swearing and
 * venting (`累死了`, `气死我了`, `烦死了`, `死老板`, `急死人了`) is read as self-harm or a threat; two phrasings of
 * despair and threat that were missed are read now: `这是要逼我去死吗` (self-harm: the caring reply with 110 and 12356)
 * and `把我逼急了我什么都干得出来` (a threat: calm words first), never `老板什么都干得出来` (said of him) or
 * `我怕他逼急了什么都干得出来` (feared of him). The chat on a fixed clock, Tuesday 1 December 2026, 10:00 Beijing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harmToOthers, selfHarm, someoneElseInDanger, violence } from '../../flows/safety.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');

const SET_T = new URL('../nlu/heldout-t/', import.meta.url);
const setT = readdirSync(SET_T)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(new URL(f, SET_T), 'utf8').split('\n').filter(Boolean))
  .map((l) => (JSON.parse(l) as { text: string }).text);

describe('venting is no alarm', () => {
  it('guard: no line of set T (anger, swearing, despair that is no crisis) is read as self-harm, a threat or danger', () => {
    expect(setT.length).toBeGreaterThan(300);
    const flagged = setT.filter((m) => selfHarm(m) || harmToOthers(m) || someoneElseInDanger(m));
    expect(flagged).toEqual([]);
    for (const m of ['累死了', '气死我了', '烦死了', '急死人了', '死老板', '老板去死吧', '吓死我了', '穷死了']) expect(selfHarm(m) || harmToOthers(m), m).toBe(false);
  });
});

describe('despair and threats said in anger', () => {
  it('`逼我去死` is self-harm; `逼我签字`, `逼我辞职` are not', () => {
    for (const m of ['这是要逼我去死吗', '你们是要逼我去死啊', '逼俺跳楼吗']) expect(selfHarm(m), m).toBe(true);
    for (const m of ['逼我签字', '逼我辞职', '老板逼我写欠条']) expect(selfHarm(m), m).toBe(false);
  });

  it('`把我逼急了我什么都干得出来` is a threat; said of the boss, or feared of him, it is not', () => {
    for (const m of ['把我逼急了我什么都干得出来', '惹急了我什么事都做得出来', '你们再不管 把我逼急了 我可什么都干得出来']) expect(harmToOthers(m), m).toBe(true);
    for (const m of ['老板什么都干得出来', '我怕他逼急了什么都干得出来', '那种人什么事都做得出来']) {
      expect(harmToOthers(m), m).toBe(false);
      expect(violence(m), m).toBe(false);
    }
  });

  it('in the chat: the caring reply with 12356, and calm words first for the threat; nothing started', async () => {
    await converse(t.chat, 'web:upset-1')
      .send('这是要逼我去死吗')
      .expect(/12356/)
      .expectNot(/反映欠薪前/);
    await converse(t.chat, 'web:upset-2')
      .send('把我逼急了我什么都干得出来')
      .expect(/先冷静一下/)
      .expectNot(/反映欠薪前/);
  });
});
