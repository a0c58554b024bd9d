import { api, type BookingViewBody } from '../../utils/api';
import { sendInChat } from '../../utils/outbox';
import { confirm, listMethods, toastError, type Tap } from '../../utils/page';

/** 我的预约: bookings with cancel (after a confirm) and reschedule (in the chat). */

export interface BookingCard {
  bookingNo: string;
  statusText: string;
  active: boolean;
  urgent: boolean;
  title: string;
  when: string;
  lines: string[];
}

export function bookingCard(b: BookingViewBody): BookingCard {
  const lines = [
    `方式：${b.modeText}`,
    b.servicePoint ? `地点：${b.servicePoint.name}（${b.servicePoint.address}）` : '',
    b.servicePoint?.phone ? `电话：${b.servicePoint.phone}` : '',
    b.provider ? `接待：${b.provider}` : '',
    `事项：${b.matterText}`,
  ].filter(Boolean);
  return {
    bookingNo: b.bookingNo,
    statusText: b.statusText,
    active: b.status === 'booked',
    urgent: b.urgent,
    title: b.helpText,
    when: b.when,
    lines,
  };
}

Component({
  data: {
    bookings: [] as BookingCard[],
    loading: true,
    error: '',
    busy: '',
  },

  methods: {
    ...listMethods('bookings', () => api.bookings(), bookingCard),

    async onCancel(e: Tap<{ no: string; when: string }>) {
      const { no, when } = e.currentTarget.dataset;
      if (this.data.busy) return;
      const ok = await confirm('取消预约', `确定取消 ${when} 的预约吗？取消后这个时间会让给别人。`, '取消预约');
      if (!ok) return;
      this.setData({ busy: no });
      try {
        const b = await api.cancelBooking(no);
        this.setData({ bookings: this.data.bookings.map((x) => (x.bookingNo === no ? bookingCard(b) : x)) });
        wx.showToast({ title: '已取消预约', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ busy: '' });
      }
    },

    /** 改约 in the chat: it offers the free times and keeps the old one until a new one is confirmed. */
    onReschedule(e: Tap<{ no: string }>) {
      sendInChat(`改约 ${e.currentTarget.dataset.no}`);
    },

    onBookNew() {
      sendInChat('预约法律援助');
    },
  },
});
