/*
 * Joining the union in chat: transcripts through the chat service on real Redis, with the
 * BullMQ workers running (routing to the reviewer, notices to the inbox).
 */
import { describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { membersOf } from '../../core/membership/store.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import {
  LI,
  NOW,
  RH_OF_DAY,
  WANG,
  X_ID,
  ZHANG,
  appNoOf,
  consented,
  courierUpToReview,
  employeeUpToReview,
  recordOf,
  reviewed,
  waitInbox,
  withCheck,
  withWrongCheck,
} from './support.js';
import { manualClock } from '../../core/infra/clock.js';

const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW) }));

const memberKeys = async () => (await t.keys()).filter((k) => k.includes(':{members}:'));

/** A birth year `n` years before the conversations' year (negative: in the future). */
const bornYearsAgo = (n: number) => String(NOW.getUTCFullYear() - n);

describe('starting', () => {
  it('when a worker says what they do, then the flow starts with it filled in', async () => {
    await converse(t.chat, 'web:s1')
      .send('我是外卖骑手想加入工会')
      .expect(/加入工会后，您可以/)
      .expect(/用途.*谁能看到.*保存多久/s)
      .expectNot(/外卖配送员/);
    // Nothing is taken before consent: the facts wait.
    const before = await t.chat.sessions.load('web:s1', NOW);
    expect(before.flowId).toBe('membership');
    expect(before.answers).toEqual({});
    await converse(t.chat, 'web:s1')
      .send('1')
      .expect(/身份证号需要您单独同意/)
      .send('同意')
      .expect(/入会声明/)
      .send('确认')
      .expect(/我理解的是：工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？/)
      .send('对')
      .expect(/姓名/);
    const s = await t.chat.sessions.load('web:s1', NOW);
    expect(s.answers).toMatchObject({ employment: 'new_form', occupation: 'food_delivery' });
  });

  it('when the worker names a known employer in the opening message, then it is filled in', async () => {
    await converse(t.chat, 'web:s2')
      .sendAll('我在青溪纺织厂上班，想入会', '1', '1', '1')
      .expect(/我理解的是：工作方式「单位职工」、工作单位「青溪纺织有限公司」。对吗？/);
  });

  it('the menu number 1 starts it too', async () => {
    await converse(t.chat, 'web:s3').send('你好').send('1').expect(/加入工会后，您可以/).expect(/1\. 同意/);
  });
});

