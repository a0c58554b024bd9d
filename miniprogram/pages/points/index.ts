import { api, messageOf, type ServicePointBody } from '../../utils/api';
import { toastError, type Tap } from '../../utils/page';
import { byDistance, distanceText, locationNote, type LatLng } from './distance';

/**
 * 服务点: where to go in person; tap one to open the map, or call it.
 * 按距离排序 asks for the location (wx.getLocation, GCJ-02 like the
 * directory's coordinates) only when tapped, never on opening; without it the
 * list keeps the server's order, with a note saying why.
 */

export interface PointCard {
  id: string;
  name: string;
  kindText: string;
  place: string;
  address: string;
  hours: string;
  phone: string;
  hasMap: boolean;
  /** `约1.2公里` once sorted by distance; '' otherwise or without coordinates. */
  distance: string;
}

function cardOf(p: ServicePointBody, metres: number | null): PointCard {
  return {
    id: p.id,
    name: p.name,
    kindText: p.kindText,
    place: [p.district, p.township].filter(Boolean).join(' · '),
    address: p.address,
    hours: p.hours,
    phone: p.phone ?? '',
    hasMap: Boolean(p.location),
    distance: metres === null ? '' : distanceText(metres),
  };
}

Component({
  data: {
    points: [] as PointCard[],
    loading: true,
    error: '',
    /** Waiting for wx.getLocation. */
    locating: false,
    /** Sorted by distance from where the person was when they tapped. */
    sorted: false,
    /** Why the list is not sorted by distance (no permission, location off). */
    note: '',
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
        listed = list;
        pointsById.clear();
        for (const p of list) pointsById.set(p.id, p);
        this.show();
        this.setData({ loading: false, error: '' });
      } catch (err) {
        this.setData({ loading: false, error: messageOf(err) });
        toastError(err);
      }
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    /** The cards: in the server's order, or nearest first once the location is known. */
    show() {
      const points = here ? byDistance(listed, here).map((x) => cardOf(x.item, x.metres)) : listed.map((p) => cardOf(p, null));
      this.setData({ points, sorted: here !== null });
    },

    /** 按距离排序 (or 重新定位): asks for the location now, and only now. */
    onSortByDistance() {
      if (this.data.locating) return;
      this.setData({ locating: true, note: '' });
      wx.getLocation({
        type: 'gcj02',
        success: (r) => {
          here = { latitude: r.latitude, longitude: r.longitude };
          this.setData({ locating: false });
          this.show();
        },
        fail: (e) => {
          here = null;
          this.setData({ locating: false, note: locationNote(e.errMsg ?? '') });
          this.show();
        },
      });
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
/** The points as the server listed them. */
let listed: ServicePointBody[] = [];
/** Where the person was when they last asked to sort by distance; null until then (or when refused). */
let here: LatLng | null = null;
