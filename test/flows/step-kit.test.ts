import { describe, expect, it } from 'vitest';
import { indexDirectory, loadDemoDirectory } from '../../core/directory/load.js';
import { parseAmount } from '../../flows/parsers/index.js';
import {
  CONSENT_OPTIONS,
  CONSENT_RETRY,
  consentStep,
  fromParsed,
  parseTownship,
  textOf,
  textStep,
  townshipName,
  townshipStep,
  yesNoStep,
} from '../../flows/step-kit.js';
import type { FlowContext, Incoming } from '../../flows/types.js';

const directory = loadDemoDirectory();
const ctx: FlowContext = { directory, index: indexDirectory(directory), now: new Date('2026-11-21T10:00:00+08:00') };
const say = (text: string): Incoming => ({ kind: 'text', text });
const file: Incoming = { kind: 'file', file: { id: 'f1', name: 'a.jpg', mediaType: 'image/jpeg', size: 1 } };

describe('textOf and fromParsed', () => {
  it('reads typed text; a file has none', () => {
    expect(textOf(say('你好'))).toBe('你好');
    expect(textOf(file)).toBeNull();
  });

  it('keeps only the value or the re-prompt of a parser result', () => {
    expect(fromParsed(parseAmount('两万八千五'))).toEqual({ ok: true, value: 28500 });
    const bad = fromParsed(parseAmount('很多'));
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad).sort()).toEqual(['error', 'ok']);
  });
});

describe('textStep', () => {
  const step = textStep({
    id: 'x',
    label: '某项',
    ask: '问？',
    notText: '请用文字。',
    parse: (t) => ({ ok: true, value: t.toUpperCase() }),
    optional: true,
    help: '帮助',
  });

  it('asks a fixed text, passes the other fields through and parses the typed text', () => {
    expect(step.ask({}, ctx)).toBe('问？');
    expect(step).toMatchObject({ id: 'x', label: '某项', optional: true, help: '帮助' });
    expect(step.parse(say('ab'), {}, ctx)).toEqual({ ok: true, value: 'AB' });
  });

  it('says `notText` for a file, or parses it as empty text without one', () => {
    expect(step.parse(file, {}, ctx)).toEqual({ ok: false, error: '请用文字。' });
    const lenient = textStep({ id: 'y', ask: (a) => `有${Object.keys(a).length}项`, parse: (t) => ({ ok: true, value: `[${t}]` }), help: '' });
    expect(lenient.parse(file, {}, ctx)).toEqual({ ok: true, value: '[]' });
    expect(lenient.ask({ a: 1 }, ctx)).toBe('有1项');
  });
});

describe('yesNoStep', () => {
  const step = yesNoStep({ id: 'q', ask: '是吗？', retry: '请回复1（是）或2（不是）。', help: '' });
  it('answers true or false, and says `retry` otherwise', () => {
    expect(step.parse(say('是'), {}, ctx)).toEqual({ ok: true, value: true });
    expect(step.parse(say('不是'), {}, ctx)).toEqual({ ok: true, value: false });
    expect(step.parse(say('也许'), {}, ctx)).toEqual({ ok: false, error: '请回复1（是）或2（不是）。' });
    expect(step.parse(file, {}, ctx)).toEqual({ ok: false, error: '请回复1（是）或2（不是）。' });
  });
});

describe('consentStep', () => {
  const step = consentStep({ ask: '您同意吗？', help: '帮助', refusedExit: '好的，再见。' });
  it('offers 同意/不同意; agreeing goes on, refusing leaves', () => {
    expect(step.id).toBe('consent');
    expect(step.label).toBeUndefined();
    expect(step.options?.({}, ctx)).toEqual(CONSENT_OPTIONS);
    expect(step.parse(say('yes'), {}, ctx)).toEqual({ ok: true, value: true });
    expect(step.parse(say('不同意'), {}, ctx)).toEqual({ ok: true, value: false, exit: '好的，再见。' });
  });
  it('says the retry for anything else (its own, when given)', () => {
    expect(step.parse(say('嗯嗯嗯'), {}, ctx)).toEqual({ ok: false, error: CONSENT_RETRY });
    expect(step.parse(file, {}, ctx)).toEqual({ ok: false, error: CONSENT_RETRY });
    const own = consentStep({ id: 'idConsent', ask: '', help: '', refusedExit: '', retry: '另说。' });
    expect(own.id).toBe('idConsent');
    expect(own.parse(say('?'), {}, ctx)).toEqual({ ok: false, error: '另说。' });
  });
});

describe('parseTownship', () => {
  it('takes a picked township id or an exact name', () => {
    expect(parseTownship(ctx, 't01')).toEqual({ ok: true, value: { districtId: 'qingxi', townshipId: 't01' } });
    expect(parseTownship(ctx, '河西街道')).toEqual({ ok: true, value: { districtId: 'qingxi', townshipId: 't08' } });
  });

  it('offers near names as options', () => {
    const r = parseTownship(ctx, '东笼镇');
    expect(r).toMatchObject({ ok: false, error: '没找到「东笼镇」。您是说下面哪一个？回复数字即可。' });
    expect(r.ok === false && r.options?.map((o) => o.value)).toContain('t01');
  });

  it('lists the townships when nothing is near, unless the flow says otherwise', () => {
    const r = parseTownship(ctx, '火星基地');
    expect(r.ok === false && r.error).toMatch(/^没找到「火星基地」。我们服务的镇街有：东龙镇、白沙镇.*南塘街道。请回复其中一个。$/);
    expect(parseTownship(ctx, '火星基地', { none: (q) => `无「${q}」` })).toEqual({ ok: false, error: '无「火星基地」' });
    expect(parseTownship(ctx, '火星基地', { quote: (t) => t.slice(0, 2), none: (q) => q })).toEqual({ ok: false, error: '火星' });
  });

  it('asks `before` after a picked id and before matching names', () => {
    const before = (t: string) => (t === '青溪区' ? { ok: false as const, error: '请具体到镇或街道。' } : undefined);
    expect(parseTownship(ctx, '青溪区', { before })).toEqual({ ok: false, error: '请具体到镇或街道。' });
    expect(parseTownship(ctx, 't02', { before: () => ({ ok: false, error: 'no' }) })).toMatchObject({ ok: true });
    expect(parseTownship(ctx, '东龙镇', { before })).toMatchObject({ ok: true, value: { townshipId: 't01' } });
  });
});

describe('townshipStep', () => {
  const step = townshipStep({ id: 'place', label: '镇街', ask: '在哪？', help: '' });
  it('parses a township, shows its name and asks for words for a file', () => {
    expect(step.parse(say('东龙'), {}, ctx)).toEqual({ ok: true, value: { districtId: 'qingxi', townshipId: 't01' } });
    expect(step.show?.({ districtId: 'qingxi', townshipId: 't01' }, {}, ctx)).toBe('东龙镇');
    expect(step.parse(file, {}, ctx)).toEqual({ ok: false, error: '请用文字告诉我镇或街道的名字。' });
    expect(townshipName(ctx, undefined)).toBe('');
  });
});
