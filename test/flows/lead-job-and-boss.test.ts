/*
 * A first message that only says where and as what the person works, and who the boss is (`我在饭店当厨师
 * 老板叫刘大海`, `我在工地上班 包工头姓王`): what we can help with, as `我在饭店上班` alone gets (it was 「没太明白」).
 * A problem told beside it still leads where it did (the report, the advice). Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const JOB_REPLY = /不管做哪一行，遇到工资被拖欠、想加入工会，或者有法律上的事想问，都可以找我/;
const CONSENT_Q = /反映欠薪前，需要您同意/;

describe('where and as what the person works, and who the boss is', () => {
  for (const [i, said] of ['我在川味小馆当服务员 老板姓刘', '我在工地上班 包工头姓王', '我在电子厂上班，老板是台湾人', '我在饭店当厨师 老板叫刘大海', '我在一家超市当收银员，我们老板姓陈'].entries()) {
    it(`${said}: what we can help with and the menu, never 「没太明白」`, async () => {
      await converse(t.chat, `web:jb${i}`).send(said).expect(JOB_REPLY).expect(/2\. 反映欠薪/).expectNot(/没太明白/).expectNot(/依据/);
    });
  }

  it('the menu answers after it: 2 is the wage report', async () => {
    await converse(t.chat, 'web:jbm').send('我在饭店当厨师 老板叫刘大海').expect(JOB_REPLY).send('2').expect(CONSENT_Q);
  });

  // guard: a problem beside the boss's name is the problem, as before.
  it('老板姓刘 欠我两个月工资, 老板不给钱: the report; 包工头跑了: the advice, never the job reply', async () => {
    await converse(t.chat, 'web:jbp1').send('我在饭店上班 老板姓刘 欠我两个月工资').expect(CONSENT_Q).expectNot(JOB_REPLY);
    await converse(t.chat, 'web:jbp2').send('我在厂里当保安 老板不给钱').expect(CONSENT_Q).expectNot(JOB_REPLY);
    await converse(t.chat, 'web:jbp3').send('我在工地上班 包工头跑了').expect(/先行清偿/).expectNot(JOB_REPLY);
  });
});
