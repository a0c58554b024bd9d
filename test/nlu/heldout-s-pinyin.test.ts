/**
 * Messages typed in pinyin (held-out set S, test/nlu/heldout-s): read as the chat reads them.
 *  - parity: the chat's pinyin reading is one function (flows/nlu/understand.ts `pinyinHeard`) used by the chat and the
 *    evaluator; a bare menu number as a first message is the menu's pick in both (flows/engine.ts `menuPicked`);
 *  - pinyin that spells a command, a skip word or a known platform or place is never kept as typed;
 *  - a township, a community or a platform spelled in pinyin is proposed in characters (confirmed), never kept unasked;
 *  - an option picked by a word of its own (`lv shi`, `hu ji`), commands (`fan hui`, `zhu cai dan`), a service asked
 *    for (`wo yao ru gonghui`).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const WAGE_AT_ACCOUNT = { consent: true, employer: '宏达建筑', location: 't02', construction: true, project: '沙湾村安置房' };
const MEMBER = { consent: true, idConsent: true, name: '韦秀英', idNumber: '450122196509081021', phone: '13877123456' };

describe('pinyin: the evaluator reads what the chat reads', () => {
  it('an option spelled in pinyin where options are offered (tong yi at the consent)', () => {
    expect(read('wage', 'consent', 'tong yi').direct.consent).toBe(true);
    expect(read('wage', 'consent', 'bu tong yi').direct.consent).toBe(false);
    expect(read('membership', 'consent', 'tongyi').direct.consent).toBe(true);
    expect(read('wage', 'confirm', 'dui', { employer: '宏达建筑' }).intent).toBe('yes');
  });

  it('a bare menu number as the first message picks from the menu', () => {
    expect(read(null, null, '1').intent).toBe('membership');
    expect(read(null, null, '2').intent).toBe('wage');
    expect(read(null, null, '3').intent).toBe('legal');
    expect(read(null, null, '4').intent).toBe('progress');
    expect(read(null, null, '5').intent).toBe('human');
  });
});

describe('pinyin: a command, a skip word, a platform or a place spelled is never kept as typed', () => {
  it('jin du at the employer question is the progress asked for, never an employer 「jin」', () => {
    const p = read('membership', 'employer', 'jin du', { ...MEMBER, employment: 'employee' });
    expect(p.intent).toBe('progress');
    expect(taken(p).employer).toBeUndefined();
  });

  it('ren gong at the project question is a person asked for, never a project', () => {
    const p = read('wage', 'project', 'ren gong', { consent: true, employer: '宏达建筑', location: 't02', construction: true });
    expect(p.intent).toBe('human');
    expect(taken(p).project).toBeUndefined();
  });

  it('tiao guo at the account question is the skip, never the account', () => {
    expect(taken(read('wage', 'account', 'tiao guo', WAGE_AT_ACCOUNT)).account).not.toBe('tiao guo');
    expect(taken(read('wage', 'project', 'tiao guo', { consent: true, employer: '宏达建筑', location: 't02', construction: true })).project).toBeNull();
  });

  it('a platform spelled in pinyin is proposed in characters', () => {
    for (const [said, name] of [['mei tuan', '美团'], ['dou yin', '抖音'], ['huo la la', '货拉拉'], ['eleme', '饿了么']] as const) {
      const p = read('membership', 'platform', said, { ...MEMBER, employment: 'new_form' });
      expect(p.direct.platform).toBeUndefined();
      expect(p.inferred.platform).toBe(name);
    }
  });

  it('不对 是 baisha at 「…对吗？」: the township meant, proposed; never an employer 「baisha」', () => {
    const p = read('wage', 'confirm', '不对 是 baisha', { employer: '宏达建筑', location: 't08' });
    expect(p.intent).toBe('no');
    expect(taken(p).employer).toBeUndefined();
    expect(p.inferred.location).toBe('t02');
  });
});

describe('pinyin: what a careful reader is sure of', () => {
  it('a township or a community spelled, joined or spaced, with or without its suffix: proposed, confirmed', () => {
    for (const [said, id] of [['baisha', 't02'], ['bai sha', 't02'], ['nan tang', 't10'], ['hexi', 't08'], ['dong long zhen', 't01'], ['我在 baisha 住', 't02']] as const) {
      const p = read('wage', 'location', said, { consent: true, employer: '宏达建筑' });
      expect(p.direct.location).toBeUndefined();
      expect(p.inferred.location).toBe(id);
    }
    const village = read('wage', 'location', '我在 zhu yuan cun', { consent: true, employer: '宏达建筑' });
    expect(village.inferred).toEqual({ location: 't01', community: '竹园村' });
    expect(read('membership', 'residence', 'bai sha', { ...MEMBER, employment: 'new_form' }).inferred.residence).toBe('t02');
    expect(read('legal', 'place', 'nan tang', { consent: true, matter: 'wage', limit: { employed: true }, help: 'lawyer', mode: 'in_person' }).inferred.place).toBe('t10');
  });

  it('one syllable never decides a place (nan, xin, dong)', () => {
    for (const said of ['nan', 'xin', 'dong']) expect(taken(read('wage', 'location', said, { consent: true, employer: '宏达建筑' })).location).toBeUndefined();
  });

  it('an option picked by a word of its own, or by our words (lv shi, dian hua, hu ji, kuai di, gongzi mei fa)', () => {
    const legal = { consent: true, matter: 'wage', limit: { employed: true } };
    expect(read('legal', 'help', 'lv shi', legal).direct.help).toBe('lawyer');
    expect(read('legal', 'help', 'jian cha guan', legal).direct.help).toBe('procurator');
    expect(read('legal', 'mode', 'dian hua', { ...legal, help: 'lawyer' }).direct.mode).toBe('phone');
    expect(read('legal', 'matter', 'gongzi mei fa', { consent: true }).direct.matter).toBe('wage');
    expect(read('legal', 'matter', 'he tong', { consent: true }).direct.matter).toBe('contract');
    expect(read('membership', 'occupation', 'kuai di', { ...MEMBER, employment: 'new_form' }).direct.occupation).toBe('courier');
    expect(read('membership', 'placeKind', 'hu ji', { ...MEMBER, employment: 'new_form', occupation: 'food_delivery', platform: '美团', riderType: 'crowd' }).direct.placeKind).toBe('hukou');
  });

  it('commands and a service asked for in pinyin', () => {
    expect(read('legal', 'matter', 'fan hui', { consent: true }).intent).toBe('back');
    expect(read(null, null, 'zhu cai dan').intent).toBe('menu');
    expect(read('membership', 'residence', 'hui zhu cai dan', { ...MEMBER, employment: 'new_form' }).intent).toBe('menu');
    expect(read(null, null, 'wo yao ru gonghui').intent).toBe('membership');
    expect(read('legal', 'matter', 'wo yao ru gonghui', { consent: true }).intent).toBe('membership');
    expect(read('wage', 'groupAmount', 'bu zhi dao', { ...WAGE_AT_ACCOUNT, headcount: { count: 3, approximate: false } }).direct.groupAmount).toBeNull();
  });

  // guard: Latin letters that are no pinyin to read stay what they were.
  it('a Latin-letter employer, English words and a name typed in pinyin are kept as before', () => {
    expect(read('wage', 'employer', 'ABC公司', { consent: true }).direct.employer).toBe('ABC公司');
    expect(read('wage', 'employer', 'ok', { consent: true }).intent).toBe('smalltalk');
    expect(read(null, null, 'hi').intent).toBe('smalltalk');
    expect(taken(read('wage', 'employer', 'liu dazhuang', { consent: true })).employer).toBe('liu dazhuang');
    expect(read('membership', 'platform', 'liu dazhuang', { ...MEMBER, employment: 'new_form' }).inferred.platform).toBeUndefined();
  });
});

describe('pinyin in the chat', () => {
  it('a township typed in pinyin is said back in characters and asked to confirm', async () => {
    await converse(t.chat, 'web:hs-pinyin-place').sendAll('老板欠我工资', '同意', '好再来饭店').send('baisha').expect(/干活的地方「白沙镇」。对吗？/);
  });

  it('a menu number as the first message starts that service', async () => {
    await converse(t.chat, 'web:hs-pinyin-menu').send('2').expect(/反映欠薪前，需要您同意/);
  });

  it('an option picked in pinyin by a word of its own is said back', async () => {
    await converse(t.chat, 'web:hs-pinyin-matter').sendAll('我要预约法律援助', '同意').send('gongzi mei fa').expect(/您打的是拼音，我理解为「欠薪」/);
  });
});