describe('new employment form (新就业形态)', () => {
  it('a courier living in 东龙镇 applies; the district federation reviews; its reviewer gets the application with the ID masked', async () => {
    const done = await courierUpToReview(t.chat, 'web:n1')
      .expect(/提交后由「青溪区新业态工会联合会」审核/)
      .expect(/1\. 姓名：张三/)
      .expect(/2\. 身份证号：4503\*{10}123\d/)
      .expect(/3\. 手机号：13912345678/)
      .expect(/工作方式：新就业形态劳动者/)
      .expect(/职业：快递员/)
      .expect(/接单平台：顺丰/)
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区东龙镇/)
      .expectNot(new RegExp(ZHANG.id))
      .send('确认')
      .expect(new RegExp(`入会申请已提交，申请编号 ${RH_OF_DAY}0001`))
      .expect(/将由「青溪区新业态工会联合会」审核，一般在1个工作日内完成/);
    const appNo = appNoOf(done.text);
    const m = await reviewed(t.core, 'web:n1');
    expect(m).toMatchObject({
      appNo,
      status: 'pending',
      union: { id: 'nef-qingxi', name: '青溪区新业态工会联合会' },
      employment: { kind: 'new_form', occupation: 'courier', platform: '顺丰' },
      place: { kind: 'residence', townshipId: 't01' },
      reviewer: { staffId: 'urev-nef', seq: 1, escalated: false },
    });
    const notice = await waitInbox(t.core, 'staff:urev-nef', /【入会申请】/);
    expect(notice).toContain(`通过 ${appNo}`);
    expect(notice).toContain('身份证号：4503**********123');
    expect(notice).not.toContain(ZHANG.id);
    // The assigned reviewer may have to call: the phone is complete for them.
    expect(notice).toContain(ZHANG.phone);
    expect(notice).toContain('新就业形态：快递员（顺丰，专送）');
  });

  it('where the district has no federation, the township or street union of the place reviews', async () => {
    const dir = loadDemoDirectory();
    delete dir.districts[0]!.newEmploymentFederation;
    const own = await startTestCore({ workers: true, clock: manualClock(NOW), directory: dir });
    try {
      await courierUpToReview(own.chat, 'web:n2', ZHANG, '马坪')
        .expect(/提交后由「马坪镇总工会」审核/)
        .send('确认')
        .expect(/将由「马坪镇总工会」审核/);
      const m = await reviewed(own.core, 'web:n2');
      expect(m.union.id).toBe('tu-t07');
      expect(m.reviewer?.staffId).toBe('urev-t07');
    } finally {
      await own.stop();
    }
  });

  it('an occupation typed freely that is not known is asked again with the list; 其他 asks what they do', async () => {
    await consented(t.chat, 'web:n3')
      .sendAll(ZHANG.name, ZHANG.id, ZHANG.phone, '新就业形态')
      .expect(/哪种工作/)
      .send('修飞机的')
      // Work none of the options names is read as 其他, and confirmed before it counts.
      .expect(/我理解的是：职业「其他」、具体工作「修飞机」。对吗？/)
      .send('不对')
      .expect(/哪一项不对？[\s\S]*1\. 职业「其他」\n2\. 具体工作「修飞机」\n3\. 都不对/)
      .send('都不对')
      .expect(/好的，职业、具体工作先不记，我再问您一次。/)
      .expect(/1\. 货车司机\n2\. 快递员\n3\. 外卖配送员\n4\. 网约车司机\n5\. 家政服务员\n6\. 网络主播\n7\. 其他/)
      .send('蓝色')
      .expect(/没认出「蓝色」是哪种工作。请从下面选一个，都不是就选「其他」/)
      .send('7')
      .expect(/做什么工作/)
      .send('代驾')
      .expect(/哪个平台/)
      .send('没有')
      .send('户籍地')
      .expect(/户籍地在哪个区/)
      .send('河西街道')
      .expect(/具体工作：代驾/)
      .expect(/接单平台：没有固定平台/)
      .expect(/登记地：户籍地/);
  });

  it('picking a platform by number and a driver typed as words work', async () => {
    await consented(t.chat, 'web:n4')
      .sendAll(ZHANG.name, ZHANG.id, ZHANG.phone, '2', '我开网约车')
      .expect(/例如：滴滴、高德/)
      .send('1')
      .expect(/常住地.*户籍地/)
      .send('1')
      .send('凤栖')
      .expect(/职业：网约车司机/)
      .expect(/接单平台：滴滴/)
      .expect(/地址：青溪区凤栖街道/);
  });
});

