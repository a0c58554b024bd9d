/** Small helpers the pages share. */
import { messageOf } from './api';

export type Tap<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  WechatMiniprogram.IAnyObject,
  D
>;

/** A short toast with the error's polite message. */
export function toastError(err: unknown): void {
  wx.showToast({ title: messageOf(err), icon: 'none', duration: 2500 });
}

/** `wx.showModal` as a promise: true when the person confirms. */
export function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '再想想',
      success: (r) => resolve(r.confirm),
      fail: () => resolve(false),
    });
  });
}

interface ListPage {
  setData(data: WechatMiniprogram.IAnyObject): void;
  load(): Promise<void>;
}

/**
 * The methods every list page has: load on show, pull down to reload, a
 * polite error with 重试. `key` is the data field the cards go in.
 */
export function listMethods<T, C>(key: string, fetch: () => Promise<T[]>, card: (item: T) => C) {
  return {
    onShow(this: ListPage) {
      void this.load();
    },
    async onPullDownRefresh(this: ListPage) {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load(this: ListPage) {
      try {
        const list = await fetch();
        this.setData({ [key]: list.map(card), loading: false, error: '' });
      } catch (err) {
        this.setData({ loading: false, error: messageOf(err) });
        toastError(err);
      }
    },
    onRetry(this: ListPage) {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
  };
}
