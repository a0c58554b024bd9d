import { api, messageOf, type ServicePointBody } from '../../utils/api';
import { toastError, type Tap } from '../../utils/page';

/** 服务点: where to go in person; tap one to open the map, or call it. */

export interface PointCard {
  id: string;
  name: string;
  kindText: string;
  place: string;
  address: string;
  hours: string;
  phone: string;
  hasMap: boolean;
}

Component({
  data: {
    points: [] as PointCard[],
    loading: true,
    error: '',
  },

  methods: {
    onLoad() {
      void this.load();
    },

    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },

    async load() {
      try {
        const list = await api.servicePoints();
        pointsById.clear();
        for (const p of list) pointsById.set(p.id, p);
        this.setData({
          points: list.map((p) => ({
            id: p.id,
            name: p.name,
            kindText: p.kindText,
            place: [p.district, p.township].filter(Boolean).join(' · '),
            address: p.address,
            hours: p.hours,
            phone: p.phone ?? '',
            hasMap: Boolean(p.location),
          })),
          loading: false,
          error: '',
        });
      } catch (err) {
        this.setData({ loading: false, error: messageOf(err) });
        toastError(err);
      }
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    /** The map, for a point with coordinates (GCJ-02, as wx.openLocation takes them). */
    onOpen(e: Tap<{ id: string }>) {
      const p = pointsById.get(e.currentTarget.dataset.id);
      if (!p) return;
      if (!p.location) {
        wx.showToast({ title: '这个服务点还没有地图位置，请按地址前往', icon: 'none' });
        return;
      }
      wx.openLocation({
        latitude: p.location.latitude,
        longitude: p.location.longitude,
        name: p.name,
        address: p.address,
        scale: 17,
        fail: () => wx.showToast({ title: '地图没有打开，请稍后再试', icon: 'none' }),
      });
    },

    onCall(e: Tap<{ phone: string }>) {
      const phoneNumber = e.currentTarget.dataset.phone;
      if (phoneNumber) wx.makePhoneCall({ phoneNumber, fail: () => undefined });
    },
  },
});

const pointsById = new Map<string, ServicePointBody>();
