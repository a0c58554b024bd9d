/**
 * Misreadings found by held-out set J (test/nlu/heldout-j: hard negatives and look-alikes) in the joining, legal-aid
 * and menu lines, the values taken wrong first: a case supposed and asked about (`要是受伤了算哪个`) was picked as the
 * answer, `不是我入 是帮我妈问的` was a no to the consent (the flow left), `我只知道叫宏达` kept 「只知道叫宏达」 as the
 * unit. Fixed in the readers for the class of words, never the one sentence; the words here are other people's. Each
 * test failed before its fix; `guard:` lines keep what already worked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:hjm-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const LEGAL_AT_MODE = { consent: true, matter: 'wage', limit: { employed: true }, help: 'lawyer' };
const LEGAL_AT_PHONE = { ...LEGAL_AT_MODE, mode: 'in_person', place: 't08', contactName: '陈文' };
const EMPLOYEE_AT_WORKPLACE = { consent: true, idConsent: true, name: '刘芳', idNumber: '450103199103120523', phone: '15077889900', employment: 'employee', employer: '建国塑料厂' };

describe('held-out set J: a case supposed and asked about is no answer', () => {
  it('要是… / 如果… with a question: nothing picked, nothing kept, at a choice, a consent or a figure', () => {
    const matter = read('legal', 'matter', '要是摔伤了算哪一种', { consent: true });
    expect(matter.intent).toBe('unclear');
    expect(taken(matter).matter).toBeUndefined();
    expect(taken(read('legal', 'mode', '如果视频卡了怎么办', LEGAL_AT_MODE)).mode).toBeUndefined();
    expect(taken(read('legal', 'consent', '要是不同意还能打电话咨询吗')).mode).toBeUndefined();
    expect(taken(read('wage', 'amount', '要是只欠三千也能登记吗')).amount).toBeUndefined();
    // guard: a supposition that answers (no question) still picks; a plain question the knowledge base answers is answered.
    expect(read('legal', 'mode', '如果可以的话 视频吧', LEGAL_AT_MODE).direct.mode).toBe('video');
    expect(read('wage', 'stillEmployed', '要是我走了钱还能要吗').entry).toBe('quit-wages');
  });

  it('in the chat: the question said to be one, the same question again (受伤 was the matter, its day asked next)', async () => {
    await converse(t.chat, someone('suppose'))
      .sendAll('我想约律师', '同意')
      .expect(/您想咨询什么事？/)
      .send('要是受伤了算哪个')
      .expect(/答不上来/)
      .expect(/您想咨询什么事？/)
      .expectNot(/哪天受伤/);
  });
});

describe('held-out set J: joining asked for someone else is no refusal', () => {
  it('不是我入 是帮我老婆问的 at the consent: whom for, never 不同意', () => {
    const p = read('membership', 'consent', '不是我入 是帮我老婆问的');
    expect(p.direct.consent).toBeUndefined();
    expect(p.inferred.forSomeoneElse).toBe('老婆');
    // guard: a plain no is still one.
    expect(read('membership', 'consent', '不同意').direct.consent).toBe(false);
  });

  it('in the chat: she applies herself, and the person is asked their own consent again (the flow was left)', async () => {
    await converse(t.chat, someone('behalf'))
      .send('我想入会')
      .expect(/您同意吗？/)
      .send('不是我入 是帮我老婆问的')
      .expect(/别人不能代办/)
      .expect(/请让她用自己的微信/)
      .expect(/您同意吗？/)
      .expectNot(/没有您的同意我们不会收集/);
  });
});

describe('held-out set J: the unit as the person knows it', () => {
  it('我只知道叫华丰: 华丰, never 「只知道叫华丰」', () => {
    expect(taken(read('membership', 'employer', '我只知道叫华丰', { employment: 'employee' })).employer).toBe('华丰');
    expect(taken(read('wage', 'employer', '俺就知道叫华丰')).employer).toBe('华丰');
  });
});

describe('held-out set J: what it is not, then what it is, with nothing to take back', () => {
  it('不是东龙 是白沙 at the unit’s township after other answers: 白沙, confirmed (was a change of nothing)', () => {
    const p = read('membership', 'workplace', '不是东龙 是白沙', EMPLOYEE_AT_WORKPLACE);
    expect(p.intent).toBe('answer');
    expect(p.direct.workplace).toBeUndefined();
    expect(p.inferred.workplace).toBe('t02');
    // guard: the unit named as what it is not is still a change of it.
    expect(read('membership', 'workplace', '不是建国塑料厂 是建国五金厂', EMPLOYEE_AT_WORKPLACE).intent).toBe('correction');
  });
});

describe('held-out set J: questions at the menu and in a form', () => {
  it('a question inside the clause that says it is only asked (我不是要办入会 就问问…): answered, joining not begun', () => {
    expect(read(null, null, '我不是要办入会 就问问入会单位会知道吗')).toMatchObject({ intent: 'question', entry: 'union-join-boss' });
  });

  it('真的假的 asks: whether we can really get the wages back is answered, no report begun', () => {
    expect(read(null, null, '听说你们能帮忙要工钱 真的假的')).toMatchObject({ intent: 'question', entry: 'does-reporting-help' });
  });

  it('while booking a union lawyer, a price asked with no service named is the consultation’s (never formal legal aid’s)', () => {
    expect(read('legal', 'mode', '打视频的话要钱吗', LEGAL_AT_MODE).entry).toBe('lawyer-consult-free');
    // guard: legal aid named is legal aid.
    expect(read('legal', 'mode', '法律援助要钱吗', LEGAL_AT_MODE).entry).toBe('legal-aid-eligibility');
  });

  it('a report made before, named to say what is the same (电话跟之前反映欠薪时一样), is no wage report begun', () => {
    expect(read('legal', 'phone', '电话跟之前反映欠薪时一样', LEGAL_AT_PHONE).intent).not.toBe('wage');
    // guard: the report asked for is still begun.
    expect(read('legal', 'phone', '我想反映欠薪', LEGAL_AT_PHONE).intent).toBe('wage');
  });
});
