import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The mini-program's sources (the repository's miniprogram/). */
export const MINIPROGRAM_DIR = fileURLToPath(new URL('../../../miniprogram/', import.meta.url));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'miniprogram_npm') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * The mini-program as WeChat DevTools' TypeScript plugin builds it: each
 * .ts transpiled on its own to CommonJS (type-only imports such as
 * api/contract.ts are erased), .wxml/.wxss/.json copied, in a fresh temp
 * directory. Type errors are `npm run typecheck`'s job, not this one's.
 */
export function buildMiniprogram(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongyou-mp-'));
  // No package.json with "type": "module" above the temp dir: the .js files load as CommonJS.
  for (const src of walk(MINIPROGRAM_DIR)) {
    const rel = relative(MINIPROGRAM_DIR, src);
    const dest = join(dir, rel);
    mkdirSync(dirname(dest), { recursive: true });
    if (src.endsWith('.d.ts')) continue;
    if (src.endsWith('.ts')) {
      const out = ts.transpileModule(readFileSync(src, 'utf8'), {
        fileName: src,
        compilerOptions: {
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.CommonJS,
          esModuleInterop: true,
          isolatedModules: true,
        },
        reportDiagnostics: true,
      });
      if (out.diagnostics?.length) throw new Error(`${rel}: ${ts.flattenDiagnosticMessageText(out.diagnostics[0]!.messageText, '\n')}`);
      writeFileSync(dest.replace(/\.ts$/, '.js'), out.outputText);
    } else if (/\.(wxml|wxss|json|wxs)$/.test(src)) {
      copyFileSync(src, dest);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
