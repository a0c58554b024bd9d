/*
 * A question asked beside the wish for a service (`我要反映欠薪 多久能处理`, `我要反映欠薪 老板跑了怎么办`,
 * `我想找律师 工伤怎么认定`): the wish was taken and the question dropped, the consent came with no answer. The
 * knowledge base's answer comes first now, when the question leads to that same service; then its consent.
 */
import { describe, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const WAGE_CONSENT = /反映欠薪前，需要您同意/;
const LEGAL_CONSENT = /预约法律援助前，需要您同意/;

describe('a question beside the wish', () => {
  it('`我要反映欠薪 多久能处理`: how long, then the consent', async () => {
    await converse(t.chat, 'web:aw1').send('我要反映欠薪 多久能处理').expect(/一般一个工作日内接单.*15个工作日内/s).expect(WAGE_CONSENT);
  });

  it('`我要反映欠薪 老板跑了怎么办`: what to do, then the consent; the report goes on', async () => {
    await converse(t.chat, 'web:aw2')
      .send('我要反映欠薪 老板跑了怎么办')
      .expect(/先别慌/)
      .expect(WAGE_CONSENT)
      .send('同意')
      .expect(/单位叫什么/);
  });

  it('`我想找律师 工伤怎么认定`: the answer, then the consent', async () => {
    await converse(t.chat, 'web:aw3').send('我想找律师 工伤怎么认定').expect(/一般能认定工伤/).expect(LEGAL_CONSENT);
  });

  // guard: the wish alone is answered with the consent alone.
  it('`我要反映欠薪` has no answer before the consent', async () => {
    await converse(t.chat, 'web:aw4').send('我要反映欠薪').expect(WAGE_CONSENT).expectNot(/依据/);
  });

  // guard: joining's consent already says what joining gives; the benefits are not said twice.
  it('`我要入会 入会有什么好处` is not answered twice', async () => {
    await converse(t.chat, 'web:aw5').send('我要入会 入会有什么好处').expect(/加入工会后，您可以/).expectNot(/依据/);
  });
});
