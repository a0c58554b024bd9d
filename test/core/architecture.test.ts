import madge from 'madge';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return tsFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('architecture', () => {
  it('has no circular imports', async () => {
    const res = await madge(['bot', 'api', 'workers', 'flows', 'core', 'main.ts'].map((p) => join(root, p)), {
      fileExtensions: ['ts'],
      tsConfig: join(root, 'tsconfig.json'),
    });
    expect(res.circular()).toEqual([]);
  }, 60_000);

  it('flows/ and core/ never import the entry points (bot/, api/, workers/)', () => {
    const offenders = [...tsFiles('flows'), ...tsFiles('core')].filter((f) =>
      /from ['"](\.\.\/)+(bot|api|workers)\//.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('only core/infra/config.ts reads process.env', () => {
    const files = ['bot', 'api', 'workers', 'flows', 'core'].flatMap(tsFiles).filter((f) => f !== 'core/infra/config.ts');
    expect(files.filter((f) => readFileSync(join(root, f), 'utf8').includes('process.env'))).toEqual([]);
  });
});
