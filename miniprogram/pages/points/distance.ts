/** Distances for the 服务点 page: how far a point is from where the person is (both GCJ-02, as WeChat's map gives them). */

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (near enough for "which is closer" over a district). */
export function metres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** `约850米`, `约1.2公里`, `约35公里`. */
export function distanceText(m: number): string {
  if (m < 1000) return `约${Math.max(10, Math.round(m / 10) * 10)}米`;
  if (m < 10_000) return `约${(m / 1000).toFixed(1)}公里`;
  return `约${Math.round(m / 1000)}公里`;
}

/**
 * The points nearest first; those without coordinates keep their order
 * after them. Stable: equal distances keep the list's order.
 */
export function byDistance<T extends { location?: LatLng | null }>(list: readonly T[], here: LatLng): { item: T; metres: number | null }[] {
  const withDistance = list.map((item, i) => ({ item, i, metres: item.location ? metres(here, item.location) : null }));
  return withDistance
    .sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity) || a.i - b.i)
    .map(({ item, metres: m }) => ({ item, metres: m }));
}

/** Why the location was not had, in words for the person (the list keeps its order). */
export function locationNote(errMsg: string): string {
  if (/system permission|locationswitchoff|location_switch|定位服务/i.test(errMsg)) {
    return '手机的定位没有打开，或没有允许微信使用位置信息，服务点仍按原来的顺序排列。打开后再点「按距离排序」就可以了。';
  }
  if (/auth|deny|denied|authorize/i.test(errMsg)) {
    return '没有获得您的位置，服务点仍按原来的顺序排列。想按距离排序，可以点右上角「···」→「设置」，允许使用位置信息后再试。';
  }
  return '暂时没有获取到您的位置，服务点仍按原来的顺序排列。请稍后再试。';
}
