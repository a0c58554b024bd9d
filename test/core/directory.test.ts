import { describe, expect, it } from 'vitest';
import { indexDirectory, loadDemoDirectory, parseDirectory } from '../../core/directory/load.js';
import { editDistance, matchCommunity, matchTownship, normalizePlaceText } from '../../core/directory/match.js';
import type { Directory, Township } from '../../core/directory/schema.js';
import { directoryRefusal, rawDemoDirectory } from '../support/directory.js';

const demo = loadDemoDirectory();
const district = demo.districts[0]!;
const townships = district.townships;
const grids = townships.flatMap((t) => t.grids);
const workers = grids.flatMap((g) => g.workers);

function township(name: string): Township {
  const t = townships.find((x) => x.name === name);
  if (!t) throw new Error(`no township ${name}`);
  return t;
}

describe('demo directory', () => {
  it('has the expected shape', () => {
    expect(demo.caseNoPrefix).toBe('QX');
    expect(demo.districts).toHaveLength(1);
    expect(district.name).toBe('青溪区');
    expect(district.newEmploymentFederation?.name).toBeTruthy();
    expect(townships).toHaveLength(10);
    expect(townships.filter((t) => t.kind === 'town')).toHaveLength(7);
    expect(townships.filter((t) => t.kind === 'street')).toHaveLength(3);
    expect(grids).toHaveLength(22);
    expect(workers).toHaveLength(50);
    expect(workers.every((w) => w.role === 'grid_worker')).toBe(true);
    for (const t of townships) {
      expect(t.supervisor.role).toBe('township_supervisor');
      expect(t.grids.length).toBeGreaterThanOrEqual(2);
      expect(t.grids.length).toBeLessThanOrEqual(3);
    }
    expect(district.supervisors).toHaveLength(2);
    expect(district.liaisons.filter((s) => s.role === 'procuratorate_liaison').length).toBeGreaterThanOrEqual(1);
    expect(townships.filter((t) => t.union.autoApprove)).toHaveLength(1);
    expect(townships.some((t) => t.name === '东龙镇')).toBe(true);
  });

  it('has fallback grids: one empty, one with nobody on duty', () => {
    const empty = grids.filter((g) => g.workers.length === 0);
    const allOff = grids.filter((g) => g.workers.length > 0 && g.workers.every((w) => !w.onDuty));
    expect(empty.map((g) => g.id)).toEqual(['t05-g2']);
    expect(allOff.map((g) => g.id)).toEqual(['t03-g2']);
  });

  it('has unique ids and WeChat names, and valid data', () => {
    const staff = [...district.supervisors, ...district.liaisons, ...townships.map((t) => t.supervisor), ...workers];
    expect(staff).toHaveLength(63);
    const ids = [district.id, ...townships.map((t) => t.id), ...grids.map((g) => g.id), ...staff.map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(staff.map((s) => s.wechat)).size).toBe(staff.length);
    for (const s of staff) if (s.phone !== undefined) expect(s.phone).toMatch(/^1380000\d{4}$/);
    for (const w of workers) {
      expect(w.capacity).toBeGreaterThanOrEqual(5);
      expect(w.capacity).toBeLessThanOrEqual(10);
    }
    for (const g of grids) {
      expect(g.communities.length).toBeGreaterThanOrEqual(2);
      expect(g.communities.length).toBeLessThanOrEqual(5);
    }
  });

  it('returns a fresh copy on each load', () => {
    const a = loadDemoDirectory();
    a.districts[0]!.townships.pop();
    expect(loadDemoDirectory().districts[0]!.townships).toHaveLength(10);
  });
});

