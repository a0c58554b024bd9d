/*
 * Joining and booking legal aid in workers' own words, looked at afresh (helper h29), on real Redis:
 *  - A name with 乾, 於 or 徵 (characters simplified writing has too): `张乾`, `王乾` are never kept as 张干, 王干
 *    (the traditional-to-simplified reading turned them so), `於小梅` never 于小梅; `張乾` typed in traditional
 *    characters reads as 张乾, confirmed (it must match the card), `張偉` as 张伟, confirmed.
 *  - `我住在白沙镇` where the unit's town is asked: where home is, never the unit's town (the application would go
 *    to another union); the unit's town asked again.
 *  - `我今年五十八了` where the ID number is asked: the age, which the number gives (never 「只能包含数字」).
 *  - `没受伤` in a booking: no injury, never a change of the matter to 工伤 offered; `没受伤 是社保没交` offers 社保.
 * The clock stands at Tuesday 1 December 2026 (injected).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h29-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_NAME = ['我想入会', '同意', '同意', '确认'];

describe('joining: a name with a character simplified writing shares with traditional', () => {
  for (const [said, kept] of [
    ['张乾', '张乾'],
    ['王 乾', '王乾'],
    ['於小梅', '於小梅'],
    ['李徵', '李徵'],
  ] as const) {
    it(`${said} is kept as ${kept}`, async () => {
      const user = someone('name-as-typed');
      await converse(t.chat, user).sendAll(...TO_NAME).send(said).expect(/身份证号码/);
      const s = await session(user);
      expect(s.answers.name).toBe(kept);
    });
  }

  it('張乾 typed in traditional characters: 张乾, confirmed before it counts', async () => {
    const user = someone('trad-qian');
    await converse(t.chat, user).sendAll(...TO_NAME).send('張乾').expect(/姓名「张乾」。对吗/).send('对').expect(/身份证号码/);
    const s = await session(user);
    expect(s.answers.name).toBe('张乾');
  });

  it('張偉: read as 张伟 and confirmed', async () => {
    const user = someone('trad-wei');
    await converse(t.chat, user).sendAll(...TO_NAME).send('張偉').expect(/姓名「张伟」。对吗/);
    const s = await session(user);
    expect(s.answers.name ?? null).toBeNull();
    expect(s.pending?.values.name).toBe('张伟');
  });

  it('我叫張乾 電話13800138000 at the name question: 张乾 with the phone, confirmed', async () => {
    const user = someone('trad-both');
    await converse(t.chat, user).sendAll(...TO_NAME).send('我叫張乾 電話13800138000').expect(/姓名「张乾」、手机号「13800138000」/);
  });

  it('老板欠我三个月工资 我叫王乾: the contact is 王乾', async () => {
    const user = someone('wage-qian');
    await converse(t.chat, user).send('老板欠我三个月工资 我叫王乾').send('同意').expect(/联系人「王乾」/).expectNot(/王干/);
  });

  it('张伟 (plain simplified): kept as typed, asked nothing more (guard)', async () => {
    const user = someone('plain');
    await converse(t.chat, user).sendAll(...TO_NAME).send('张伟').expect(/身份证号码/);
    expect((await session(user)).answers.name).toBe('张伟');
  });
});

describe("joining: the unit's town, not home", () => {
  const TO_WORKPLACE = [...TO_NAME, '李明', '450102199003071238', '13800138000', '1', '好再来饭店'];

  for (const said of ['我住在白沙镇', '住白沙镇', '户口是石岭的']) {
    it(`${said} where the unit's town is asked: no unit town kept, the question asked again`, async () => {
      const user = someone('home-not-unit');
      await converse(t.chat, user).sendAll(...TO_WORKPLACE).send(said).expect(/这里问的是单位在哪个镇或街道/);
      const s = await session(user);
      expect(s.answers.workplace ?? null).toBeNull();
      expect(s.pending?.values.workplace ?? null).toBeNull();
      expect(s.fieldId).toBe('workplace');
    });
  }

  it("then 东龙镇: the unit's town (guard)", async () => {
    const user = someone('home-then-unit');
    await converse(t.chat, user).sendAll(...TO_WORKPLACE, '我住在白沙镇').send('东龙镇').expect(/按哪里登记/);
    expect((await session(user)).answers.workplace).toEqual({ districtId: 'qingxi', townshipId: 't01' });
  });

  it('白沙镇 alone: the unit there (guard)', async () => {
    const user = someone('unit-town');
    await converse(t.chat, user).sendAll(...TO_WORKPLACE).send('白沙镇').expect(/按哪里登记/);
    expect((await session(user)).answers.workplace).toEqual({ districtId: 'qingxi', townshipId: 't02' });
  });
});

describe('joining: the age where the ID number is asked', () => {
  for (const said of ['我今年五十八了', '今年58了']) {
    it(`${said}: the number gives the age, asked plainly`, async () => {
      const user = someone('age');
      await converse(t.chat, user).sendAll(...TO_NAME, '李明').send(said).expect(/出生年月会从身份证号里读出来/).expectNot(/只能包含数字/);
      expect((await session(user)).answers.idNumber ?? null).toBeNull();
    });
  }
});

describe('booking legal aid: an injury denied', () => {
  it('没受伤 at the question of whom to see: no change of the matter to 工伤 offered', async () => {
    const user = someone('no-injury');
    await converse(t.chat, user).sendAll('预约法律援助', '同意', '1', '还在干').send('没受伤').expectNot(/工伤/);
    const s = await session(user);
    expect(s.answers.matter).toBe('wage');
    expect(s.pending?.values.matter ?? null).toBeNull();
  });

  it('没受伤 at the matter question: no matter taken, the question again', async () => {
    const user = someone('no-injury-matter');
    await converse(t.chat, user).sendAll('预约法律援助', '同意').send('没受伤').expect(/您想咨询什么事/);
    const s = await session(user);
    expect(s.answers.matter ?? null).toBeNull();
    expect(s.pending?.values.matter ?? null).toBeNull();
  });

  it('没受伤 是社保没交 at the injury day: 社保 offered as the change', async () => {
    const user = someone('no-injury-insurance');
    await converse(t.chat, user).sendAll('预约法律援助', '同意', '2').send('没受伤 是社保没交').expect(/咨询的事「社保」/);
  });

  it('没有工伤保险 腿摔断了: still an injury (guard)', async () => {
    const user = someone('injury-no-insurance');
    await converse(t.chat, user).sendAll('预约法律援助', '同意').send('没有工伤保险 腿摔断了').expect(/哪天受伤/);
    expect((await session(user)).answers.matter).toBe('injury');
  });
});
