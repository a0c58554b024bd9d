/*
 * Probe round 6 (/tmp/probe6/findings.md B4, B5, C5), fixed in flows/engine.ts and flows/session.ts:
 *  - B4: 同意 right after a consent was refused (`不同意` then `算了还是同意吧`; `1`, `2` then `同意`; legal aid's
 *    `不同意` then `好吧同意`) opens the flow again with that consent given; a plain 好的 does not.
 *  - B5: `还是接着填吧`, `我还是办吧` after 「要先停在这里吗？」 (or after stopping) go on where the form stopped.
 *  - C5: switching from 入会 to legal aid: the name and phone given before are confirmed at the contact question,
 *    never right after the consent, before the first question.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person } from './support.js';

const t = coreOnClock(NOW);
const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);

describe('B4 a consent refused, then given after all', () => {
  it('「不同意」 then 「算了还是同意吧」: joining again, the consent given, the ID consent asked', async () => {
    await converse(t.chat, 'web:g1')
      .send('我想入会')
      .send('不同意')
      .expect(/不会收集任何信息/)
      .send('算了还是同意吧')
      .expect(/好的，您同意了，我们接着办理「加入工会」/)
      .expect(/身份证号需要您单独同意/)
      .expectNot(/没太明白/);
    expect(await sessionOf('web:g1')).toMatchObject({ flowId: 'membership', answers: { consent: true } });
  });

  it('the ID consent refused, then 「同意」: both consents given, on to the declaration', async () => {
    await converse(t.chat, 'web:g2').sendAll('我想入会', '1', '2').send('同意').expect(/入会声明/).expectNot(/没太明白/);
    expect((await sessionOf('web:g2')).answers).toEqual({ consent: true, idConsent: true });
  });

  it('legal aid: 「不同意」 then 「好吧同意」: the first question of the booking', async () => {
    await converse(t.chat, 'web:g3').sendAll('我想找律师').send('不同意').send('好吧同意').expect(/您想咨询什么事？/).expectNot(/没太明白/);
  });

  it('a plain 好的 after the refusal is no consent; nor 同意 a message later', async () => {
    await converse(t.chat, 'web:g4').sendAll('我想入会', '不同意').send('好的').expectNot(/您同意了|身份证号需要/);
    expect(await sessionOf('web:g4')).toMatchObject({ flowId: null });
    await converse(t.chat, 'web:g4').send('同意').expectNot(/您同意了/);
  });
});

describe('B5 going on after 「算了不办了」', () => {
  const atWork = (user: string, n: number) => {
    const p = person(n, '张伟');
    return consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
  };
  it.each(['还是接着填吧', '我还是办吧', '算了还是继续吧'])('「%s」 at 「要先停在这里吗？」: the form goes on where it stopped', async (said) => {
    const user = `web:h-${said}`;
    await atWork(user, 20).send('算了不办了').expect(/要先停在这里吗/).send(said).expect(/好的，我们接着填/).expect(/您现在是怎么工作的？/).expectNot(/没太明白/);
  });

  it('「我还是接着填吧」 after stopping: the form again', async () => {
    await atWork('web:h2', 21).send('算了不办了').send('1').expect(/先停在这里/).send('我还是接着填吧').expect(/好的，我们接着填/).expect(/您现在是怎么工作的？/);
  });

  it('「还是算了」 is no going on: stopped, the form kept', async () => {
    await atWork('web:h3', 22).send('算了不办了').send('还是算了').expectNot(/我们接着填/).expect(/先停在这里/);
  });
});

describe('C5 from joining to legal aid: the name and phone wait for the contact question', () => {
  it('after the consent the topic is asked, never 「联系人「张伟」…对吗？」; they are confirmed at the contact question', async () => {
    const p = person(23, '张伟');
    await consented(t.chat, 'web:k1')
      .sendAll(p.name, p.id, p.phone)
      .send('我想先问问律师')
      .expect(/预约法律援助前/)
      .send('1')
      .expect(/您想咨询什么事？/)
      .expectNot(/联系人「张伟」/);
    const s = await sessionOf('web:k1');
    expect(s.later).toMatchObject({ contactName: '张伟', phone: p.phone });
  });
});
