/*
 * Evidence files are written only once the flow has taken them (type, size on
 * the bytes, the step, the 10-file cap), and none is left behind by a draft
 * that is cancelled, replaced or left to expire. Real Redis; the test's own
 * evidence directory is counted.
 */
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock, env: { MAX_UPLOAD_MB: '1' } });
});
const files = () => readdirSync(t.evidenceDir);

/** A wage report answered up to its evidence step. */
const toEvidence = (user: string) =>
  converse(t.chat, user).send('2').send('1').send('青溪宏达').send('东龙镇').send('新塘社区').send('不是').send('三个月').send('28500').send('就我一个').send('还在干').send('都跳过');

describe('evidence files', () => {
  it('a file outside a file step, of a refused type, too large in its bytes, or over the cap writes nothing', async () => {
    await converse(t.chat, 'web:f1').sendFile('工资条.jpg', JPG, 'image/jpeg');
    expect(files()).toHaveLength(0);
    const c = toEvidence('web:f1');
    c.sendFile('病毒.exe', JPG, 'application/octet-stream').expect(/收不了/);
    // The size declared is small; the bytes are not.
    await c;
    await t.chat.handle('web:f1', { kind: 'file', meta: { name: '大.jpg', mediaType: 'image/jpeg', size: 10 }, load: async () => Buffer.alloc(2 * 1048576, 1) });
    expect(files()).toHaveLength(0);
    for (let i = 1; i <= 10; i++) await t.chat.handle('web:f1', { kind: 'file', meta: { name: `${i}.jpg`, mediaType: 'image/jpeg', size: JPG.length }, load: async () => JPG });
    expect(files()).toHaveLength(10);
    const eleventh = await t.chat.handle('web:f1', { kind: 'file', meta: { name: '11.jpg', mediaType: 'image/jpeg', size: JPG.length }, load: async () => JPG });
    expect(JSON.stringify(eleventh)).toMatch(/最多可以发10份/);
    expect(files()).toHaveLength(10);
  });

  it('取消 deletes the draft’s files; a submitted report keeps them', async () => {
    await toEvidence('web:f2').sendFile('工资条.jpg', JPG, 'image/jpeg').sendFile('欠条.jpg', JPG, 'image/jpeg').expect(/共2份/);
    expect(files()).toHaveLength(2);
    await converse(t.chat, 'web:f2').send('取消');
    expect(files()).toHaveLength(0);

    await toEvidence('web:f3').sendFile('工资条.jpg', JPG, 'image/jpeg').send('完成').send('张三').send('13800138000').send('确认').expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:f3');
    expect(c!.evidence).toHaveLength(1);
    expect(files()).toEqual([c!.evidence[0]!.id]);
  });

  it('a draft started over leaves none of its files', async () => {
    await toEvidence('web:f4').sendFile('工资条.jpg', JPG, 'image/jpeg').expect(/共1份/);
    expect(files()).toHaveLength(1);
    // Back at the menu, the report started afresh: the old draft and its file go.
    await converse(t.chat, 'web:f4').send('取消').send('2');
    expect(files()).toHaveLength(0);
  });

  it('the sweep deletes a file older than DRAFT_TTL_DAYS that nothing holds, and keeps those a case or a live draft holds', async () => {
    await toEvidence('web:f5').sendFile('工资条.jpg', JPG, 'image/jpeg').send('完成').send('张三').send('13800138000').send('确认').expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:f5');
    const inCase = c!.evidence[0]!.id;
    await toEvidence('web:f6').sendFile('欠条.jpg', JPG, 'image/jpeg').expect(/共1份/);
    const inDraft = files().find((f) => f !== inCase)!;
    // A file nothing names (a crash between writing and saving, or a draft whose session expired).
    const orphan = t.chat.evidence.save(JPG, NOW);
    const young = t.chat.evidence.save(JPG, NOW);
    expect(files()).toHaveLength(4);

    expect(await t.chat.sweepEvidence()).toBe(0);
    clock.advance(8 * 86_400_000);
    // Written just now by the app clock: too young to sweep, though nothing holds it.
    const later = new Date(NOW.getTime() + 8 * 86_400_000 - 3_600_000);
    utimesSync(join(t.evidenceDir, young), later, later);
    expect(await t.chat.sweepEvidence()).toBe(1);
    expect(files().sort()).toEqual([inCase, inDraft, young].sort());
    expect(files()).not.toContain(orphan);
  });
});
