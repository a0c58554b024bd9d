/** A numbered choice. The channel renders it (WeChat: a numbered line; web: a button). */
export interface Option {
  label: string;
  value: string;
}

/** What the assistant says: every channel renders these (the web chat as buttons, WeChat as numbered lines). */
export type Reply =
  | { type: 'text'; text: string; options?: Option[] }
  | { type: 'image'; url: string; alt: string };

/** How a reply reads as plain text (WeChat chats and transcripts). */
export function renderText(reply: Reply): string {
  if (reply.type === 'image') return `[图片] ${reply.alt}`;
  if (!reply.options || reply.options.length === 0) return reply.text;
  return `${reply.text}\n${reply.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
}
