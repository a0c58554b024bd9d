import type { Router } from '@koa/router';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file served as it is, read once at start, with a version from its content. */
export interface StaticFile {
  type: string;
  bytes: Buffer;
  version: string;
}

/** Reads the files once: `{ name: { type, path } }` (a file URL or a path). */
export function loadStatic<N extends string>(files: Record<N, { type: string; path: URL | string }>): Record<N, StaticFile> {
  return Object.fromEntries(
    Object.entries<{ type: string; path: URL | string }>(files).map(([name, f]) => {
      const bytes = readFileSync(f.path);
      return [name, { type: f.type, bytes, version: createHash('sha256').update(bytes).digest('hex').slice(0, 12) }];
    }),
  ) as Record<N, StaticFile>;
}

/** The address of a file with its content's version: a new deploy is a new address, so it may be cached long. */
export const versioned = (prefix: string, files: Record<string, StaticFile>, name: string) => `${prefix}/${name}?v=${files[name]!.version}`;

/** Serves each file at `<prefix>/<name>`: a week's cache (addresses are versioned), ETag and 304. */
export function serveStatic(router: Router, prefix: string, files: Record<string, StaticFile>): void {
  for (const [name, file] of Object.entries(files)) {
    router.get(`${prefix}/${name}`, (ctx) => {
      ctx.status = 200;
      ctx.type = file.type;
      ctx.set('Cache-Control', 'public, max-age=604800');
      ctx.etag = file.version;
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.body = file.bytes;
    });
  }
}
