/*
 * `不知道` at the evidence question (its own intro says 「不知道的回复「不知道」」): it once set the
 * evidence to null, which its schema refuses, so the turn threw and the person got no answer, again at
 * every try. Now: the files sent are kept, the person is told files can come later, and the form goes on.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

/** A report about 宏达建筑公司 (not construction), August to October, 8,000, only the person, still there: up to the evidence question. */
const toEvidence = (user: string) =>
  converse(t.chat, user)
    .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月', '8000', '就我一个', '1', '都跳过')
    .expect(/证据/);

describe('不知道 at the evidence question', () => {
  for (const said of ['不知道', '不清楚', '记不清了']) {
    it(`${said}: answered, told files can come later, and on to the name; nothing thrown`, async () => {
      await toEvidence(`web:ev-${said}`)
        .send(said)
        .expect(/^没关系，没有也可以先提交。以后找到了，拍照或文件直接发给我就行/)
        .expect(/怎么称呼您/)
        .sendAll('王五', '13800138000')
        .expect(/未填写：.*12 证据材料/)
        .send('确认')
        .expect(/提交成功/);
      const [c] = await t.core.cases.listByUser(`web:ev-${said}`);
      expect(c!.evidence).toEqual([]);
    });
  }

  it('after a file was sent, 不知道 keeps the file (never null over it)', async () => {
    await toEvidence('web:ev-file')
      .sendFile('pay.jpg', JPEG, 'image/jpeg')
      .expect(/收到「pay\.jpg」，共1份/)
      .send('不知道')
      .expect(/怎么称呼您/)
      .sendAll('王五', '13800138000')
      .expect(/证据材料：1份（pay\.jpg）/)
      .send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:ev-file');
    expect(c!.evidence.map((e) => e.name)).toEqual(['pay.jpg']);
  });
});
