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
