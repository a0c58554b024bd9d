import './dom.js';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createWx, type FakeWx, type FakeWxOptions } from './wx.js';

/**
 * The mini-program's pages rendered by miniprogram-simulate (j-component on
 * jsdom, support/dom.ts), over the
 * compiled mini-program (support/build.ts) and a fake `wx` whose network is
 * real HTTP to the app under test.
 *
 * TDesign components are stood in for by the small definitions below
 * (same tag, same properties and events the pages use): the package ships
 * ES modules with `.wxs` files and `<import>`ed templates, which simulate's
 * pure-JS template compiler cannot load. What the tests check is the
 * pages' own markup and logic; TDesign's rendering is not under test.
 */

const require = createRequire(import.meta.url);

// Loaded after the jsdom environment exists: it registers WeChat's built-in tags on `window`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate') as {
  load(def: Record<string, unknown>): string;
  load(path: string, tagName: string, options: Record<string, unknown>): string;
  render(id: string, props?: Record<string, unknown>): SimComponent;
};

/** j-component's wrapper of a rendered node (only what the tests use). */
export interface SimComponent {
  dom: HTMLElement;
  data: any;
  instance: any;
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  querySelector(selector: string): SimComponent | undefined;
  querySelectorAll(selector: string): SimComponent[];
  attach(parent: Node): void;
  detach(): void;
  toJSON(): { tagName: string; attrs: { name: string; value: unknown }[] };
}

/** An attribute as the template set it (built-in tags such as <image> keep theirs off the DOM). */
export function attr(node: SimComponent, name: string): unknown {
  return node.toJSON().attrs.find((a) => a.name === name)?.value;
}

const STUBS: Record<string, Record<string, unknown>> = {
  't-button': {
    template: '<view class="t-button {{disabled ? \'t-button--disabled\' : \'\'}}" catchtap="handleTap"><slot/></view>',
    properties: { theme: String, variant: String, size: String, disabled: Boolean, loading: Boolean, block: Boolean },
    methods: {
      // As TDesign's: a disabled or loading button does not fire `tap`.
      handleTap(this: any, e: unknown) {
        if (!this.data.disabled && !this.data.loading) this.triggerEvent('tap', e);
      },
    },
  },
  't-empty': {
    template: '<view class="t-empty"><view class="t-empty__description">{{description}}</view><slot name="action"/><slot/></view>',
    properties: { icon: String, description: String, image: String },
    options: { multipleSlots: true },
  },
  't-tag': {
    template: '<view class="t-tag t-tag--{{theme}}"><slot/></view>',
    properties: { theme: String, variant: String, size: String },
  },
};

let stubIds: Record<string, string> | null = null;

function stubs(): Record<string, string> {
  if (!stubIds) {
    stubIds = {};
    for (const [tag, def] of Object.entries(STUBS)) stubIds[tag] = simulate.load({ id: `stub-${tag}`, tagName: tag, ...def });
  }
  return stubIds;
}

export type PageName = 'chat' | 'cases' | 'bookings' | 'card' | 'points';

export interface Page {
  comp: SimComponent;
  /** The page's `this` (its methods: onLoad, onShow…). */
  it: any;
  data: any;
  /** The text a person sees, whitespace collapsed. */
  text(): string;
  /** Taps the n-th node matching `selector`, and lets the handler start. */
  tap(selector: string, n?: number): Promise<void>;
  all(selector: string): SimComponent[];
  close(): void;
}

export interface App {
  fake: FakeWx;
  /** The compiled `config` module the pages read (baseUrl, devLogin…). */
  config: { baseUrl: string; devLogin: boolean; pollMs: number; historyPage: number };
  /** A page rendered and attached, `onLoad` and `onShow` called as WeChat does. */
  open(name: PageName, opts?: { show?: boolean }): Page;
  /** A module of the compiled mini-program (e.g. `utils/api`). */
  module<T = any>(rel: string): T;
  close(): void;
}

/**
 * A fresh launch of the compiled mini-program in `dir` against `baseUrl`:
 * its modules load anew (no sign-in, cache or queued message left from the
 * test before), with a new fake `wx`.
 */
export function launch(dir: string, baseUrl: string, wxOptions: FakeWxOptions = {}): App {
  for (const k of Object.keys(require.cache)) if (k.startsWith(dir)) delete require.cache[k];
  const fake = createWx(wxOptions);
  (globalThis as any).wx = fake.wx;
  // Plugins declared in app.json: WeChat's speech plugin, as a fake the test drives (support/wx.ts).
  (globalThis as any).requirePlugin = (name: string) => {
    if (name === 'WechatSI') return fake.speech.plugin;
    throw new Error(`plugin ${name} is not declared in app.json`);
  };
  const config = require(join(dir, 'config.js')).config;
  config.baseUrl = baseUrl;
  config.devLogin = false;
  const pages: Page[] = [];

  function open(name: PageName, opts: { show?: boolean } = {}): Page {
    const id = simulate.load(join(dir, `pages/${name}/index`), `page-${name}`, { compiler: 'simulate', rootPath: dir, usingComponents: { ...stubs() } });
    const comp = simulate.render(id);
    const parent = document.createElement('parent-wrapper');
    document.body.appendChild(parent);
    comp.attach(parent);
    const it = comp.instance;
    it.onLoad?.({});
    if (opts.show !== false) it.onShow?.();
    const page: Page = {
      comp,
      it,
      get data() {
        return comp.data;
      },
      text: () => (comp.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
      async tap(selector, n = 0) {
        const nodes = comp.querySelectorAll(selector);
        const node = nodes[n];
        if (!node) throw new Error(`no ${selector}[${n}] on ${name} (${nodes.length} found); page reads: ${page.text().slice(0, 400)}`);
        // A TDesign stand-in is tapped inside, as a finger would: its own rules (disabled, loading) apply.
        const inner = node.querySelector('.t-button');
        (inner ?? node).dispatchEvent('tap');
        // j-component dispatches on a microtask; let the handler run.
        await new Promise((r) => setTimeout(r, 0));
      },
      all: (selector) => comp.querySelectorAll(selector),
      close() {
        it.onHide?.();
        it.onUnload?.();
        comp.detach();
        parent.remove();
      },
    };
    pages.push(page);
    return page;
  }

  return {
    fake,
    config,
    open,
    module: (rel) => require(join(dir, rel)),
    close() {
      for (const p of pages.splice(0)) p.close();
    },
  };
}

/** Waits for `fn` to hold (a page's async work), failing with `what` and the page's text. */
export async function until<T>(fn: () => T | null | undefined | false, what: string, page?: Page, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${page ? `; page reads: ${page.text().slice(0, 600)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
