/*
 * Reporting for someone else (probe round 8, /tmp/probe8/findings.md A1-A3), on real Redis.
 *  - A3: the pre-filled 劳动仲裁申请书 / 起诉状 / 证据清单 of a case reported for someone else name the
 *    worker owed as 申请人 (blank when the name is unknown), never the reporter, and leave the phone blank;
 *    a booking made for someone else (为儿子预约) leaves the name blank too.
 *  - A1: at 「怎么称呼您」, `王大军 是我爸 我替他问的` is for the father (confirmed), the person's own name asked
 *    after; `我是王小明 帮我爸王大军问的` is the father's case with 王小明 the contact, both confirmed.
 *  - A2: openings `老婆的工资被拖欠了`, `我老婆在饭店干活老板不给工资`, `我老乡被欠薪了`,
 *    `我老婆在好再来饭店干活 老板三个月没给工资 一个月四千` ask whose wages; `老板三个月没给工资 我老婆也在这干`
 *    (也: the person works there too) does not.
 * Today is Saturday 21 November 2026 (a scenario clock).
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../core/documents/index.js';
import { findOwedFor } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';
import { createBookings } from '../../core/legal-aid/index.js';
import { scenarioClock } from '../support/clock.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { converseUntil, docxText, monthBack, reportWage } from '../documents/support.js';

const clock = scenarioClock('2026-11-21', '10:00');
const t = useFixture(() => startTestCore({ clock }));

async function caseOf(caseNo: string) {
  const c = await t.core.cases.getByNo(caseNo);
  if (!c) throw new Error(`no case ${caseNo}`);
  return c;
}

describe('A3 documents for a case reported for someone else', () => {
  it('the worker named (王大军) is 申请人 / 原告 / 提交人, with blank ID and phone; the son who reported is not in them', async () => {
    const caseNo = await reportWage(t.chat, 'web:b8-doc1', clock, {
      first: '我爸的工资被拖欠了',
      answers: [
        [/还是您替父亲反映/, '2'],
        [/被欠工资的人叫什么/, '王大军'],
        [/哪段时间/, '今年3月到8月'],
        [/怎么称呼/, '王小明'],
        [/手机号/, '13700004444'],
      ],
    });
    const c = await caseOf(caseNo);
    expect(c.wage?.onBehalf).toEqual({ relation: expect.any(String), workerName: '王大军' });
    expect(c.reporter.name).toBe('王小明');
    const arbitration = docxText(await render(t.core, 'arbitration', c));
    expect(arbitration).toContain('申请人：王大军');
    expect(arbitration).toMatch(/联系电话：_{6,}/);
    expect(arbitration).toMatch(/身份证号码：_{6,}/);
    expect(arbitration).toMatch(/王大军本人，不是替他反映的人/);
    const complaint = docxText(await render(t.core, 'complaint', c));
    expect(complaint).toMatch(/原告：王大军/);
    const evidence = docxText(await render(t.core, 'evidence', c));
    expect(evidence).toContain('提交人：王大军');
    for (const text of [arbitration, complaint, evidence]) {
      expect(text).not.toContain('王小明');
      expect(text).not.toContain('13700004444');
    }
    // The worker's name unknown (erased by 删除我的信息): a blank to fill in, never the reporter.
    const unnamed = { ...c, wage: { ...c.wage!, onBehalf: { relation: '爸', workerName: null } } };
    const blank = docxText(await render(t.core, 'arbitration', unnamed));
    expect(blank).toMatch(/申请人：_{6,}/);
    expect(blank).toContain('请填上他的姓名');
    expect(blank).not.toContain('王小明');
  });

  it('a legal-aid booking made for a son: the 起诉状 leaves the 原告 blank, not the parent who booked', async () => {
    await converseUntil(
      t.chat,
      'web:b8-book',
      '我想找律师',
      [
        [/裁决书/, '1'],
        [/同意吗/, '1'],
        [/我理解的是.*对吗/s, '对'],
        [/咨询什么事/, '1'],
        [/还在这家单位干吗/, `${monthBack(clock, 1)}15日`],
        [/哪个镇或街道/, '东龙'],
        [/找谁帮忙/, '1'],
        [/怎么咨询/, '1'],
        [/服务点/, '1'],
        [/空闲时间|还能约的时间/, '1'],
        [/怎么称呼/, '李四'],
        [/手机号/, '13900139000'],
        [/请核对/, '确认'],
      ],
      /预约成功/,
    );
    const [b] = await createBookings(t.core).listByUser('web:b8-book', 10);
    expect(b).toBeDefined();
    const own = docxText(await render(t.core, 'complaint', b!));
    expect(own).toContain('李四');
    const forSon = docxText(await render(t.core, 'complaint', { ...b!, forWhom: '儿子' }));
    expect(forSon).toMatch(/原告：_{6,}/);
    expect(forSon).not.toContain('李四');
    expect(forSon).not.toContain('13900139000');
  });
});

/** A report of the person's own, up to 「怎么称呼您」. */
function upToName(user: string) {
  return converse(t.chat, user)
    .send('老板拖了我三个月工资')
    .send('1')
    .sendAll('对', '宏达建筑', '东龙', '不清楚', '不是', '8000', '就我一个', '还在干', '都跳过', '没有')
    .expect(/怎么称呼您？请写您的姓名/);
}