describe('employees of a unit (单位职工)', () => {
  it('a known employer with its own union: that union is chosen and its reviewer gets it', async () => {
    await employeeUpToReview(t.chat, 'web:e1')
      .expect(/「青溪纺织有限公司」有自己的工会，您的申请会交给青溪纺织有限公司工会审核/)
      .expect(/常住地.*户籍地/)
      .send('2')
      .send('白沙镇')
      .expect(/提交后由「青溪纺织有限公司工会」审核/)
      .expect(/工作单位：青溪纺织有限公司/)
      .send('确认')
      .expect(/将由「青溪纺织有限公司工会」审核/);
    const m = await reviewed(t.core, 'web:e1');
    expect(m.union.id).toBe('eu-e01');
    expect(m.reviewer?.staffId).toBe('urev-e01');
    expect(m.employment).toEqual({ kind: 'employee', employer: '青溪纺织有限公司', employerId: 'e01', workplace: null });
    await waitInbox(t.core, 'staff:urev-e01', /【入会申请】[\s\S]*单位职工：青溪纺织有限公司/);
  });

  it('a known employer without its own union: the union of its township covers it', async () => {
    await employeeUpToReview(t.chat, 'web:e2', LI, '宏达建筑')
      .expect(/「青溪宏达建筑工程有限公司」的职工由东龙镇总工会负责/)
      .send('1')
      .send('白沙镇')
      .expect(/提交后由「东龙镇总工会」审核/);
  });

  it('an employer the directory does not know: asks where it is, and that township union reviews', async () => {
    await employeeUpToReview(t.chat, 'web:e3', LI, '青溪好味道餐饮有限公司')
      .expect(/「青溪好味道餐饮有限公司」在哪个镇或街道/)
      .send('石岭')
      .expect(/常住地.*户籍地/)
      .send('1')
      .send('南塘街道')
      .expect(/单位所在地：青溪区石岭镇/)
      .expect(/提交后由「石岭镇总工会」审核/)
      .send('确认');
    const m = await reviewed(t.core, 'web:e3');
    expect(m).toMatchObject({ union: { id: 'tu-t03' }, reviewer: { staffId: 'urev-t03' } });
  });

  it('a name close to a known employer is offered for confirmation, and "none of these" keeps what was typed', async () => {
    await employeeUpToReview(t.chat, 'web:e4', LI, '青溪纺织机械有限公司')
      .expect(/您说的是下面哪一家/)
      .expect(/1\. 青溪纺织有限公司\n2\. 都不是，就填「青溪纺织机械有限公司」/)
      .send('2')
      .expect(/「青溪纺织机械有限公司」在哪个镇或街道/);
  });

  it('an auto-approve union approves at once and the card arrives without any reviewer', async () => {
    const done = await employeeUpToReview(t.chat, 'web:e5', LI, '青溪电子科技有限公司')
      .send('1')
      .send('石岭镇')
      .expect(/提交后由「青溪电子科技有限公司工会」审核/)
      .send('确认')
      .expect(/已开通自动审核，电子会员卡马上发给您/);
    const card = await waitInbox(t.core, 'web:e5', /【工会会员卡】/);
    expect(card).toContain('会员编号：EU-E03-000001');
    expect(card).toContain('所属工会：青溪电子科技有限公司工会');
    const m = await recordOf(t.core, 'web:e5');
    expect(m).toMatchObject({ status: 'approved', memberNo: 'EU-E03-000001', reviewer: null, decision: { by: 'system:auto-approve' } });
    expect(appNoOf(done.text)).toBe(m.appNo);
    const audit = await membersOf(t.core).audit(m.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'approved']);
  });
});

describe('review before submitting', () => {
  it('改 N changes one field and comes back to the summary; changing the work clears what depended on it', async () => {
    await courierUpToReview(t.chat, 'web:r1')
      .send('改 1')
      .expect(/之前填的是：张三/)
      .send('张三丰')
      .expect(/1\. 姓名：张三丰/)
      .send('改 4')
      .expect(/怎么工作/)
      .send('1')
      .expect(/哪家单位/)
      .send('青溪纺织')
      .expect(/请核对您的入会申请（提交后由「青溪纺织有限公司工会」审核）/)
      .expectNot(/职业/)
      .send('改 99')
      .expect(/没有第99项/);
  });
});

describe('bad input is asked again with the reason, keeping the other answers', () => {
  it('names and ID numbers', async () => {
    await consented(t.chat, 'web:b1')
      .send('张3')
      .expect(/姓名里不能有数字/)
      .send('张'.repeat(60))
      .expect(/姓名最多20个字/)
      .send(ZHANG.name)
      .expect(/18位身份证号/)
      .send(withWrongCheck('45030219900101123'))
      .expect(/最后一位校验码不对/)
      .send('45030219900101123')
      .expect(/您输入了17位/)
      .send(`${ZHANG.id}1`)
      .expect(/您输入了19位/)
      .send('4503021990O101123X')
      .expect(/不能有字母/)
      .send(withCheck(`450302${bornYearsAgo(-1)}0101123`))
      .expect(/出生日期晚于今天/)
      .send(withCheck('45030218891231123'))
      .expect(/早于1900年/)
      .send('450302900101123')
      .expect(/15位的旧身份证号，请输入18位的新身份证号码/)
      .expect(/我刚才是在问：请输入您的18位身份证号码/)
      .expect(/不方便回答的话，可以回复「人工」/)
      .send(X_ID.toLowerCase())
      .expect(/手机号/)
      .send('0771-1234567')
      .expect(/座机号码/)
      .sendAll(ZHANG.phone, '2', '1', '没有', '1', '火星镇')
      .expect(/没找到「火星镇」这个镇或街道。我们目前服务：青溪区（东龙镇、白沙镇/)
      .send('青溪区')
      .expect(/请具体到镇或街道。青溪区有下面这些镇街/)
      .send('8')
      .expect(/1\. 姓名：张三\n2\. 身份证号：1101\*{10}002X\n3\. 手机号：13912345678/)
      .expect(/地址：青溪区河西街道/);
  });

  it('HK/Macau/Taiwan residence permits and permanent-residence cards are accepted', async () => {
    for (const [i, id] of [withCheck('81000019900101001'), withCheck('83000019900101001'), withCheck('93615619850312001')].entries()) {
      await consented(t.chat, `web:b2-${i}`).send('陈大文').send(id).expect(/手机号是多少/);
    }
  });

  it('under 16: the birth date is read back and asked first; said to be right, refused politely and nothing is kept', async () => {
    await consented(t.chat, 'web:b3')
      .send('李明明')
      .send(withCheck(`450302${bornYearsAgo(15)}0101123`))
      .expect(/出生日期是\d{4}年1月1日，还不满16周岁。是不是有一位输错了？/)
      .expectNot(/刚才的回答没有保存/)
      .send('号码没错')
      .expect(/还不能办理入会/)
      .expect(/刚才的回答没有保存/)
      .expect(/加入工会/);
    const s = await t.chat.sessions.load('web:b3', NOW);
    expect(s.flowId).toBeNull();
    expect(s.answers).toEqual({});
    expect(s.draft).toBeNull();
    expect(await memberKeys()).toEqual([]);
  });
});

