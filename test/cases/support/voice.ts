import { encode } from 'silk-wasm';
import { renderText, type Reply } from '../../../core/infra/replies.js';
import type { ChatService, VoiceAudio } from '../../../flows/service.js';

/** A WAV file: `seconds` of a 440 Hz tone, mono, 16-bit, at `rate`. */
export function toneWav(seconds: number, rate = 24_000): Buffer {
  const samples = Math.round(seconds * rate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + pcm.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}

/** A real WeChat-style SILK voice message (silk-wasm's encoder), `seconds` long. */
export async function silkVoice(seconds = 1.5): Promise<Buffer> {
  return Buffer.from((await encode(toneWav(seconds), 0)).data);
}

/** What a WAV file says about itself, read from its header. */
export function wavInfo(b: Buffer) {
  return {
    riff: b.subarray(0, 4).toString('latin1'),
    wave: b.subarray(8, 12).toString('latin1'),
    riffSize: b.readUInt32LE(4),
    format: b.readUInt16LE(20),
    channels: b.readUInt16LE(22),
    rate: b.readUInt32LE(24),
    bits: b.readUInt16LE(34),
    data: b.subarray(36, 40).toString('latin1'),
    dataSize: b.readUInt32LE(40),
  };
}

/** Sends a voice message the way a channel does; the replies and their text. */
export async function sendVoice(
  chat: ChatService,
  userKey: string,
  voice: { recognition?: string; audio?: Buffer; format?: VoiceAudio['format'] },
  opts: { keepHistory?: boolean; clientMsgId?: string } = {},
): Promise<{ replies: Reply[]; text: string }> {
  const bytes = voice.audio;
  const replies = await chat.handle(
    userKey,
    {
      kind: 'voice',
      ...(voice.recognition !== undefined ? { recognition: voice.recognition } : {}),
      ...(bytes ? { audio: { format: voice.format ?? 'silk', load: async () => bytes } } : {}),
    },
    opts.clientMsgId,
    { keepHistory: opts.keepHistory ?? false },
  );
  return { replies, text: replies.map(renderText).join('\n---\n') };
}

/** Sends text; the replies' text. */
export async function sendText(chat: ChatService, userKey: string, text: string, keepHistory = false): Promise<string> {
  const replies = await chat.handle(userKey, { kind: 'text', text }, undefined, { keepHistory });
  return replies.map(renderText).join('\n---\n');
}
