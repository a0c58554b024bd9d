import madge from 'madge';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
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

/**
 * The import graph madge would build from the product's files (madge's own tree: 17 s in the suite, nearly all of it
 * parsing each file into a full syntax tree to find its imports), built with the TypeScript compiler instead:
 * `preProcessFile` scans a file for every import (import and `import type`, `export … from`, `import()`, `require()`)
 * and `resolveModuleName` resolves each as tsc does under tsconfig.json; npm packages are left out, as madge leaves them.
 * Files reached from the product's are followed wherever they are. Under 1 s; the same tree as madge's, edge for edge
 * (compared when this replaced madge's reading of the files). madge still finds the cycles in it.
 */
function importTree(): Record<string, string[]> {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const tree: Record<string, string[]> = {};
  const queue = productFiles();
  while (queue.length) {
    const file = queue.pop()!;
    if (file in tree) continue;
    const deps = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true).importedFiles.flatMap(({ fileName }) => {
      const r = ts.resolveModuleName(fileName, join(root, file), options, ts.sys, cache).resolvedModule;
      return r && !r.isExternalLibraryImport ? [relative(root, r.resolvedFileName)] : [];
    });
    tree[file] = [...new Set(deps)];
    queue.push(...tree[file].filter((d) => !(d in tree)));
  }
  return tree;
}

describe('architecture', () => {
  it('has no circular imports', async () => {
    const tree = importTree();
    // Every product file is in it, with its imports (the scan found them: a file of this size imports something).
    expect(Object.keys(tree)).toEqual(expect.arrayContaining(productFiles()));
    expect(tree['main.ts']!.length).toBeGreaterThan(0);
    const res = await madge(tree);
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

  // A stray `tsc` emit beside the sources (a .js next to its .ts) is what Vitest and Node load for `./x.js`: the tests
  // would run yesterday's code while passing. It happened once (a one-file `tsc --outDir` outside its rootDir).
  it('no compiled .js file sits beside a .ts source (it would be loaded instead of the source)', () => {
    const dirs = ['bot', 'api', 'workers', 'flows', 'core', 'test', 'bench'];
    const jsBeside = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const rel = join(dir, name);
        if (name === 'node_modules' || name === 'static') return [];
        if (statSync(join(root, rel)).isDirectory()) return jsBeside(rel);
        return rel.endsWith('.js') && tsFiles(dir).includes(rel.replace(/\.js$/, '.ts')) ? [rel] : [];
      });
    const mainJs = readdirSync(root).includes('main.js') ? ['main.js'] : [];
    expect([...dirs.flatMap(jsBeside), ...mainJs]).toEqual([]);
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

