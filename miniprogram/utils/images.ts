/**
 * An `<image>` on a device cannot always show a `data:` URL (the card's QR
 * code, the QR image in the chat): each is written once to a file under
 * `wx.env.USER_DATA_PATH` and shown from there. Anything else is returned
 * as it is (a path on the API is made absolute).
 */
import { config } from '../config';

const DATA_URL = /^data:image\/(png|jpe?g|gif|webp);base64,(.+)$/;

function hash(s: string): string {
  // FNV-1a over the text, enough to name a file after its content.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A local file path for a data URL (or the URL itself when it cannot be written). */
export function showable(url: string, name = 'img'): Promise<string> {
  if (url.startsWith('/')) return Promise.resolve(config.baseUrl + url);
  const m = DATA_URL.exec(url);
  if (!m) return Promise.resolve(url);
  const ext = m[1] === 'jpeg' ? 'jpg' : m[1]!;
  const path = `${wx.env.USER_DATA_PATH}/${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${hash(url)}.${ext}`;
  return new Promise((resolve) => {
    wx.getFileSystemManager().writeFile({
      filePath: path,
      data: m[2]!,
      encoding: 'base64',
      success: () => resolve(path),
      fail: () => resolve(url),
    });
  });
}
