import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIPROGRAM_DIR } from './support/build.js';

/**
 * What WeChat DevTools needs to open and build the mini-program from this
 * repository's layout, checked without DevTools: every page is whole, the
 * tab bar names real pages, and 构建 npm finds TDesign from the root
 * package.json.
 */
const json = (rel: string) => JSON.parse(readFileSync(join(MINIPROGRAM_DIR, rel), 'utf8'));
const app = json('app.json') as { pages: string[]; tabBar: { list: { pagePath: string; text: string }[] }; sitemapLocation: string };
/** DevTools opens the repository root, as in WeChat's TypeScript template: the mini-program is `miniprogramRoot`. */
const ROOT = resolve(MINIPROGRAM_DIR, '..');
const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'));

describe('mini-program layout', () => {
  it('every page has its .ts, .wxml, .wxss and .json; the first is the chat', () => {
    expect(app.pages[0]).toBe('pages/chat/index');
    for (const page of app.pages) {
      for (const ext of ['ts', 'wxml', 'wxss', 'json']) expect(existsSync(join(MINIPROGRAM_DIR, `${page}.${ext}`)), `${page}.${ext}`).toBe(true);
    }
    expect(existsSync(join(MINIPROGRAM_DIR, 'app.ts'))).toBe(true);
    expect(existsSync(join(MINIPROGRAM_DIR, app.sitemapLocation))).toBe(true);
  });

  it('the tab bar: 对话, 我的案件, 我的预约, 会员卡, 服务点 (at most five), each a page', () => {
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['对话', '我的案件', '我的预约', '会员卡', '服务点']);
    for (const t of app.tabBar.list) expect(app.pages).toContain(t.pagePath);
  });

  it('project.config.json: placeholder appid, the TypeScript plugin, and 构建 npm from the root package.json', () => {
    expect(project.appid).toBe('touristappid');
    expect(project.setting.useCompilerPlugins).toContain('typescript');
    expect(project.setting.packNpmManually).toBe(true);
    expect(resolve(ROOT, project.miniprogramRoot)).toBe(resolve(MINIPROGRAM_DIR));
    const [rel] = project.setting.packNpmRelationList as { packageJsonPath: string; miniprogramNpmDistDir: string }[];
    const pkgPath = resolve(ROOT, rel!.packageJsonPath);
    expect(pkgPath).toBe(resolve(ROOT, 'package.json'));
    expect(resolve(ROOT, rel!.miniprogramNpmDistDir)).toBe(resolve(MINIPROGRAM_DIR));
    // 构建 npm packs `dependencies` only.
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    expect(pkg.dependencies['tdesign-miniprogram']).toBeTruthy();
  });

  it('every TDesign component a page uses exists in the installed package (what 构建 npm copies)', () => {
    const dist = join(dirname(pkgJsonOf('tdesign-miniprogram')), 'miniprogram_dist');
    for (const page of app.pages) {
      const using = (json(`${page}.json`).usingComponents ?? {}) as Record<string, string>;
      for (const [tag, path] of Object.entries(using)) {
        expect(path, `${page}: ${tag}`).toMatch(/^tdesign-miniprogram\//);
        const file = join(dist, path.slice('tdesign-miniprogram/'.length));
        expect(existsSync(`${file}.js`) && existsSync(`${file}.wxml`), `${page}: ${tag} → ${file}`).toBe(true);
      }
    }
  });

  it('the API client takes its types from the server’s contract, type-only', () => {
    const src = readFileSync(join(MINIPROGRAM_DIR, 'utils/api.ts'), 'utf8');
    const imports = [...src.matchAll(/^(import|export)\s+(type\s+)?\{[^}]*\}\s+from\s+'([^']+)'/gm)];
    const contract = imports.filter((m) => m[3] === '../../api/contract');
    expect(contract.length).toBeGreaterThan(0);
    for (const m of contract) expect(m[2], m[0]).toBe('type ');
  });
});

function pkgJsonOf(name: string): string {
  return join(MINIPROGRAM_DIR, '..', 'node_modules', name, 'package.json');
}

describe('the customer-service chat', () => {
  it('the chat page has a button into WeChat’s own customer-service window (open-type="contact"), at least 88rpx high', () => {
    const wxml = readFileSync(join(MINIPROGRAM_DIR, 'pages/chat/index.wxml'), 'utf8');
    expect(wxml).toMatch(/<button[^>]*open-type="contact"[^>]*class="contact"|<button[^>]*class="contact"[^>]*open-type="contact"/);
    const wxss = readFileSync(join(MINIPROGRAM_DIR, 'pages/chat/index.wxss'), 'utf8');
    expect(/\.contact\s*\{[^}]*min-height:\s*88rpx/.test(wxss)).toBe(true);
  });
});
