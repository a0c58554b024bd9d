/*
 * Asking for an IOU to be written (`能帮我写个欠条吗`, `有欠条模板吗`) got 「这个问题我还答不上来」: now what an
 * IOU must say (iou-note). Quitting when the boss will not let one go (`老板不让辞职怎么办`) got the same or the
 * menu: now that no approval is needed (quit-blocked). Their neighbours keep their own answers (precision first).
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../flows/knowledge/kb.js';

const entryOf = (text: string) => knowledgeBase().match(text)?.entry.id ?? null;

describe('writing an IOU', () => {
  it.each(['能帮我写个欠条吗', '有欠条模板吗', '欠条的格式是什么'])('%s → what an IOU must say', (said) => {
    expect(entryOf(said)).toBe('iou-note');
  });

  it.each([
    ['老板不肯打欠条怎么办', 'no-evidence'],
    ['老板不给工资怎么办', 'unpaid-wages-options'],
  ])('%s keeps its own answer', (said, id) => {
    expect(entryOf(said)).toBe(id);
  });
});

describe('quitting when the boss says no', () => {
  it.each(['我不想干了 老板不让走', '老板不让辞职怎么办', '辞职老板不批怎么办', '厂里不放人 走不了'])('%s → no approval is needed (was 答不上来 or the menu)', (said) => {
    expect(entryOf(said)).toBe('quit-blocked');
  });

  it.each([
    ['辞职要提前多久说', 'quit-wages'],
    ['辞职了工资还给吗', 'quit-wages'],
  ])('%s keeps its own answer', (said, id) => {
    expect(entryOf(said)).toBe(id);
  });
});
