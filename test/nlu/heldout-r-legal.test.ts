/**
 * Held-out set R (test/nlu/heldout-r), legal aid: answers given as a description of the situation instead of a choice
 * (the matter, who helps, the way to meet, the day they left), and hedges that decide nothing. A description that maps
 * to an option is proposed (「…对吗？」), never kept unasked. Each test failed before its fix; `guard:` lines keep what
 * already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const AT_MATTER = { consent: true };
const AT_HELP = { consent: true, matter: 'wage' };
const AT_MODE = { consent: true, matter: 'injury', help: 'lawyer' };
const AT_LIMIT = { consent: true, matter: 'contract' };

describe('held-out set R, legal aid: the matter told, not picked', () => {
  it('a threat to dock pay, an ID card held: no wage matter; 其他', () => {
    const threat = read('legal', 'matter', '老板天天骂人 还说要扣我钱吓唬我', AT_MATTER);
    expect(threat.direct.matter).toBe('other');
    const held = read('legal', 'matter', '押金不退 身份证也被扣着', AT_MATTER);
    expect(held.direct.matter).toBe('other');
    // guard: pay docked is still the wage matter.
    expect(taken(read('legal', 'matter', '老板乱扣钱', AT_MATTER)).matter).toBe('wage');
    expect(taken(read('legal', 'matter', '被站长扣了500', AT_MATTER)).matter).toBe('wage');
  });

  it('a hedge decides nothing: `跟工伤有点关系吧 又不全是` is asked again', () => {
    const p = read('legal', 'matter', '跟工伤有点关系吧 又不全是', AT_MATTER);
    expect(p.intent).toBe('unclear');
    expect(taken(p).matter).toBeUndefined();
    // guard: the injury said plainly is still the injury.
    expect(taken(read('legal', 'matter', '在厂里受伤了', AT_MATTER)).matter).toBe('injury');
  });

  it('dismissal, pay not paid, a commute accident: proposed as their matters; 劝退 and a beating are plain', () => {
    for (const [text, matter] of [
      ['老板说我不用来了 一分钱补偿没有', 'contract'],
      ['上个月的钱到现在没发', 'wage'],
      ['下班路上骑电动车被人撞了', 'injury'],
    ] as const) {
      const p = read('legal', 'matter', text, AT_MATTER);
      expect(p.direct.matter, text).toBeUndefined();
      expect(p.inferred.matter, text).toBe(matter);
    }
    expect(taken(read('legal', 'matter', '怀孕了被劝退', AT_MATTER)).matter).toBe('contract');
    expect(taken(read('legal', 'matter', '被组长打了', AT_MATTER)).matter).toBe('other');
    expect(taken(read(null, null, '怀孕了被劝退 想约律师')).matter).toBe('contract');
  });

  it('in the chat: the hedge gets what to pick; a commute accident is confirmed as 工伤', async () => {
    await converse(t.chat, 'web:hr-legal-hedge')
      .sendAll('我想找律师', '同意')
      .send('跟工伤有点关系吧 又不全是')
      .expect(/选最接近的一项就行/)
      .expectNot(/受伤/)
      .send('下班路上骑电动车被人撞了')
      .expect(/一般也能认定工伤[\s\S]*咨询的事「工伤」。对吗？/);
  });
});

describe('held-out set R, legal aid: who helps, told', () => {
  it('a lawyer said to be of no use names none; the procurator beside it is the one', () => {
    const cousin = read('legal', 'help', '我表哥说找律师没用', AT_HELP);
    expect(cousin.intent).toBe('unclear');
    expect(taken(cousin).help).toBeUndefined();
    expect(taken(read('legal', 'help', '找检察官吧 律师我找过了没用', AT_HELP)).help).toBe('procurator');
    // guard: a lawyer asked for plainly.
    expect(taken(read('legal', 'help', '找律师吧', AT_HELP)).help).toBe('lawyer');
  });

  it('not daring to sue alone: the procurator, proposed; advice only: the lawyer, proposed', () => {
    const alone = read('legal', 'help', '我一个人不敢去打官司 想有人支持', AT_HELP);
    expect(alone.direct.help).toBeUndefined();
    expect(alone.inferred.help).toBe('procurator');
    const ask = read('legal', 'help', '就想咨询一下 看看我这个该怎么弄', AT_HELP);
    expect(ask.direct.help).toBeUndefined();
    expect(ask.inferred.help).toBe('lawyer');
  });

  it('a first message asking the procuratorate to help sue: the procurator', () => {
    expect(taken(read(null, null, '公司从来不给交社保 想让检察院帮我告它')).help).toBe('procurator');
  });

  it('in the chat: 找检察官吧 律师我找过了没用 is no lawyer named', async () => {
    await converse(t.chat, 'web:hr-legal-help')
      .sendAll('我想预约法律援助', '同意', '1', '还在干')
      .send('找检察官吧 律师我找过了没用')
      .expectNot(/预约不能指定律师/)
      .expect(/检察官面对面/);
  });
});

describe('held-out set R, legal aid: the way to meet, told', () => {
  it('seeing a face, seeing the person, walking over, being called: proposed as video, in person, phone', () => {
    for (const [text, mode] of [
      ['要见到人我才放心', 'in_person'],
      ['能看到脸就行 不用跑过去', 'video'],
      ['我离得近 走过去就到', 'in_person'],
      ['上班走不开 晚上能打给我吗', 'phone'],
    ] as const) {
      const p = read('legal', 'mode', text, AT_MODE);
      expect(p.direct.mode, text).toBeUndefined();
      expect(p.inferred.mode, text).toBe(mode);
    }
    // guard: no trip, no way named, still offers the two.
    expect(taken(read('legal', 'mode', '不用跑过去', AT_MODE)).mode).toBeUndefined();
  });

  it('face to face wished by someone else while away: no way picked, asked', () => {
    const p = read('legal', 'mode', '我老爸想当面问 我在外地', AT_MODE);
    expect(p.intent).toBe('unclear');
    expect(taken(p).mode).toBeUndefined();
    // guard: 当面 alone is still face to face.
    expect(taken(read('legal', 'mode', '当面谈吧', AT_MODE)).mode).toBe('in_person');
  });
});

describe('held-out set R, legal aid: the day they left, told', () => {
  it('国庆前一天就没去了, 双十一那天走的, 昨天被叫走人的', () => {
    const before = read('legal', 'limit', '国庆前一天就没去了', AT_LIMIT);
    expect(before.direct.limit).toBeUndefined();
    expect(before.inferred.limit).toEqual({ leftOn: '2026-09-30' });
    const eleven = read('legal', 'limit', '双十一那天走的', AT_LIMIT);
    expect(eleven.direct.limit).toBeUndefined();
    expect(eleven.inferred.limit).toEqual({ leftOn: '2026-11-11' });
    expect(taken(read('legal', 'limit', '昨天被叫走人的', AT_LIMIT)).limit).toEqual({ leftOn: '2026-11-30' });
  });

  it('in the chat: 中秋节前后 is read as about that day, to confirm', async () => {
    await converse(t.chat, 'web:hr-legal-about')
      .sendAll('我想找律师', '同意', '3')
      .send('中秋节前后')
      .expect(/中秋节按2026年9月25日左右算。[\s\S]*对吗？/);
  });
});
