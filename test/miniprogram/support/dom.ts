import { JSDOM } from 'jsdom';

/**
 * A DOM for miniprogram-simulate (j-component renders into it). Only the
 * names it uses are made global: a whole jsdom environment would replace
 * Node's `URL` and `fetch` too, which the app under test, in the same
 * process, needs as they are.
 */
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'https://servicewechat.com/' });
const w = dom.window;
const g = globalThis as Record<string, unknown>;
for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Text', 'Event', 'CustomEvent', 'TouchEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  if (name === 'window') g.window = w;
  else if (!(name in g) || name === 'navigator' || name === 'Event' || name === 'CustomEvent') {
    const v = (w as unknown as Record<string, unknown>)[name];
    g[name] = typeof v === 'function' && /^[a-z]/.test(name) ? (v as (...a: unknown[]) => unknown).bind(w) : v;
  }
}
