import { api, ApiError, messageOf, type MembershipBody } from '../../utils/api';
import { date, dateTime } from '../../utils/format';
import { showable } from '../../utils/images';
import { sendInChat } from '../../utils/outbox';
import { toastError } from '../../utils/page';

/**
 * 会员卡: the electronic membership card with its QR code. The last card
 * seen is kept on the phone, so it can be shown where there is no network
 * (with a note that it is the saved one and until when its code is valid).
 */

type Membership = NonNullable<MembershipBody['membership']>;

export const CARD_CACHE_KEY = 'gongyou.card';

interface CachedCard {
  membership: Membership;
  /** Epoch ms. */
  savedAt: number;
}

export interface CardView {
  status: string;
  statusText: string;
  approved: boolean;
  name: string;
  union: string;
  memberNo: string;
  joinedAt: string;
  appNo: string;
  idNumber: string;
  qr: string;
  expiresAt: string;
  expired: boolean;
  waiting: string;
}

async function viewOf(m: Membership): Promise<CardView> {
  const card = m.card;
  return {
    status: m.status,
    statusText: m.statusText,
    approved: Boolean(card),
    name: m.name,
    union: m.union,
    memberNo: m.memberNo ?? '',
    joinedAt: m.joinedAt ? date(m.joinedAt) : '',
    appNo: m.appNo,
    idNumber: m.idNumber ?? '',
    qr: card ? await showable(card.qr, `card-${m.memberNo ?? m.appNo}`) : '',
    expiresAt: card ? dateTime(card.expiresAt) : '',
    expired: card ? Date.parse(card.expiresAt) <= Date.now() : false,
    waiting:
      m.status === 'pending'
        ? `入会申请 ${m.appNo} 正在审核${m.reviewDeadline ? `，预计 ${date(m.reviewDeadline)} 前完成` : ''}。审核通过后，会员卡会显示在这里。`
        : m.status === 'rejected'
          ? `入会申请 ${m.appNo} 没有通过${m.rejectReason ? `：${m.rejectReason}` : ''}。有疑问可以在对话里回复「人工」。`
          : '',
  };
}

Component({
  data: {
    card: null as CardView | null,
    none: false,
    loading: true,
    error: '',
    /** Set when the card shown is the saved one. */
    cachedNote: '',
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
        const { membership } = await api.membership();
        if (!membership) {
          wx.removeStorageSync(CARD_CACHE_KEY);
          this.setData({ card: null, none: true, loading: false, error: '', cachedNote: '' });
          return;
        }
        if (membership.card) wx.setStorageSync(CARD_CACHE_KEY, { membership, savedAt: Date.now() } satisfies CachedCard);
        this.setData({ card: await viewOf(membership), none: false, loading: false, error: '', cachedNote: '' });
      } catch (err) {
        await this.fromCache(err);
      }
    },

    /** The saved card, when the network or the server fails. */
    async fromCache(err: unknown) {
      const cached = wx.getStorageSync(CARD_CACHE_KEY) as CachedCard | '';
      if (!cached || !cached.membership) {
        this.setData({ loading: false, error: messageOf(err) });
        toastError(err);
        return;
      }
      const view = await viewOf(cached.membership);
      const why = err instanceof ApiError && err.status === 0 ? '现在没有网络' : '暂时连不上服务';
      const validity = view.expired
        ? `二维码已于 ${view.expiresAt} 过期，联网后会自动更新。`
        : `二维码有效期到 ${view.expiresAt}。`;
      this.setData({
        card: view,
        none: false,
        loading: false,
        error: '',
        cachedNote: `${why}，这是 ${dateTime(new Date(cached.savedAt).toISOString())} 保存在手机上的会员卡。${validity}`,
      });
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    onJoin() {
      sendInChat('我要入会');
    },

    onPreviewQr() {
      const qr = this.data.card?.qr;
      if (qr) wx.previewImage({ urls: [qr], current: qr });
    },
  },
});
