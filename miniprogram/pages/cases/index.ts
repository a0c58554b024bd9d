import { api, messageOf, type CaseSummaryBody } from '../../utils/api';
import { date, dateTime, yuan } from '../../utils/format';
import { sendInChat } from '../../utils/outbox';
import { toastError, type Tap } from '../../utils/page';

/** 我的案件: each case with its timeline; legal aid is booked for a wage case in the chat. */

export interface CaseCard {
  caseNo: string;
  statusText: string;
  closed: boolean;
  /** Help can be booked for it (a wage case, still open). */
  canBook: boolean;
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
    canBook: c.kind === 'wage_arrears' && c.status !== 'closed',
    lines,
    // Newest first: what happened last is what a person looks for.
    steps: c.history
      .map((h, i) => ({ key: `h${i}`, at: dateTime(h.at), note: h.note }))
      .reverse(),
  };
}

Component({
  data: {
    cases: [] as CaseCard[],
    loading: true,
    error: '',
  },

  methods: {
    onShow() {
      void this.load();
    },

    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },

    async load() {
      try {
        const list = await api.cases();
        this.setData({ cases: list.map(caseCard), loading: false, error: '' });
      } catch (err) {
        this.setData({ loading: false, error: messageOf(err) });
        toastError(err);
      }
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    /** Opens the chat and asks for legal aid for this case (pre-filled from it). */
    onBook(e: Tap<{ caseNo: string }>) {
      sendInChat(`预约律师 ${e.currentTarget.dataset.caseNo}`);
    },

    onReport() {
      sendInChat('反映欠薪');
    },
  },
});
