import madge from 'madge';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return tsFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}


/** The features of core/: each owns its records, keys, scripts, jobs and texts, and shows the others only its face (index.ts). */
const FEATURES = ['cases', 'membership', 'legal-aid', 'staff', 'conversation', 'directory', 'auth', 'wechat', 'channels', 'documents'];
/** Where the parts are put together: they may reach inside a feature (the registry of keys, the Core). */
const COMPOSITION = new Set(['core/context.ts', 'core/keys.ts', 'core/commands.ts']);

/** Every relative import of a file, resolved to a path from the project root. */
function importsOf(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  return [...src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
}

const productFiles = () => ['bot', 'api', 'workers', 'flows', 'core'].flatMap(tsFiles).concat(['main.ts']);

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

  it('core/ never imports flows/ (the conversation is built on the core, not the other way)', () => {
    const offenders = tsFiles('core').filter((f) => /from ['"](\.\.\/)+flows\//.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only core/infra/config.ts reads process.env', () => {
    const files = ['bot', 'api', 'workers', 'flows', 'core'].flatMap(tsFiles).filter((f) => f !== 'core/infra/config.ts');
    expect(files.filter((f) => readFileSync(join(root, f), 'utf8').includes('process.env'))).toEqual([]);
  });

  it('a feature reaches another only through its face (index.ts), and nobody outside core reaches a feature\'s insides', () => {
    const offenders: string[] = [];
    for (const file of productFiles()) {
      if (COMPOSITION.has(file)) continue;
      const own = FEATURES.find((f) => file.startsWith(`core/${f}/`));
      for (const target of importsOf(file)) {
        const m = /^core\/([a-z-]+)\/([a-z-]+)\.ts$/.exec(target);
        if (!m || !FEATURES.includes(m[1]!) || m[1] === own) continue;
        if (m[2] !== 'index') offenders.push(`${file} -> ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('flows, bot, api and workers never touch Redis: no keys, no client, no script', () => {
    const offenders = ['flows', 'bot', 'api', 'workers'].flatMap(tsFiles).filter((f) => {
      const src = readFileSync(join(root, f), 'utf8');
      return /\.redis\b|\bkeys\.js['"]|redis\.call|\beval(Sha)?\(/.test(src);
    });
    expect(offenders).toEqual([]);
  });

  it('every Lua script is a .lua file: no redis.call in a .ts file, every script loaded through luaScript', () => {
    const inline = productFiles().filter((f) => /redis\.call/.test(readFileSync(join(root, f), 'utf8')));
    expect(inline).toEqual([]);
    const evals = productFiles().filter((f) => f !== 'core/infra/scripts.ts' && /\.eval(Sha)?\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(evals).toEqual([]);
  });

  it('Lua scripts build no key names themselves (every key comes in KEYS)', () => {
    const lua = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const rel = join(dir, name);
        if (statSync(join(root, rel)).isDirectory()) return lua(rel);
        return rel.endsWith('.lua') ? [rel] : [];
      });
    const scripts = lua('core');
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const f of scripts) {
      const src = readFileSync(join(root, f), 'utf8').replace(/--.*$/gm, '');
      // A key argument is KEYS[...] or a local that holds one; ARGV .. concatenation into a call's first argument is not allowed.
      expect(src, f).not.toMatch(/redis\.call\('[A-Z]+',\s*ARGV/);
      expect(src, f).not.toMatch(/redis\.call\('[A-Z]+',\s*[A-Za-z_.\[\]0-9]+\s*\.\./);
    }
  });
});

