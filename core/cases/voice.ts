import { decode, isSilk } from 'silk-wasm';

/**
 * Voice messages kept for staff to listen to: WeChat's SILK is decoded to
 * a WAV file any phone or computer plays; AMR, MP3, M4A, Ogg and WeChat's
 * speex are kept as they came. Nothing here is stored or logged: the chat
 * service (flows/service.ts) stores the result encrypted, as evidence.
 */

export type VoiceFormat = 'silk' | 'amr' | 'mp3' | 'wav' | 'speex' | 'unknown';

export type PlayableVoice = { ok: true; bytes: Buffer; mediaType: string; ext: string; durationMs: number | null } | { ok: false; reason: string };

/** The sample rate WeChat records SILK voice at; the WAV is written at it. */
const SILK_RATE = 24_000;

export const VOICE_TEXTS = {
  empty: '这条语音是空的，没有录上声音。请再发一次，或者直接打字告诉我。',
  tooBig: (maxMb: number) => `这条语音太大了（超过${maxMb}MB），我收不下。请分成几段短一点的语音再发，或者直接打字告诉我。`,
  unreadable: '这条语音我打不开，可能没有发送完整。请再发一次，或者直接打字告诉我。',
};

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

/** What the bytes are, by their first bytes; null when they are none of the formats kept. */
export function sniffAudio(b: Buffer): { mediaType: string; ext: string; silk?: true } | null {
  if (b.length >= 10 && isSilk(b)) return { mediaType: 'audio/silk', ext: 'silk', silk: true };
  if (ascii(b, 0, 5) === '#!AMR') return { mediaType: 'audio/amr', ext: 'amr' };
  if (b.length >= 44 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return { mediaType: 'audio/wav', ext: 'wav' };
  if (ascii(b, 0, 3) === 'ID3' || (b.length >= 4 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) return { mediaType: 'audio/mpeg', ext: 'mp3' };
  if (ascii(b, 0, 4) === 'OggS') return { mediaType: 'audio/ogg', ext: 'ogg' };
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') return { mediaType: 'audio/mp4', ext: 'm4a' };
  return null;
}

/** A WAV file of mono 16-bit PCM (little endian), as silk-wasm decodes it. */
export function wavOf(pcm: Uint8Array, sampleRate: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + pcm.length, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16); // fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  h.writeUInt16LE(2, 32); // bytes per frame
  h.writeUInt16LE(16, 34); // bits per sample
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

/**
 * The voice as a file staff can play, or a polite reason (for the person)
 * why it cannot be kept: empty, too big, or not audio we can read.
 * `declared` is what the channel said the format is; the bytes decide.
 */
export async function playableVoice(bytes: Buffer, declared: VoiceFormat, maxBytes: number): Promise<PlayableVoice> {
  const maxMb = Math.round(maxBytes / 1048576);
  if (bytes.length === 0) return { ok: false, reason: VOICE_TEXTS.empty };
  if (bytes.length > maxBytes) return { ok: false, reason: VOICE_TEXTS.tooBig(maxMb) };
  const kind = sniffAudio(bytes);
  if (kind?.silk || (!kind && declared === 'silk')) {
    let pcm: Uint8Array;
    try {
      pcm = (await decode(bytes, SILK_RATE)).data;
    } catch {
      return { ok: false, reason: VOICE_TEXTS.unreadable };
    }
    // Less than a tenth of a second is no voice at all (a header, a broken upload).
    if (pcm.length < SILK_RATE / 5) return { ok: false, reason: pcm.length === 0 ? VOICE_TEXTS.unreadable : VOICE_TEXTS.empty };
    const wav = wavOf(pcm, SILK_RATE);
    if (wav.length > maxBytes) return { ok: false, reason: VOICE_TEXTS.tooBig(maxMb) };
    return { ok: true, bytes: wav, mediaType: 'audio/wav', ext: 'wav', durationMs: Math.round((pcm.length / 2 / SILK_RATE) * 1000) };
  }
  if (kind) return { ok: true, bytes, mediaType: kind.mediaType, ext: kind.ext, durationMs: null };
  // WeChat's speex has no header to check; anything else unrecognised is not kept.
  if (declared === 'speex' && bytes.length >= 16) return { ok: true, bytes, mediaType: 'audio/speex', ext: 'spx', durationMs: null };
  return { ok: false, reason: VOICE_TEXTS.unreadable };
}

/** An evidence file staff listen to (a voice message, or a recording sent as a file). */
export const isAudio = (f: { mediaType: string }) => f.mediaType.startsWith('audio/');
