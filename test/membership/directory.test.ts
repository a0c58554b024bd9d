import { describe, expect, it } from 'vitest';
import { indexDirectory, loadDemoDirectory, parseDirectory } from '../../core/directory/load.js';
import {
  employerMentioned,
  employerUnion,
  matchEmployer,
  newEmploymentUnion,
  reviewsFor,
  townshipUnion,
  unionById,
  unionsReviewedBy,
} from '../../core/directory/unions.js';

const demo = loadDemoDirectory();
const index = indexDirectory(demo);

describe('unions in the directory', () => {
  it('an employer with its own union gets it; one without is covered by its township union', () => {
    expect(employerUnion(index, 'e01')).toMatchObject({ id: 'eu-e01', name: '青溪纺织有限公司工会', kind: 'enterprise' });
    expect(employerUnion(index, 'e02')).toMatchObject({ id: 'tu-t01', name: '东龙镇总工会', kind: 'township' });
    expect(employerUnion(index, 'e03')).toMatchObject({ autoApprove: true });
    expect(employerUnion(index, 'e04')).toMatchObject({ id: 'tu-t08', autoApprove: true });
    expect(employerUnion(index, 'nope')).toBeUndefined();
  });

  it('new-employment-form workers go to the federation, or without one to the township union', () => {
    expect(newEmploymentUnion(index, 't05')).toMatchObject({ id: 'nef-qingxi', reviewers: [expect.objectContaining({ id: 'urev-nef' })] });
    const raw = loadDemoDirectory();
    delete raw.districts[0]!.newEmploymentFederation;
    expect(newEmploymentUnion(indexDirectory(raw), 't05')).toMatchObject({ id: 'tu-t05', name: '梅岗镇总工会' });
  });

  it('every union has a reviewer; without a directory reviewer the fallback is the township supervisor or the district union', () => {
    expect(townshipUnion(index, 't01')!.reviewers.map((s) => s.id)).toEqual(['urev-t01']);
    expect(townshipUnion(index, 't08')!.reviewers.map((s) => s.id)).toEqual(['sup-t08']);
    expect(unionById(index, 'eu-e03')!.reviewers.map((s) => s.id)).toEqual(['urev-t03']);
    for (const id of ['tu-t01', 'nef-qingxi', 'eu-e01']) expect(unionById(index, id)!.escalation.map((s) => s.id)).toEqual(['urev-qx']);
  });

  it('knows who reviews what; the district union only once escalated', () => {
    const nef = unionById(index, 'nef-qingxi')!;
    expect(reviewsFor(nef, 'urev-nef', false)).toBe(true);
    expect(reviewsFor(nef, 'urev-qx', false)).toBe(false);
    expect(reviewsFor(nef, 'urev-qx', true)).toBe(true);
    expect(reviewsFor(nef, 'urev-t01', true)).toBe(false);
    expect(unionsReviewedBy(index, 'urev-e01').map((u) => u.union.id)).toEqual(['eu-e01']);
  });

  it('reviewers are indexed as staff with their place', () => {
    expect(index.staffById.get('urev-nef')).toMatchObject({ districtId: 'qingxi', staff: { role: 'union_reviewer' } });
    expect(index.staffById.get('urev-t03')).toMatchObject({ townshipId: 't03' });
    expect(index.staffById.get('urev-e01')).toMatchObject({ townshipId: 't01' });
    expect(index.staffByWechat.get('罗晓燕（青溪区新业态工会联合会）')?.staff.id).toBe('urev-nef');
  });
});

describe('matching employers', () => {
  it.each([
    ['青溪纺织有限公司', 'e01'],
    ['青溪纺织', 'e01'],
    ['青溪纺织厂', 'e01'],
    ['青溪纺织 （有限公司）', 'e01'],
    ['青溪', undefined],
    ['宏达建筑', 'e02'],
    ['青溪宏达建筑工程有限公司', 'e02'],
  ])('%s', (text, id) => {
    const m = matchEmployer(demo, text);
    if (id) expect(m.kind === 'exact' && m.employer.id).toBe(id);
    else expect(m.kind).not.toBe('exact');
  });

  it('a longer name containing a known one is only offered, never assumed', () => {
    const m = matchEmployer(demo, '青溪纺织机械有限公司');
    expect(m.kind).toBe('near');
    expect(m.kind === 'near' && m.employers.map((e) => e.id)).toEqual(['e01']);
    expect(matchEmployer(demo, '某某餐饮店').kind).toBe('none');
  });

  it('finds an employer named in an opening message', () => {
    expect(employerMentioned(demo, '我在青溪纺织厂上班，想入会')?.id).toBe('e01');
    expect(employerMentioned(demo, '我要入会')).toBeUndefined();
  });
});

describe('directory validation of membership data', () => {
  it('refuses a reviewer with another role, an employer in another district’s township and a duplicate employer id', () => {
    const raw = JSON.parse(JSON.stringify(loadDemoDirectory()));
    raw.districts[0].union.reviewers[0].role = 'grid_worker';
    raw.districts[0].employers[1].townshipId = 'zz';
    raw.districts[0].employers[2].id = 'e01';
    expect(() => parseDirectory(raw)).toThrow(
      /union\.reviewers\[0\]\.role: 角色 "grid_worker" 不能放在工会审核人名单里[\s\S]*employers\[1\]\.townshipId: 区（县） "qingxi" 里没有乡镇 "zz"[\s\S]*employers\[2\]\.id: 编号 "e01" 重复了/,
    );
  });
});
