/*
 * Joining the union, issue 7: the voluntary-joining declaration (承认《中国工会章程》,
 * 自愿加入工会, 履行会员义务) asked as a yes/no before anything else is filled in
 * and recorded with its time; 会费 in plain words; riders and couriers asked
 * 专送 or 众包. Transcripts through the chat service on real Redis, with the
 * workers running. Times come from the test clock, so any day reads the same.
 */
import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { shortTime } from '../../core/infra/time.js';
import { duesText } from '../../core/membership/texts.js';
import { membersOf } from '../../core/membership/store.js';
import { applicationFromAnswers } from '../../flows/membership.js';
import { MembershipViewSchema } from '../../api/contract.js';
import { membershipView } from '../../api/views.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { NOW, ZHANG, LI, consented, courierUpToReview, employeeUpToReview, person, recordOf, reviewed, staffSays, waitInbox } from './support.js';

let clock: ManualClock;
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ workers: true, clock });
});

const memberKeys = async () => (await t.keys()).filter((k) => k.includes(':{members}:'));

describe('the voluntary-joining declaration (入会声明)', () => {
  it('is asked after the two consents and before the name, with the constitution, the duties and the dues in plain words', async () => {
    await converse(t.chat, 'web:d1')
      .sendAll('我要入会', '1')
      .expect(/身份证号需要您单独同意/)
      .send('1')
      .expect(/入会声明：加入工会要本人自愿/)
      .expect(/我承认《中国工会章程》/)
      .expect(/我自愿加入工会/)
      .expect(/我愿意履行会员义务，按规定交纳会费/)
      .expect(/会费一般是每月基本工资的0\.5%/)
      .expect(/由单位工会从工资里代扣/)
      .expect(/新就业形态劳动者的会费按所在工会规定/)
      .expect(/1\. 确认，自愿加入\n2\. 不确认/)
      .expectNot(/请输入您的姓名/)
      .send('我承认，自愿加入')
      .expect(/请输入您的姓名/);
  });

  it('when it is refused, the flow ends politely and nothing is kept', async () => {
    await converse(t.chat, 'web:d2')
      .sendAll('我是快递员，想入会', '同意', '同意')
      .expect(/入会声明/)
      .send('2')
      .expect(/加入工会完全自愿，不确认声明就不能办理，我们也没有保存您的回答/)
      .expect(/我要入会/)
      // Back at the menu.
      .expect(/1\. 加入工会/);
    const s = await t.chat.sessions.load('web:d2', NOW);
    expect(s).toMatchObject({ flowId: null, answers: {}, draft: null });
    expect(await memberKeys()).toEqual([]);
  });

  it('a refusal in words (不愿意) ends it too; an unclear answer is asked again', async () => {
    await converse(t.chat, 'web:d3')
      .sendAll('我要入会', '1', '1')
      .send('章程是什么')
      .expect(/回复1表示确认入会声明，回复2表示不确认|章程/)
      .send('我不愿意')
      .expect(/加入工会完全自愿/);
    expect((await t.chat.sessions.load('web:d3', NOW)).flowId).toBeNull();
  });

  it('the facts of the opening message wait until it is confirmed', async () => {
    await converse(t.chat, 'web:d4')
      .sendAll('我是美团众包骑手，想加入工会', '1', '1')
      .expect(/入会声明/)
      .expectNot(/我理解的是/)
      .send('确认')
      .expect(/我理解的是：工作方式「新就业形态劳动者」、职业「外卖配送员」、接单平台「美团」、接单方式「众包」。对吗？/);
  });

  it('its time is recorded with the application (not the time of submitting) and shown to the reviewer', async () => {
    const declaredAt = clock.now().toISOString();
    await consented(t.chat, 'web:d5').send(ZHANG.name);
    // Filling in takes a while: the declaration keeps its own time.
    clock.advance(7 * 60_000);
    await converse(t.chat, 'web:d5')
      .sendAll(ZHANG.id, ZHANG.phone, '2', '快递员', '顺丰', '1', '1', '东龙镇')
      .expect(/请核对您的入会申请/)
      .send('确认')
      .expect(/入会申请已提交/);
    const m = await reviewed(t.core, 'web:d5');
    expect(m.declaredAt).toBe(declaredAt);
    expect(Date.parse(m.createdAt) - Date.parse(declaredAt)).toBe(7 * 60_000);
    // The applicant's own view (GET /api/v1/me/membership, the mini-program) shows it too.
    expect(MembershipViewSchema.parse({ ...membershipView(t.core, m), card: null }).declaredAt).toBe(declaredAt);
    const notice = await waitInbox(t.core, 'staff:urev-nef', /【入会申请】/);
    expect(notice).toContain(`入会声明：本人已确认承认《中国工会章程》、自愿入会、履行会员义务（${shortTime(declaredAt)}）`);
  });

  it('an application cannot be made from answers without it', () => {
    const ctx = { now: NOW, index: t.core.directory.index(), directory: t.core.directory.index().directory } as unknown as Parameters<typeof applicationFromAnswers>[1];
    const answers = {
      consent: true,
      idConsent: true,
      name: ZHANG.name,
      idNumber: { id: ZHANG.id, kind: 'resident', birthDate: '1990-01-01', age: 30 },
      phone: ZHANG.phone,
      employment: 'new_form',
      occupation: 'courier',
      platform: '',
      placeKind: 'residence',
      residence: { districtId: 'qingxi', townshipId: 't01' },
    };
    expect(() => applicationFromAnswers(answers, ctx)).toThrow(/declaration/);
    expect(applicationFromAnswers({ ...answers, declaration: NOW.toISOString() }, ctx).declaredAt).toBe(NOW.toISOString());
  });

  it('a rejected applicant who applies again confirms it again, and the new time is recorded', async () => {
    await courierUpToReview(t.chat, 'web:d6', person(3, '赵六')).send('确认').expect(/入会申请已提交/);
    const first = await reviewed(t.core, 'web:d6');
    await staffSays(t.core, 'urev-nef', `驳回 ${first.appNo} 请核对姓名`);
    await waitInbox(t.core, 'web:d6', /没有通过/);
    clock.advance(3600_000);
    const again = clock.now().toISOString();
    await converse(t.chat, 'web:d6')
      .sendAll('我要入会', '1', '1')
      .expect(/入会声明/)
      .send('1')
      .expect(/请核对您的入会申请/)
      .send('确认')
      .expect(/入会申请已提交/);
    const second = await reviewed(t.core, 'web:d6');
    expect(second.appNo).not.toBe(first.appNo);
    expect(second.declaredAt).toBe(again);
    expect(first.declaredAt).not.toBe(again);
  });
});

