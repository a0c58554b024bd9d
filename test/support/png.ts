import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/**
 * A small PNG reader for tests (8-bit grey, RGB, palette, grey+alpha, RGBA;
 * no interlace): enough to read back the QR codes the app draws and compare
 * them with the code of the text they should hold.
 */
export function decodePng(png: Buffer): { width: number; height: number; dark(x: number, y: number): boolean } {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      colorType = data[9]!;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (!bpp) throw new Error(`colour type ${colorType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + i] = v & 0xff;
    }
  }
  const luma = (x: number, y: number): number => {
    const o = y * stride + x * bpp;
    if (colorType === 0 || colorType === 4) return pixels[o]!;
    if (colorType === 3) {
      const p = palette!;
      const idx = pixels[o]! * 3;
      return (p[idx]! + p[idx + 1]! + p[idx + 2]!) / 3;
    }
    return (pixels[o]! + pixels[o + 1]! + pixels[o + 2]!) / 3;
  };
  return { width, height, dark: (x, y) => luma(x, y) < 128 };
}

/**
 * Whether the PNG is the QR code of `text` (error correction M), whatever the
 * scale and quiet zone: every module of the expected symbol is compared with
 * the pixel at its centre.
 */
export function pngIsQrOf(png: Buffer, text: string): boolean {
  const img = decodePng(png);
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const n = modules.size;
  // Find the quiet zone: the first dark pixel on the diagonal is the finder pattern's corner.
  let start = 0;
  while (start < img.width && !img.dark(start, start)) start++;
  const scale = (img.width - 2 * start) / n;
  if (!Number.isInteger(scale) || scale < 1) return false;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = start + c * scale + Math.floor(scale / 2);
      const y = start + r * scale + Math.floor(scale / 2);
      if (img.dark(x, y) !== Boolean(modules.get(r, c))) return false;
    }
  }
  return true;
}