describe('parseDirectory', () => {
  it('applies defaults', () => {
    const raw = rawDemoDirectory();
    const w = raw.districts[0].townships[0].grids[0].workers[0];
    delete w.capacity;
    delete w.onDuty;
    delete raw.districts[0].townships[0].aliases;
    const d = parseDirectory(raw);
    const parsed = d.districts[0]!.townships[0]!;
    expect(parsed.grids[0]!.workers[0]!.capacity).toBe(8);
    expect(parsed.grids[0]!.workers[0]!.onDuty).toBe(true);
    expect(parsed.aliases).toEqual([]);
  });

  it('allows a grid with no workers', () => {
    const raw = rawDemoDirectory();
    raw.districts[0].townships[0].grids[0].workers = [];
    expect(() => parseDirectory(raw)).not.toThrow();
  });

  it('rejects a duplicate id, naming both paths', () => {
    const raw = rawDemoDirectory();
    raw.districts[0].townships[1].grids[0].workers[0].id = 'gw-001';
    const msg = directoryRefusal(raw);
    expect(msg).toContain('districts[0].townships[1].grids[0].workers[0].id');
    expect(msg).toContain('编号 "gw-001" 重复了');
    expect(msg).toContain('districts[0].townships[0].grids[0].workers[0].id');
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  it.each<[string, (raw: any) => void, string]>([
    [
      'a duplicate id across kinds (grid id reused as township id)',
      (raw) => (raw.districts[0].townships[9].id = 't01-g1'),
      'districts[0].townships[9].id: 编号 "t01-g1" 重复了（districts[0].townships[0].grids[0].id 已经用过）',
    ],
    [
      'a duplicate township name',
      (raw) => (raw.districts[0].townships[1].name = '东龙镇'),
      'districts[0].townships[1].name: 区（县） "qingxi" 里已经有叫「东龙镇」的乡镇',
    ],
    [
      'a missing field',
      (raw) => delete raw.districts[0].townships[2].supervisor.name,
      'districts[0].townships[2].supervisor.name',
    ],
    [
      'a duplicate WeChat name',
      (raw) => (raw.districts[0].supervisors[1].wechat = raw.districts[0].supervisors[0].wechat),
      'districts[0].supervisors[1].wechat: 微信名 "',
    ],
  ])('rejects %s', (_what, breakIt, problem) => {
    const raw = rawDemoDirectory();
    breakIt(raw);
    expect(directoryRefusal(raw)).toContain(problem);
  });

  it('rejects a role in the wrong place', () => {
    const raw = rawDemoDirectory();
    raw.districts[0].townships[3].grids[1].workers[0].role = 'township_supervisor';
    raw.districts[0].liaisons[0].role = 'grid_worker';
    const msg = directoryRefusal(raw);
    expect(msg).toContain('districts[0].townships[3].grids[1].workers[0].role: 角色 "township_supervisor" 不能放在网格员名单里');
    expect(msg).toContain('districts[0].liaisons[0].role');
    expect(msg).toMatch(/\(2 problems\)/);
  });

  it('rejects an unknown role, a bad id, a bad phone, a bad prefix and unknown keys', () => {
    const raw = rawDemoDirectory();
    raw.caseNoPrefix = 'qx';
    raw.districts[0].townships[0].supervisor.role = 'boss';
    raw.districts[0].townships[0].grids[0].id = 'T01 G1';
    raw.districts[0].townships[0].grids[0].workers[0].phone = '12345';
    raw.districts[0].townships[0].grids[0].workers[1].onduty = false;
    const msg = directoryRefusal(raw);
    expect(msg).toContain('caseNoPrefix');
    expect(msg).toContain('districts[0].townships[0].supervisor.role');
    expect(msg).toContain('districts[0].townships[0].grids[0].id');
    expect(msg).toContain('districts[0].townships[0].grids[0].workers[0].phone');
    expect(msg).toContain('districts[0].townships[0].grids[0].workers[1]');
  });

  it('rejects non-objects', () => {
    expect(directoryRefusal(null)).toContain('(root)');
    expect(directoryRefusal({ version: 1, caseNoPrefix: 'QX', districts: [] })).toContain('districts');
  });
});

describe('indexDirectory', () => {
  const index = indexDirectory(demo);

  it('looks up staff with their place', () => {
    // 63 people of the case network, plus others the directory lists (membership reviewers, lawyers…).
    expect(index.staffById.size).toBeGreaterThanOrEqual(63 + 12);
    expect(index.staffById.get('gw-001')).toMatchObject({ districtId: 'qingxi', townshipId: 't01', gridId: 't01-g1' });
    expect(index.staffById.get('sup-t03')).toMatchObject({ districtId: 'qingxi', townshipId: 't03' });
    expect(index.staffById.get('sup-t03')?.gridId).toBeUndefined();
    expect(index.staffById.get('liaison-1')?.staff.role).toBe('procuratorate_liaison');
    expect(index.staffById.get('dsup-1')?.townshipId).toBeUndefined();
    const sup = township('东龙镇').supervisor;
    expect(index.staffByWechat.get(sup.wechat)?.staff.id).toBe('sup-t01');
  });

  it('looks up townships and grids', () => {
    expect(index.townshipById.get('t01')?.township.name).toBe('东龙镇');
    expect(index.gridById.get('t05-g2')).toMatchObject({ townshipId: 't05', districtId: 'qingxi' });
    expect(index.townshipsOfDistrict('qingxi')).toHaveLength(10);
    expect(index.townshipsOfDistrict('nowhere')).toEqual([]);
  });

  it('finds the grid covering a community', () => {
    expect(index.gridsForCommunity('新塘社区').map((g) => g.grid.id)).toEqual(['t01-g1']);
    expect(index.gridsForCommunity(' 新塘社区 ', 't01').map((g) => g.grid.id)).toEqual(['t01-g1']);
    expect(index.gridsForCommunity('新塘社区', 't02')).toEqual([]);
    expect(index.gridsForCommunity('不存在村')).toEqual([]);
  });
});

describe('normalizePlaceText', () => {
  it.each([
    [' 东龙镇 ', '东龙镇'],
    ['东龙镇。', '东龙镇'],
    ['东　龙　镇', '东龙镇'],
    ['（东龙镇）', '东龙镇'],
    ['ＤＯＮＧ１２３', 'dong123'],
    ['东龙😀镇', '东龙镇'],
    ['👨‍👩‍👧', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizePlaceText(input)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['东龙', '东龙', 0],
    ['东龙', '冬龙', 1],
    ['东龙', '东龙镇', 1],
    ['东龙', '', 2],
    ['kitten', 'sitting', 3],
    ['😀a', 'a', 1],
  ])('%j vs %j = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('matchTownship', () => {
  const exactCases: [string, string][] = [
    ['东龙', '东龙镇'],
    ['东龙镇', '东龙镇'],
    [' 东龙镇 ', '东龙镇'],
    ['东龙镇。', '东龙镇'],
    ['青溪区东龙镇', '东龙镇'],
    ['青溪东龙', '东龙镇'],
    ['青溪县 东龙镇', '东龙镇'],
    ['东龙乡', '东龙镇'], // alias (old name)
    ['河西', '河西街道'],
    ['河西街道', '河西街道'],
    ['河西街', '河西街道'],
    ['河西街道办', '河西街道'],
    ['河西镇', '河西街道'], // alias
    ['老城区', '凤栖街道'], // alias
    ['凤栖', '凤栖街道'],
    ['马坪镇', '马坪镇'],
    ['\u3000东龙镇！', '东龙镇'],
    ['南塘街道', '南塘街道'],
  ];
  /** The kind of match for `input` and the names of the townships it offers, best first. */
  function offered(input: string): { kind: string; names: string[] } {
    const m = matchTownship(demo, input);
    return { kind: m.kind, names: m.kind === 'exact' ? [m.township.name] : m.kind === 'candidates' ? m.townships.map((t) => t.name) : [] };
  }

  it.each(exactCases)('%j is exactly %s', (input, expected) => {
    expect(offered(input)).toEqual({ kind: 'exact', names: [expected] });
  });

  const candidateCases: [string, string][] = [
    ['东笼镇', '东龙镇'],
    ['冬龙', '东龙镇'],
    ['冬龙镇', '东龙镇'],
    ['龙东', '东龙镇'],
    ['东龙街道', '东龙镇'], // right name, wrong kind
    ['白纱镇', '白沙镇'],
    ['河溪街道', '河西街道'],
    ['我在东龙镇', '东龙镇'],
    // Typed by sound: a pinyin keyboard's wrong characters, or the pinyin itself.
    ['冬隆', '东龙镇'],
    ['和溪', '河西街道'],
    ['十领镇', '石岭镇'],
    ['donglong', '东龙镇'],
    ['Dong Long Zhen', '东龙镇'],
  ];
  it.each(candidateCases)('%j suggests %s first', (input, expected) => {
    const { kind, names } = offered(input);
    expect(kind).toBe('candidates');
    expect(names[0]).toBe(expected);
    expect(names.length).toBeLessThanOrEqual(5);
  });

  const noneCases: [string, string][] = [
    ['unknown', '上海浦东'],
    ['unknown', '北京'],
    ['empty', ''],
    ['blank', '   '],
    ['punctuation only', '。，！？'],
    ['emoji', '😀'],
    ['emoji sequence', '👍🏽🎉'],
    ['a number (caller handles choices)', '3'],
    ['full-width number', '３'],
    ['suffix alone', '镇'],
    ['one syllable that sounds like part of a name', 'dong'],
    ['pinyin of no name', 'shanghai'],
    ['district only', '青溪区'],
    ['district short name', '青溪'],
    ['10,000 characters', '东'.repeat(10_000)],
    ['10,000 characters containing a name', `东龙镇${'啊'.repeat(9_997)}`],
    ['long text', '我想问一下我们厂拖欠了三个月工资应该找哪里的工会帮忙处理这个事情呢谢谢你们'],
  ];
  it.each(noneCases)('%s gives none', (_label, input) => {
    expect(matchTownship(demo, input)).toEqual({ kind: 'none' });
  });

  it('gives candidates when two districts have the same township name', () => {
    const raw = rawDemoDirectory();
    const other = structuredClone(raw.districts[0]);
    other.id = 'other';
    other.name = '另一区';
    other.aliases = [];
    const stamp = (x: any): void => {
      if (x && typeof x === 'object') {
        if (typeof x.id === 'string') x.id = `x-${x.id}`;
        if (typeof x.wechat === 'string') x.wechat = `${x.wechat}x`;
        // References to ids of the same district move with them.
        if (typeof x.townshipId === 'string') x.townshipId = `x-${x.townshipId}`;
        if (typeof x.staffId === 'string') x.staffId = `x-${x.staffId}`;
        if (Array.isArray(x.onCall)) x.onCall = x.onCall.map((id: string) => `x-${id}`);
        Object.values(x).forEach(stamp);
      }
    };
    stamp(other);
    other.id = 'other';
    raw.districts.push(other);
    const d: Directory = parseDirectory(raw);
    const m = matchTownship(d, '东龙镇');
    expect(m.kind).toBe('candidates');
    if (m.kind === 'candidates') expect(m.townships.map((t) => t.id)).toEqual(['t01', 'x-t01']);
  });
});

describe('matchCommunity', () => {
  const donglong = township('东龙镇');
  const hexi = township('河西街道');
  const fengqi = township('凤栖街道');

  const exactCases: [Township, string, string, string][] = [
    [donglong, '新塘社区', '新塘社区', 't01-g1'],
    [donglong, '新塘', '新塘社区', 't01-g1'],
    [donglong, '新塘居委会', '新塘社区', 't01-g1'],
    [donglong, ' 上坪村 ', '上坪村', 't01-g2'],
    [donglong, '上坪', '上坪村', 't01-g2'],
    [donglong, '上坪村委会', '上坪村', 't01-g2'],
    [donglong, '东龙镇上坪村', '上坪村', 't01-g2'],
    [donglong, '东龙上坪', '上坪村', 't01-g2'],
    [donglong, '东龙村', '东龙村', 't01-g1'],
    [donglong, '龙湾', '龙湾村', 't01-g3'],
    [hexi, '工业园', '工业园社区', 't08-g3'],
    [fengqi, '金桂花园', '金桂花园小区', 't09-g2'],
    [fengqi, '金桂花园小区', '金桂花园小区', 't09-g2'],
  ];
  it.each(exactCases)('%#: %j is exactly %s', (t, input, community, gridId) => {
    const m = matchCommunity(t, input);
    expect(m.kind).toBe('exact');
    if (m.kind === 'exact') {
      expect(m.community).toBe(community);
      expect(m.grid.id).toBe(gridId);
    }
  });

  it('returns the empty grid too (routing falls back)', () => {
    const m = matchCommunity(township('梅岗镇'), '田心村');
    expect(m.kind === 'exact' && m.grid.id).toBe('t05-g2');
    expect(m.kind === 'exact' && m.grid.workers).toEqual([]);
  });

  it('asks when a bare name fits a village and a community', () => {
    const m = matchCommunity(donglong, '东龙');
    expect(m.kind).toBe('candidates');
    if (m.kind === 'candidates') expect(m.communities.map((c) => c.community).sort()).toEqual(['东龙村', '东龙社区'].sort());
  });

  const candidateCases: [Township, string, string][] = [
    [donglong, '上平村', '上坪村'],
    [donglong, '新唐社区', '新塘社区'],
    [donglong, '新塘小区', '新塘社区'], // right name, other kind
    [hexi, '锦秀社区', '锦绣社区'],
    [donglong, '欣堂', '新塘社区'], // by sound
  ];
  it.each(candidateCases)('%#: %j suggests %s first', (t, input, expected) => {
    const m = matchCommunity(t, input);
    expect(m.kind).toBe('candidates');
    if (m.kind === 'candidates') expect(m.communities[0]?.community).toBe(expected);
  });

  it.each([
    ['', ''],
    ['emoji', '😀'],
    ['number', '2'],
    ['unknown', '人民公园'],
    ['village of another township', '高岭村'],
    ['10,000 characters', '村'.repeat(10_000)],
  ])('%s gives none', (_label, input) => {
    expect(matchCommunity(donglong, input)).toEqual({ kind: 'none' });
  });
});