describe('专送 or 众包', () => {
  it('a rider on a platform is asked, the answer is recorded and the reviewer sees it', async () => {
    await consented(t.chat, 'web:r1')
      .sendAll(LI.name, LI.id, LI.phone, '2')
      .expect(/哪种工作/)
      .send('外卖')
      .expect(/哪个平台/)
      .send('饿了么')
      .expect(/您在饿了么是专送还是众包？/)
      .expect(/1\. 专送（站点或网点管理，按排班上线）\n2\. 众包（自己在App上抢单，时间自由）\n3\. 不清楚/)
      .send('我是跑众包的')
      .expect(/常住地.*户籍地/)
      .sendAll('1', '河西街道')
      .expect(/5\. 职业：外卖配送员\n6\. 接单平台：饿了么\n7\. 接单方式：众包/)
      .send('确认')
      .expect(/入会申请已提交/);
    const m = await reviewed(t.core, 'web:r1');
    expect(m.employment).toEqual({ kind: 'new_form', occupation: 'food_delivery', occupationText: null, platform: '饿了么', riderType: 'crowd' });
    const notice = await waitInbox(t.core, 'staff:urev-nef', new RegExp(`申请编号：${m.appNo}`));
    expect(notice).toContain('新就业形态：外卖配送员（饿了么，众包）');
    expect(membershipView(t.core, m).work).toMatchObject({ platform: '饿了么', riderType: 'crowd', riderTypeText: '众包' });
  });

  it('不清楚 is kept as not known; changing the platform asks again', async () => {
    await consented(t.chat, 'web:r2')
      .sendAll(ZHANG.name, ZHANG.id, ZHANG.phone, '2', '快递员', '京东')
      .expect(/您在京东是专送还是众包？/)
      .send('3')
      .sendAll('1', '东龙镇')
      .expect(/接单方式：不清楚/)
      .send('改 6')
      .expect(/哪个平台/)
      .send('顺丰')
      .expect(/您在顺丰是专送还是众包？/)
      .send('专送')
      .expect(/6\. 接单平台：顺丰\n7\. 接单方式：专送/);
    const r3 = await consented(t.chat, 'web:r3').sendAll(LI.name, LI.id, LI.phone, '2', '快递员', '京东', '不知道', '1', '东龙镇').send('确认');
    expect(r3.text).toMatch(/入会申请已提交/);
    expect((await recordOf(t.core, 'web:r3')).employment).toMatchObject({ platform: '京东', riderType: null });
  });

  it('is not asked of other work, nor of a courier without a platform', async () => {
    await consented(t.chat, 'web:r4')
      .sendAll(ZHANG.name, ZHANG.id, ZHANG.phone, '2', '货车司机', '满帮')
      .expect(/常住地.*户籍地/)
      .expectNot(/专送|众包/);
    await consented(t.chat, 'web:r5')
      .sendAll(LI.name, LI.id, LI.phone, '2', '快递员', '没有')
      .expect(/常住地.*户籍地/)
      .expectNot(/专送|众包/)
      .sendAll('1', '东龙镇')
      .expectNot(/接单方式/);
    await employeeUpToReview(t.chat, 'web:r6', person(4)).sendAll('1', '东龙镇').expect(/请核对/).expectNot(/接单方式|专送|众包/);
  });
});

