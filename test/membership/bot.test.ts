/*
 * Joining the union over WeChat: the real GongyouBot plugin on wechaty-puppet-mock, real Redis and
 * real BullMQ workers. The reviewer binds their WeChat (绑定) and approves or rejects there; the
 * card reaches the worker as a PNG file.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { wechatUserKey } from '../../bot/plugin.js';
import { checkCard } from '../../core/membership/card.js';
import { membersOf } from '../../core/membership/store.js';
import { createBindings } from '../../core/staff/binding.js';
import { eventually } from '../support/core.js';
import { startWechatApp } from '../support/wechat-app.js';
import { NOW, ZHANG, cardLinkIn } from './support.js';
import { manualClock } from '../../core/infra/clock.js';

const WORKER = '张师傅';
const REVIEWER = '罗晓燕（青溪区新业态工会联合会）';
const OTHER_REVIEWER = '周雅琴（东龙镇总工会组织委员）';

const app = useFixture(() => startWechatApp({ clock: manualClock(NOW) }));

const say = (name: string, text: string, expected: RegExp) => app.say(name, text, expected);

async function bind(name: string, staffId: string) {
  const code = await createBindings(app.t.core).issueCode(staffId);
  expect(await say(name, `绑定 ${code}`, /绑定成功/)).toMatch(/通过 RH…/);
}

async function apply(): Promise<string> {
  await say(WORKER, '我是快递员，想加入工会', /您同意吗/);
  await say(WORKER, '1', /身份证号需要您单独同意/);
  await say(WORKER, '1', /入会声明/);
  await say(WORKER, '1', /我理解的是：工作方式「新就业形态劳动者」、职业「快递员」。对吗？/);
  await say(WORKER, '对', /姓名/);
  await say(WORKER, ZHANG.name, /18位身份证号/);
  await say(WORKER, '4503021990010112', /您输入了16位/);
  await say(WORKER, ZHANG.id, /手机号/);
  await say(WORKER, ZHANG.phone, /哪个平台/);
  await say(WORKER, '顺丰速运', /您在顺丰是专送还是众包/);
  await say(WORKER, '众包', /常住地.*户籍地/);
  await say(WORKER, '1', /常住地在哪个区/);
  const review = await say(WORKER, '东龙', /请核对您的入会申请/);
  expect(review).toContain('身份证号：4503**********');
  expect(review).not.toContain(ZHANG.id);
  const done = await say(WORKER, '确认', /入会申请已提交/);
  return /RH\d{8}-\d{4}/.exec(done)![0];
}

describe('joining the union over WeChat', () => {
  it('the bound reviewer is told in WeChat, approves with 通过 RH…, and the worker gets the card text and a QR PNG file', async () => {
    await bind(REVIEWER, 'urev-nef');
    const appNo = await apply();

    const notice = await app.w.waitFor(REVIEWER, /【入会申请】/);
    expect(notice.text).toContain(`通过 ${appNo}`);
    expect(notice.text).toContain('身份证号：4503**********');
    expect(notice.text).not.toContain(ZHANG.id);

    // Another union's reviewer may not decide it.
    await bind(OTHER_REVIEWER, 'urev-t01');
    expect(await say(OTHER_REVIEWER, `通过 ${appNo}`, /不归您审核/)).toContain('青溪区新业态工会联合会');

    const approvedFrom = app.t.core.clock.now().getTime();
    expect(await say(REVIEWER, `通过 ${appNo}`, /已通过入会申请/)).toMatch(/会员编号 NEF-QINGXI-000001/);
    expect(await say(REVIEWER, `通过 ${appNo}`, /已经审核通过了/)).toMatch(/不用重复操作/);

    await app.w.waitFor(WORKER, /恭喜您！您的入会申请/);
    const card = await app.w.waitFor(WORKER, /【工会会员卡】/);
    expect(card.text).toContain('会员编号：NEF-QINGXI-000001');
    const file = await app.w.waitForFile(WORKER, /^会员卡二维码-NEF-QINGXI-000001\.png$/);
    expect(file.mediaType).toBe('image/png');
    const png = await app.w.sentFiles(WORKER).at(-1)!.toBuffer();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The QR holds a verify link of this member's card, which checks as valid with the masked name.
    const m = (await membersOf(app.t.core).listByUser(wechatUserKey(app.w.contact(WORKER).id)))[0]!;
    expect(m.status).toBe('approved');
    const link = cardLinkIn(app.t.core, png, m.id, approvedFrom, app.t.core.clock.now().getTime());
    expect(link, 'the PNG is the QR code of the card link').not.toBeNull();
    expect(await checkCard(app.t.core, link!.token)).toEqual({ valid: true, name: '张*', union: '青溪区新业态工会联合会' });

    // 我的会员卡 sends it again.
    await say(WORKER, '我的会员卡', /【工会会员卡】/);
    await app.w.waitForFile(WORKER, /^会员卡二维码-NEF-QINGXI-000001\.png$/);
  });

  it('驳回 RH… 原因 in WeChat reaches the worker with the reason, and the worker corrects and resubmits', async () => {
    await bind(REVIEWER, 'urev-nef');
    const appNo = await apply();
    await app.w.waitFor(REVIEWER, /【入会申请】/);
    expect(await say(REVIEWER, `驳回 ${appNo}`, /原因/)).toMatch(/^驳回需要写明原因/);
    await say(REVIEWER, `驳回 ${appNo} 请填写户籍地`, /已驳回入会申请/);
    const told = await app.w.waitFor(WORKER, /没有通过/);
    expect(told.text).toContain('原因：请填写户籍地');

    await say(WORKER, '我要入会', /上次的入会申请.*没有通过/);
    await say(WORKER, '1', /单独同意/);
    await say(WORKER, '1', /入会声明/);
    const review = await say(WORKER, '1', /请核对您的入会申请/);
    expect(review).toContain('1. 姓名：张三');
    expect(review).toContain('7. 接单方式：众包');
    await say(WORKER, '改 8', /按哪里登记/);
    await say(WORKER, '2', /户籍地在哪个区/);
    await say(WORKER, '马坪镇', /地址：青溪区马坪镇/);
    const again = await say(WORKER, '确认', /入会申请已提交/);
    const second = /RH\d{8}-\d{4}/.exec(again)![0];
    expect(second).not.toBe(appNo);
    const notice = await app.w.waitFor(REVIEWER, new RegExp(`申请编号：${second}`));
    expect(notice.text).toContain(`上次申请 ${appNo} 未通过`);
    await eventually(async () => (await membersOf(app.t.core).getByNo(second))?.reviewer, 5000, 'assigned');
  });
});
