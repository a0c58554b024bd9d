/*
 * The employer question answered in a worker's own words, where the words around the name were kept as the name or
 * the name was refused at every try:
 * - `去宏达厂`, `跑顺丰快递`, `给王老板干` were stored whole (用人单位：去宏达厂); now the name alone, proposed;
 * - `去饭店`, `跑快递`, `以前干的饭店` (「以前干」 proposed) are a kind of workplace: which one asked;
 * - `九月份开始的`, `9月到现在`, `三个月` are when, never a name (「到现在」 was taken as one);
 * - `开元酒店`, `开心农场`, `想家饭馆`, `做好家政`: names that start as a verb would were refused every time (a loop);
 *   now proposed as said, for a yes.
 * Today is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const EMPLOYER_ASKED = /欠您工资的单位叫什么名字/;
const TOWNSHIP_ASKED = /您在哪个镇或街道干活/;

function atEmployer(user: string) {
  return converse(t.chat, user).sendAll('老板欠我工资', '同意').expect(EMPLOYER_ASKED);
}

describe('a name after a verb of going or working for', () => {
  for (const [i, [said, name]] of ([
    ['去宏达厂', '宏达厂'],
    ['跑顺丰快递', '顺丰快递'],
    ['进了宏达电子厂', '宏达电子厂'],
  ] as const).entries()) {
    it(`${said}: 「${name}」 proposed, never kept whole`, async () => {
      await atEmployer(`web:ev${i}`)
        .send(said)
        .expect(new RegExp(`我理解的是：用人单位「${name}」。对吗？`))
        .send('对')
        .expect(TOWNSHIP_ASKED);
    });
  }

  it('给王老板干: 「王老板」 (which kind of employer asked with it), never the words whole', async () => {
    await atEmployer('web:evw').send('给王老板干').expect(/「王老板」是哪一种？/).expectNot(/给王老板干」/);
  });

  it('给一个老板干: the boss’s name or surname asked', async () => {
    await atEmployer('web:evb').send('给一个老板干').expect(/老板或包工头叫什么？知道姓也行/).expectNot(TOWNSHIP_ASKED);
  });
});

describe('a kind of workplace said with a verb', () => {
  for (const [i, [said, which]] of ([
    ['去饭店', '饭店'],
    ['跑快递', '快递公司'],
    ['以前干的饭店', '饭店'],
    ['在电子厂上班', '电子厂'],
  ] as const).entries()) {
    it(`${said}: which ${which} asked`, async () => {
      await atEmployer(`web:ek${i}`).send(said).expect(new RegExp(`是哪个${which}呢？`)).expectNot(TOWNSHIP_ASKED).expectNot(/以前干/);
    });
  }
});

describe('when, at the employer question', () => {
  it('九月份开始的 到现在: the period proposed, no employer', async () => {
    await atEmployer('web:et1').send('九月份开始的 到现在').expect(/拖欠时间「2026年9月至今（3个月）」。对吗/).expectNot(/到现在」是哪一种/);
  });

  for (const [i, [said, period]] of ([
    ['九月份开始的', '2026年9月至今（3个月）'],
    ['6月份开始', '2026年6月至今（6个月）'],
  ] as const).entries()) {
    // guard: the period question's answer given early was proposed as the period before (the name check is behind it).
    it(`${said}: the period proposed`, async () => {
      await atEmployer(`web:et${i + 2}`).send(said).expect(new RegExp(`拖欠时间「${period.replace(/[()（）]/g, '.')}」。对吗`)).expectNot(/用人单位「/);
    });
  }
});

describe('names that start as a verb would', () => {
  for (const [i, name] of ['开元酒店', '开心农场', '想家饭馆', '做好家政'].entries()) {
    it(`${name}: proposed as said (was refused at every try)`, async () => {
      await atEmployer(`web:en${i}`)
        .send(name)
        .expect(new RegExp(`我理解的是：用人单位「${name}」。对吗？`))
        .send('对')
        .expect(TOWNSHIP_ASKED);
    });
  }

  // guard: a verb and a kind of unit is still no name.
  for (const [i, said] of ['开个饭店', '开小饭馆', '做装修公司', '上班的厂'].entries()) {
    it(`${said}: never proposed as a name`, async () => {
      await atEmployer(`web:eg${i}`).send(said).expectNot(/用人单位「/).expectNot(TOWNSHIP_ASKED);
    });
  }

  // guard: names with a month in them are names (`五月花酒店`, `九月花园项目`).
  for (const [i, name] of ['五月花酒店', '九月花园项目'].entries()) {
    it(`${name}: a name`, async () => {
      await atEmployer(`web:em${i}`).send(name).expectNot(/说的是时间/);
    });
  }
});

describe('the employer not known, said again', () => {
  it('不知道 twice: another way to find it the second time (it was the same words twice), a person the third', async () => {
    const c = atEmployer('web:enk');
    const first = (await c.send('不知道')).text;
    const second = (await c.send('不知道')).text;
    expect(first).toMatch(/不知道全称也没关系/);
    expect(second).not.toBe(first);
    expect(second).toMatch(/姓什么/);
    expect(second).toMatch(/人工/);
    await c.send('姓刘的包工头').expect(TOWNSHIP_ASKED);
  });
});

describe('a boss described, not named', () => {
  for (const [i, said] of ['小老板', '名字不清楚 是个做装修的小老板', '大包工头'].entries()) {
    it(`${said}: never proposed as the employer's name (it was 「小老板」 for a yes)`, async () => {
      await atEmployer(`web:eb${i}`).send(said).expectNot(/用人单位「/).expectNot(/「小老板」是哪一种/).expectNot(TOWNSHIP_ASKED);
    });
  }
});