describe('会费 (dues)', () => {
  it('after approval: a federation member is told it follows the union’s rules and may be waived', async () => {
    await courierUpToReview(t.chat, 'web:f1', person(5, '孙七')).send('确认');
    const m = await reviewed(t.core, 'web:f1');
    await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    const told = await waitInbox(t.core, 'web:f1', /恭喜您/);
    expect(told).toMatch(/会费：按所在工会规定。新就业形态劳动者的会费可能减免或少交/);
    expect(told).not.toMatch(/0\.5%/);
    expect(told).toMatch(/下面是您的电子会员卡：$/);
  });

  it('after approval: an employee of a unit with its own union is told 0.5% of the basic wage, deducted by that union', async () => {
    await employeeUpToReview(t.chat, 'web:f2', person(6, '周八')).sendAll('1', '白沙镇').expect(/提交后由「青溪纺织有限公司工会」审核/).send('确认');
    const m = await reviewed(t.core, 'web:f2');
    await staffSays(t.core, 'urev-e01', `通过 ${m.appNo}`);
    const told = await waitInbox(t.core, 'web:f2', /恭喜您/);
    expect(told).toContain('会费：每月交基本工资的0.5%（例如基本工资3000元，每月15元），一般由单位工会从工资里代扣，不用您自己去交。');
  });

  it('each kind of union reads as its own rule', () => {
    const employee = { kind: 'employee' as const, employer: 'x', employerId: null, workplace: null };
    const rider = { kind: 'new_form' as const, occupation: 'courier' as const, occupationText: null, platform: null, riderType: null };
    const union = (id: string) => ({ id, name: 'x', districtId: 'qingxi' });
    expect(duesText({ union: union('eu-e01'), employment: employee })).toMatch(/0\.5%.*单位工会从工资里代扣/);
    expect(duesText({ union: union('nef-qingxi'), employment: rider })).toMatch(/按所在工会规定.*减免/);
    expect(duesText({ union: union('tu-t01'), employment: rider })).toMatch(/按所在工会规定.*减免/);
    expect(duesText({ union: union('tu-t01'), employment: employee })).toMatch(/0\.5%.*具体按所在工会规定/);
  });
});