async function newestCase(user: string) {
  const [c] = await t.core.cases.listByUser(user, 10);
  return c!;
}

describe('A1 someone else named at the contact-name question', () => {
  it('王大军 是我爸 我替他问的: for the father, confirmed; the person\'s own name asked, never 王大军 as the contact', async () => {
    await upToName('web:b8-n1')
      .send('王大军 是我爸 我替他问的')
      .expect(/我理解的是：代为反映「替父亲王大军反映」。对吗？/)
      .expectNot(/联系人「王大军」/)
      .send('对')
      .expect(/怎么称呼您？请写您自己的姓名/)
      .send('王小明')
      .expect(/手机号/)
      .send('13700001111')
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/联系人：王小明/)
      .send('确认')
      .expect(/提交成功/);
    const c = await newestCase('web:b8-n1');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小明');
  });

  it('我是王小明 帮我爸王大军问的: the father\'s case and 王小明 the contact, confirmed together', async () => {
    await upToName('web:b8-n2')
      .send('我是王小明 帮我爸王大军问的')
      .expect(/我理解的是：代为反映「替父亲王大军反映」、联系人「王小明」。对吗？/)
      .send('对')
      .expect(/手机号/)
      .send('13700001111')
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/联系人：王小明/)
      .send('确认')
      .expect(/提交成功/);
    const c = await newestCase('web:b8-n2');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小明');
  });
});

describe('A2 openings about a wife\'s or a 老乡\'s wages', () => {
  it.each([
    ['老婆的工资被拖欠了', '妻子'],
    ['我老婆在饭店干活老板不给工资', '妻子'],
    ['我老乡被欠薪了', '老乡'],
    ['我老婆在好再来饭店干活 老板三个月没给工资 一个月四千', '妻子'],
  ])('%s: asks whose wages (替%s反映)', async (opening, title) => {
    await converse(t.chat, `web:b8-o-${opening.length}`)
      .send(opening)
      .expect(new RegExp(`被欠工资的是您本人，还是您替${title}反映？`))
      .expect(new RegExp(`2\\. 替${title}反映`));
  });

  it.each(['老板三个月没给工资 我老婆也在这干', '我老婆也在饭店干活 老板不给工资', '我和我老婆在饭店干活 老板不给工资'])(
    '%s: the person\'s own report, nothing asked about whose',
    async (opening) => {
      expect(findOwedFor(opening)).toBeNull();
      await converse(t.chat, `web:b8-own-${opening.length}`).send(opening).expectNot(/被欠工资的是您本人/).expect(/同意/);
    },
  );
});
