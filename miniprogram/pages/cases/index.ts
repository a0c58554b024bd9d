import { api, type CaseSummaryBody } from '../../utils/api';
import { date, dateTime, yuan } from '../../utils/format';
import { sendInChat } from '../../utils/outbox';
import { listMethods, toastError, type Tap } from '../../utils/page';

/** 我的案件: each case with its timeline; legal aid is booked for a wage case in the chat; its legal documents open here. */

export interface CaseCard {
  caseNo: string;
  statusText: string;
  closed: boolean;
  /** Help can be booked for it (a wage case, still open). */
  canBook: boolean;
  /** Legal documents can be made from it (a wage or 支持起诉 case, not a 人工 request). */
  hasDocuments: boolean;
  lines: string[];
  steps: { key: string; at: string; note: string }[];
}

export function caseCard(c: CaseSummaryBody): CaseCard {
  const lines = [
    c.employer ? `单位：${c.employer}` : '',
    c.amount !== null ? `金额：${yuan(c.amount)}` : '',
    c.township ? `地点：${c.township}` : '',
    `提交时间：${date(c.createdAt)}`,
  ].filter(Boolean);
  return {
    caseNo: c.caseNo,
    statusText: c.statusText,
    closed: c.status === 'closed',
    // The server says whether a lawyer may still help (not once the wages were all paid; still after a close without them).
    canBook: c.legalAid,
    hasDocuments: c.kind === 'wage_arrears' || c.kind === 'legal_aid',
    lines,
    // Newest first: what happened last is what a person looks for.
    steps: c.history
      .map((h, i) => ({ key: `h${i}`, at: dateTime(h.at), note: h.note }))
      .reverse(),
  };
}

/** Which of `items` the person picks from an action sheet; null when they cancel. */
function pick(items: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    wx.showActionSheet({ itemList: items, success: (r) => resolve(r.tapIndex), fail: () => resolve(null) });
  });
}

/** A downloaded .docx in WeChat's document viewer (with its menu: forward, open in another app). */
function openDocx(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({ filePath, fileType: 'docx', showMenu: true, success: () => resolve(), fail: () => reject(new Error('文件打不开，请稍后再试。')) });
  });
}

Component({
  data: {
    cases: [] as CaseCard[],
    loading: true,
    error: '',
    /** The case whose document is being fetched (its button shows it is busy). */
    opening: '',
  },

  methods: {
    ...listMethods('cases', () => api.cases(), caseCard),

    /** Opens the chat and asks for legal aid for this case (pre-filled from it). */
    onBook(e: Tap<{ caseNo: string }>) {
      sendInChat(`预约律师 ${e.currentTarget.dataset.caseNo}`);
    },

    /**
     * 文书: the documents pre-filled for this case; one is picked (an action
     * sheet when there are several), downloaded with the sign-in and opened
     * in WeChat's viewer, from where it can be forwarded or printed.
     */
    async onDocuments(e: Tap<{ caseNo: string }>) {
      const caseNo = e.currentTarget.dataset.caseNo;
      if (this.data.opening) return;
      this.setData({ opening: caseNo });
      try {
        const docs = await api.caseDocuments(caseNo);
        if (docs.length === 0) {
          wx.showToast({ title: '这件案子暂时没有可以生成的文书', icon: 'none', duration: 2500 });
          return;
        }
        const i = docs.length === 1 ? 0 : await pick(docs.map((d) => d.title));
        if (i === null) return;
        const path = await api.downloadDocument(docs[i]!.url);
        await openDocx(path);
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ opening: '' });
      }
    },

    onReport() {
      sendInChat('反映欠薪');
    },
  },
});
