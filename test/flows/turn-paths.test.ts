/*
 * The checks around understanding, made cheaper (helper h156): each early exit still lets through what it must.
 *  1. In the middle of a form the case desk reads only a complaint, and now looks for a complaint's words first
 *     (flows/case-desk.ts `mayComplain`: one of 换们会格作办没): every complaint the full reading finds is still found,
 *     and one said at a question (`能不能换个网格员`) is answered, the question asked again.
 *  2. Outside a legal-aid booking the legal-aid desk tries only what starts one (flows/legal-aid-desk.ts); a price
 *     is read only from words that name money (钱, 费, 贵): asked with the booking, it is still answered.
 *  3. Inside a booking the desk's own answers come as before.
 * Every test here is a `// guard:` of behaviour that already worked (the changes are for speed only).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaseMessage } from '../../flows/case-desk.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:tp156-${tag}-${Math.random().toString(36).slice(2, 8)}`;

/** Every text of the understanding corpora. */
function corpusTexts(): string[] {
  const dir = new URL('../nlu/corpus/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text?: unknown }).text)
    .filter((x): x is string => typeof x === 'string');
}

/** A complaint of each kind the reading knows: each staff noun, a change asked for, nobody answering. */
const COMPLAINTS = [
  '我要投诉你们网格员',
  '你们态度太差了',
  '工会的人一直不接电话',
  '网格长不管事',
  '工格员态度很差',
  '工作人员骂我',
  '办事员一直不回消息',
  '办事的人根本不理我',
  '经办人收了老板的钱',
  '我要换个人处理',
  '能不能换个网格员',
  '打了好几次电话都没人接',
  '没人联系我',
];

describe('1. the case desk in the middle of a form', () => {
  // guard: the complaint-only reading finds exactly the complaints the full reading finds.
  it('reads as a complaint, taking only complaints, just what the full reading reads as one', () => {
    const texts = [...new Set([...corpusTexts(), ...COMPLAINTS])];
    let complaints = 0;
    for (const text of texts) {
      const full = readCaseMessage(text);
      const only = readCaseMessage(text, true);
      if (full?.kind === 'complaint') complaints++;
      expect({ text, only: only?.kind === 'complaint' ? only : null }).toEqual({ text, only: full?.kind === 'complaint' ? full : null });
    }
    expect(complaints).toBeGreaterThanOrEqual(COMPLAINTS.length);
  });

  // guard: a change of staff asked at a question of the wage report, with no case: where to take it, then the question.
  it('`能不能换个网格员` at the township question: where to complain, and the question again', async () => {
    await converse(t.chat, someone('change'))
      .sendAll('老板欠我工资', '同意', '好再来饭店')
      .expect(/您在哪个镇或街道干活？/)
      .send('能不能换个网格员')
      .expect(/12351/)
      .expect(/您在哪个镇或街道干活？/)
      .send('河西街道')
      .expectNot(/12351/);
  });

  // guard: a plain answer with one of those characters (没) goes to the form, not to the desk.
  it('`没有` at a yes/no question of the report is its answer', async () => {
    await converse(t.chat, someone('plain'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚')
      .expect(/是工程建设项目吗？/)
      .send('没有')
      .expect(/拖欠的是哪段时间的工资？/)
      .expectNot(/12351|投诉/);
  });
});

describe('2. the legal-aid desk outside a booking', () => {
  // guard: a price asked with the booking is answered before the consent.
  it('`我想找律师 要钱吗`: free, said, and the booking begins', async () => {
    await converse(t.chat, someone('cost')).send('我想找律师 要钱吗').expect(/不收费/).expect(/您同意吗？/);
  });

  // guard: without money words, no price.
  it('`我想找律师`: the booking begins, nothing said of the price', async () => {
    await converse(t.chat, someone('nocost')).send('我想找律师').expect(/您同意吗？/).expectNot(/不收费/);
  });
});

describe('3. the legal-aid desk inside a booking', () => {
  // guard: what to bring, asked at the matter question, answered there, and the question again.
  it('`要带什么材料` at 「您想咨询什么事？」', async () => {
    await converse(t.chat, someone('bring'))
      .sendAll('我想找律师', '同意')
      .expect(/您想咨询什么事？/)
      .send('要带什么材料')
      .expect(/律师会告诉您怎么补/)
      .expect(/您想咨询什么事？/);
  });
});
