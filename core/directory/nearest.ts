import type { Directory, ServicePoint } from './schema.js';

/** Where a person shared they are (a WeChat location). */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres. */
export function metres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const distanceText = (m: number) => (m < 1000 ? `约${Math.round(m / 10) * 10}米` : `约${(m / 1000).toFixed(1)}公里`);

/** What a shared location gets: the nearest service points with their distance, address and phone. */
export function nearestPointsText(directory: Directory, at: LatLng): string {
  const points = directory.districts
    .flatMap((d) => d.servicePoints)
    .filter((p): p is ServicePoint & { location: NonNullable<ServicePoint['location']> } => !!p.location)
    .map((p) => ({ p, m: metres(at, p.location) }))
    .sort((a, b) => a.m - b.m)
    .slice(0, 3);
  if (points.length === 0) return '暂时没有服务点的位置信息。回复「3」可以预约法律援助，我会按您所在的镇街帮您找服务点。';
  const lines = points.map(({ p, m }, i) => `${i + 1}. ${p.name}（${distanceText(m)}）\n   ${p.address}${p.phone ? `，电话 ${p.phone}` : ''}`);
  return `离您最近的服务点：\n${lines.join('\n')}\n要预约律师或检察官，回复「预约法律援助」。`;
}