describe('consent', () => {
  it('when consent is refused, nothing is stored', async () => {
    await converse(t.chat, 'web:c1').send('我是快递员，想入会').send('2').expect(/不会收集任何信息/).expect(/加入工会/);
    const s = await t.chat.sessions.load('web:c1', NOW);
    expect(s).toMatchObject({ flowId: null, answers: {}, draft: null });
    expect(await memberKeys()).toEqual([]);
  });

  it('when the ID number consent is refused, nothing is stored and another way is offered', async () => {
    await converse(t.chat, 'web:c2')
      .sendAll('我要入会', '同意', '不同意')
      .expect(/工会服务站现场办理/)
      .expect(/人工/);
    expect((await t.chat.sessions.load('web:c2', NOW)).answers).toEqual({});
    expect(await memberKeys()).toEqual([]);
  });
});

describe('someone who already applied', () => {
  /** `user` applies as 张三, a courier, and the application reaches its reviewer. */
  async function applied(user: string) {
    await courierUpToReview(t.chat, user).send('确认');
    return reviewed(t.core, user);
  }

  it('a pending applicant sees the status instead of a second form, at the start and in 我的会员卡 and 进度', async () => {
    const m = await applied('web:p1');
    await converse(t.chat, 'web:p1')
      .send('我要入会')
      .expect(new RegExp(`已经提交过入会申请，正在审核[\\s\\S]*${m.appNo}（青溪区新业态工会联合会）[\\s\\S]*状态：审核中`))
      .expect(/预计11月23日 \d\d:\d\d前有审核结果|预计\d+月\d+日 \d\d:\d\d前有审核结果/)
      .expect(/还可以办理/)
      .send('我的会员卡')
      .expect(/状态：审核中/)
      .send('进度')
      .expect(new RegExp(`入会申请 ${m.appNo}`));
    expect((await t.chat.sessions.load('web:p1', NOW)).flowId).toBeNull();
  });

  it('another chat typing a registered ID number, with the right name or not, is told the same and learns nothing about the record', async () => {
    await applied('web:p2');
    // The same name and ID from a new WeChat: a name and an ID number are no proof; staff check by phone.
    const same = await consented(t.chat, 'wx:p2-new-phone').sendAll(ZHANG.name, ZHANG.id).expect(/已经有入会记录/).expect(/回复「人工」/).expectNot(/审核中|青溪区新业态|RH\d/).expectNot(/手机号是多少/);
    const other = await consented(t.chat, 'web:p3-other').sendAll(WANG.name, ZHANG.id).expect(/已经有入会记录/).expectNot(/审核中|青溪区新业态|姓名对不上/);
    // No oracle: the answer does not say whether the name matched.
    expect(same.text).toBe(other.text);
    expect(await membersOf(t.core).listByUser('web:p3-other')).toEqual([]);
    expect(await membersOf(t.core).listByUser('wx:p2-new-phone')).toEqual([]);
  });
});
