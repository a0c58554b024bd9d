/** The part of jsdom's API the mini-program tests use (the package ships no types; see support/dom.ts). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean; url?: string });
    readonly window: Window & typeof globalThis;
  }
}
