import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealBytes, unsealBytes } from '../infra/privacy.js';

/** Evidence files accepted in chat: photos, common documents, and sound (voice messages kept for staff, recordings). */
export const EVIDENCE_TYPES: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'application/pdf': ['pdf'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'audio/wav': ['wav'],
  'audio/mpeg': ['mp3'],
  'audio/amr': ['amr'],
  'audio/mp4': ['m4a'],
  'audio/ogg': ['ogg'],
  'audio/speex': ['spx'],
};

const BY_EXT = new Map(Object.entries(EVIDENCE_TYPES).flatMap(([type, exts]) => exts.map((e) => [e, type] as const)));

export interface FileMeta {
  name: string;
  mediaType?: string | undefined;
  size: number;
}

/**
 * Checks a file before anything is stored. Returns the media type to record,
 * or a Chinese reason for the user.
 */
export function checkEvidence(meta: FileMeta, maxBytes: number): { ok: true; mediaType: string } | { ok: false; reason: string } {
  const ext = meta.name.toLowerCase().match(/\.([a-z0-9]{1,5})$/)?.[1] ?? '';
  // A name's extension must be an accepted one too: a declared image/jpeg named .exe is refused.
  // Own keys only: `constructor` or `__proto__` as a declared type must not match Object.prototype.
  const declared = meta.mediaType && Object.hasOwn(EVIDENCE_TYPES, meta.mediaType) ? meta.mediaType : undefined;
  const type = ext && !BY_EXT.has(ext) ? undefined : declared ?? BY_EXT.get(ext);
  if (!type) {
    return { ok: false, reason: `「${meta.name.slice(0, 30)}」这种文件暂时收不了。请发照片（jpg、png）或 pdf、word、excel 文件。` };
  }
  if (meta.size > maxBytes) {
    return { ok: false, reason: `文件太大了（${(meta.size / 1048576).toFixed(1)}MB），每份不能超过${Math.round(maxBytes / 1048576)}MB。可以拍成照片再发。` };
  }
  if (meta.size === 0) return { ok: false, reason: '这个文件是空的，请重新发送。' };
  return { ok: true, mediaType: type };
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Encrypted evidence files under `<varDir>/evidence`; names are random ids.
 * A file is written only once what it belongs to has accepted it (the chat
 * takes an id with `newId`, and `write`s the bytes only if the turn kept
 * it); its time is the app clock's at writing, so the sweep of files nobody
 * references (flows/evidence-sweep.ts) ages them in business time.
 */
export function createEvidenceStore(dir: string, key: Buffer) {
  mkdirSync(dir, { recursive: true });
  function write(id: string, bytes: Buffer, at?: Date): void {
    if (!ID.test(id)) throw new Error('bad evidence id');
    const path = join(dir, id);
    writeFileSync(path, sealBytes(key, bytes), { mode: 0o600 });
    if (at) utimesSync(path, at, at);
  }
  return {
    dir,
    newId: (): string => randomUUID(),
    write,
    save(bytes: Buffer, at?: Date): string {
      const id = randomUUID();
      write(id, bytes, at);
      return id;
    },
    remove(id: string): void {
      if (!ID.test(id)) return;
      rmSync(join(dir, id), { force: true });
    },
    load(id: string): Buffer {
      if (!ID.test(id)) throw new Error('bad evidence id');
      return unsealBytes(key, readFileSync(join(dir, id)));
    },
    /** Every stored file with when it was written. */
    list(): { id: string; at: Date }[] {
      const out: { id: string; at: Date }[] = [];
      for (const name of readdirSync(dir)) {
        if (!ID.test(name)) continue;
        try {
          out.push({ id: name, at: statSync(join(dir, name)).mtime });
        } catch {
          // Removed meanwhile.
        }
      }
      return out;
    },
  };
}

export type EvidenceStore = ReturnType<typeof createEvidenceStore>;

/** The evidence ids (uuids) anywhere in a value: a session's answers, a draft, a case. */
export function evidenceIdsIn(value: unknown): Set<string> {
  // Most sessions hold no file: a walk over their strings says so without writing them out as JSON.
  if (!mayHoldFileId(value ?? null)) return new Set();
  const json = JSON.stringify(value ?? null);
  // Every turn scans the session: the middle of a uuid is looked for first (a scan for its dashes, about
  // 1 µs), since the full pattern, tried at every character, costs some 20 µs on a session with no file.
  if (!UUID_MIDDLE.test(json)) return new Set();
  return new Set(json.match(UUID) ?? []);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const UUID_MIDDLE = /-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-/;

/**
 * Whether `evidenceIdsIn(value)` may find a file id, without writing the value out as JSON (most sessions hold no
 * file: the answer is then known in a third of the time). It finds one only where its JSON has a uuid's middle, a run
 * of hex digits and dashes starting with a dash. JSON escapes none of those characters (an escape starts with a
 * backslash, and holds no dash), quotes every string and key, and ends a number with a comma, a colon or a bracket:
 * such a run lies inside one string or key, as it is there (a number never holds one). Every string and key is looked
 * at (those JSON leaves out too); anything that is not plain (a class, a function that may be `toJSON`, a bigint)
 * says it may, and the JSON decides.
 */
function mayHoldFileId(v: unknown): boolean {
  if (typeof v === 'string') return v.length >= 16 && UUID_MIDDLE.test(v);
  if (typeof v === 'function' || typeof v === 'bigint') return true;
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return true;
    for (const x of v) if (mayHoldFileId(x)) return true;
    return false;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return true;
  for (const k in v) if (mayHoldFileId(k) || mayHoldFileId((v as Record<string, unknown>)[k])) return true;
  return false;
}
