/**
 * A message another page wants the chat to send for the person (the tab bar
 * cannot carry a query): `预约律师 QX…` from 我的案件, `改约 YY…` from 我的预约.
 * The chat page takes it when it is shown.
 */
let queued: string | null = null;

export function sendInChat(text: string): void {
  queued = text;
  wx.switchTab({ url: '/pages/chat/index' });
}

/** The queued message, once. */
export function takeQueued(): string | null {
  const t = queued;
  queued = null;
  return t;
}
