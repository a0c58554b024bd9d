/*
 * Legal aid, probe round 5: the price asked with a request for a lawyer in the middle of another form
 * (`我想找律师 要钱吗` while reporting wages, `找律师要收费吗 我想约一个` while joining) is answered from the
 * knowledge base, then the booking starts as any switch does (the form saved, and said so); a booking asked
 * for someone else (`我想帮我爸约个律师`, `给我老婆预约法律咨询`) says plainly, before its consent, whose
 * booking it is and who comes to it. Transcripts on the real chat service and real Redis; today is Tuesday
 * 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { bookingForOther } from '../../flows/legal-aid.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);
const sessionOf = (user: string) => t.chat.sessions.load(user, clock.now());

const FREE = /不收费。在这里反映欠薪、找工会协调、预约工会律师咨询都是免费的/;
const CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
const FOR_OTHER = /这次是帮/;

/** A wage report begun: consent given, the employer answered, the township asked. */
const reporting = (user: string) =>
  converse(t.chat, user).sendAll('我要反映欠薪', '同意').send('宏达建筑').expect(/您在哪个镇或街道干活/);

describe('the price asked with a lawyer in the middle of another form', () => {
  it('「我想找律师 要钱吗」 while reporting wages: the price first, then the switch (the report saved, said so), then the booking', async () => {
    const { text } = await reporting('web:p1')
      .send('我想找律师 要钱吗')
      .expect(new RegExp(`^${FREE.source}[^\\n]*（依据：`))
      .expect(/您刚才填的「反映欠薪」已保存，以后回复「反映欠薪」可以接着填/)
      .expect(/已保存，[^\n]*\n您想找工会律师咨询。/)
      .expect(CONSENT);
    expect(text.match(new RegExp(FREE.source, 'g'))).toHaveLength(1);
    const s = await sessionOf('web:p1');
    expect(s).toMatchObject({ flowId: 'legal', fieldId: 'consent', answers: { help: 'lawyer' } });
    expect(s.draft).toMatchObject({ flowId: 'wage', answers: { employer: expect.anything() } });
    // What the report said goes with the switch (confirmed after the consent, as ever).
    await converse(t.chat, 'web:p1').send('同意').expect(/我理解的是：咨询的事「欠薪」。对吗？/);
  });

  it('「找律师要收费吗 我想约一个」 while joining: the same; the application saved', async () => {
    await converse(t.chat, 'web:p2')
      .sendAll('我要入会', '同意', '同意')
      .send('确认')
      .expect(/请输入您的姓名/)
      .send('找律师要收费吗 我想约一个')
      .expect(FREE)
      .expect(/您刚才填的「加入工会」已保存/)
      .expect(CONSENT);
    const s = await sessionOf('web:p2');
    expect(s.flowId).toBe('legal');
    expect(s.draft?.flowId).toBe('membership');
  });

  it('「我想预约检察官 要钱吗」 mid-report: the procurator\'s answer (检察院不收费), then that booking', async () => {
    await reporting('web:p3')
      .send('我想预约检察官 要钱吗')
      .expect(/检察院不收费/)
      .expectNot(FREE)
      .expect(/已保存，[^\n]*\n您想和检察官面对面咨询（支持起诉）。/)
      .expect(CONSENT);
  });

  it('at the menu the price is said once, as before', async () => {
    const { text } = await converse(t.chat, 'web:p4').send('我想找律师 要钱吗').expect(FREE).expect(CONSENT);
    expect(text.match(new RegExp(FREE.source, 'g'))).toHaveLength(1);
  });

  it('no price asked, nothing added: 「我想找律师」 mid-report switches as ever', async () => {
    await reporting('web:p5').send('我想找律师').expect(/「反映欠薪」已保存/).expect(CONSENT).expectNot(/不收费|免费的/).expectNot(FOR_OTHER);
  });
});

describe('a booking for someone else', () => {
  it('「我想帮我爸约个律师」: whose booking it is and who comes, said before the consent; nothing else kept', async () => {
    await converse(t.chat, 'web:o1')
      .send('我想帮我爸约个律师')
      .expect(/好的，您想找工会律师咨询。/)
      .expect(/这次是帮您父亲预约：预约记在您名下，联系人和手机号留您的，提醒也发给您。/)
      .expect(/咨询时请他本人来，您可以陪他一起；电话或视频咨询时，请他在旁边一起说/)
      .expect(/下面的问题请按您父亲的情况回答。[\s\S]*预约法律援助前/)
      .send('同意')
      .expect(/您想咨询什么事/);
    const s = await sessionOf('web:o1');
    expect(s.answers).toEqual({ help: 'lawyer', forWhom: '父亲', consent: true });
  });

  it('「给我老婆预约法律咨询」: understood as a booking (it was not), for her', async () => {
    await converse(t.chat, 'web:o2')
      .send('给我老婆预约法律咨询')
      .expectNot(/没太明白/)
      .expect(/这次是帮您爱人预约/)
      .expect(/请她本人来/)
      .expect(CONSENT);
    expect((await sessionOf('web:o2')).flowId).toBe('legal');
  });

  it('mid-report 「帮我妈找个律师 要钱吗」: the price, the switch, and whose booking', async () => {
    await reporting('web:o3').send('帮我妈找个律师 要钱吗').expect(FREE).expect(/「反映欠薪」已保存/).expect(/这次是帮您母亲预约/).expect(CONSENT);
  });

  it('their own booking says nothing of the kind (「我想约个律师」, 「我爸让我来约律师」, 「不是帮我爸约的 是我自己要找律师」)', async () => {
    for (const [i, said] of ['我想约个律师', '我爸让我来约律师', '不是帮我爸约的 是我自己要找律师'].entries()) {
      await converse(t.chat, `web:o4${i}`).send(said).expect(CONSENT).expectNot(FOR_OTHER);
    }
  });

  it('whom for, read from the words', () => {
    expect(bookingForOther('我想帮我爸约个律师')).toBe('爸');
    expect(bookingForOther('给我老婆预约法律咨询')).toBe('老婆');
    expect(bookingForOther('替老乡找个律师')).toBe('老乡');
    expect(bookingForOther('我爸想找个律师')).toBe('爸');
    expect(bookingForOther('帮他约个律师')).toBe('他');
    expect(bookingForOther('帮我约个律师')).toBeNull();
    expect(bookingForOther('我想约个律师')).toBeNull();
    expect(bookingForOther('不是帮我爸约的')).toBeNull();
  });
});
