import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { docxText, reportWage } from '../documents/support.js';
import { devSignIn, scenario, useMiniprogram } from './support/app.js';
import { until } from './support/harness.js';

const mp = useMiniprogram();
const uid = () => `mp${randomBytes(4).toString('hex')}`;

describe('我的案件: 文书', () => {
  it('the 文书 button lists the case\'s documents, downloads the one picked with the sign-in and opens it as docx', async () => {
    const app = mp.launch({ actionSheetPick: 1 });
    const user = devSignIn(app, uid());
    const caseNo = await reportWage(mp.http.t.chat, user, scenario());

    const page = app.open('cases');
    await until(() => page.all('.docs').length === 1, 'the 文书 button', page);
    expect(page.all('.docs')[0]!.dom.textContent?.trim()).toBe('文书');
    await page.tap('.docs');
    await until(() => app.fake.callsOf('openDocument').length === 1, 'the document opened', page);

    expect(app.fake.callsOf('showActionSheet')).toEqual([{ itemList: ['劳动仲裁申请书', '民事起诉状（追索劳动报酬）', '证据清单'] }]);
    const [download] = app.fake.callsOf('downloadFile');
    expect(download.url).toBe(`${mp.http.base}/api/v1/me/cases/${caseNo}/documents/complaint`);
    const { token } = JSON.parse(app.fake.storage.get('gongyou.session')!);
    expect(download.header).toEqual({ authorization: `Bearer ${token}` });

    const [open] = app.fake.callsOf('openDocument');
    expect(open).toMatchObject({ fileType: 'docx', showMenu: true });
    const text = docxText(app.fake.files.get(open.filePath)!);
    expect(text).toMatch(/^民事起诉状\n/);
    expect(text).toContain('原告：张三');
    expect(text).toContain('被告：青溪宏达建筑工程有限公司');
    // The button is free again.
    await until(() => page.data.opening === '', 'the button free again', page);
  });

  it('cancelling the choice downloads nothing', async () => {
    const app = mp.launch({ actionSheetPick: null });
    const user = devSignIn(app, uid());
    await reportWage(mp.http.t.chat, user, scenario());
    const page = app.open('cases');
    await until(() => page.all('.docs').length === 1, 'the 文书 button', page);
    await page.tap('.docs');
    await until(() => app.fake.callsOf('showActionSheet').length === 1, 'the choice', page);
    await until(() => page.data.opening === '', 'the button free again', page);
    expect(app.fake.callsOf('downloadFile')).toEqual([]);
    expect(app.fake.callsOf('openDocument')).toEqual([]);
  });
});
