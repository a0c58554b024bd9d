/*
 * Probe round 11 (membership): a place said at the platform question is never kept as the platform.
 *  - `众包` at 「您主要在哪个平台接单？」 (asked later), then `我住东龙镇`: the residence is held and said back, the platform
 *    asked again (it was kept as 「我住东龙镇」: 「您在我住东龙镇是专送还是众包？」);
 *  - `东龙镇` at the platform question: the platform asked again (it was kept as 「东龙镇」).
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, person, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** A delivery rider (外卖, confirmed) up to the platform question. */
const atPlatform = (user: string, p: Person) =>
  converse(t.chat, user)
    .sendAll('我想入会', '1', '1', '1')
    .send('外卖')
    .expect(/职业「外卖配送员」。对吗？/)
    .sendAll('对', p.name, p.id, p.phone)
    .expect(/您主要在哪个平台接单？/);

describe('a place at the platform question', () => {
  it('众包 then 我住东龙镇: the residence said back, the platform asked again, 美团 kept', async () => {
    const user = 'web:m11-live';
    await atPlatform(user, person(1101))
      .send('众包')
      .expect(/专送、众包是接单方式，等一下会问/)
      .send('我住东龙镇')
      .expect(/登记地「常住地」、地址「青溪区东龙镇」。对吗？/)
      .send('对')
      .expect(/您主要在哪个平台接单？/)
      .expectNot(/您在我住东龙镇/)
      .send('美团')
      .expect(/您在美团是专送还是众包？/)
      .send('众包')
      .expect(/请核对您的入会申请/)
      .expect(/接单平台：美团/)
      .expect(/接单方式：众包/)
      .expect(/地址：青溪区东龙镇/);
    expect((await answersOf(user)).platform).toBe('美团');
  });

  it.each(['东龙镇', '新塘社区'])('%s alone: never kept as the platform', async (said) => {
    const user = `web:m11-town-${said}`;
    await atPlatform(user, person(1102))
      .send(said)
      // A town (`东龙镇`) is held for the 登记地 question, said so (h129); anything else place-like is said not to be a platform.
      .expect(/这里请写接单用的平台（App）名称|您在东龙镇，我先记下，等一下问登记地时再和您核对。[\s\S]*您主要在哪个平台接单？/)
      .expectNot(/是专送还是众包/);
    expect((await answersOf(user)).platform).toBeUndefined();
  });
});
