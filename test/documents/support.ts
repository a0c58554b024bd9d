import { strFromU8, unzipSync } from 'fflate';
import type { Clock } from '../../core/infra/clock.js';
import type { ChatService } from '../../flows/service.js';

/** A small JPEG, as a worker's photo of a pay slip. */
export const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);

/**
 * The text of a .docx as a person reads it: word/document.xml unzipped,
 * one line per paragraph (table cells joined with ` | `), tags stripped
 * and entities decoded.
 */
export function docxText(bytes: Buffer | Uint8Array): string {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error(`not a .docx: ${Object.keys(files).join(', ')}`);
  return strFromU8(xml)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `YYYY年M月`, `n` months before the clock's month (Beijing). */
export function monthBack(clock: Clock, n: number): string {
  const bj = new Date(clock.now().getTime() + 8 * 3600_000);
  const d = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - n, 1));
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/**
 * A wage report through the conversation, as a worker types it (张三,
 * 青溪宏达建筑工程有限公司 in 东龙镇新塘社区, the 青溪花园二期 site, 28,500元,
 * left last month, a photo of a pay slip): its case number. Each answer
 * goes to the question actually asked, so questions added to the wage flow
 * (skippable ones are skipped) do not stop it.
 */
export async function reportWage(
  chat: ChatService,
  userKey: string,
  clock: Clock,
  story: { first?: string; answers?: readonly [RegExp, string][] } = {},
): Promise<string> {
  const answers: [RegExp, string][] = [
    ...(story.answers ?? []),
    [/单位叫什么|老板.{0,6}叫什么/, '青溪宏达建筑工程有限公司'],
    [/哪个镇或街道/, '东龙'],
    [/哪个村或社区/, '新塘'],
    [/工程建设项目/, '1'],
    [/项目或工地/, '青溪花园二期'],
    [/多少钱/, '两万八千五'],
    [/多少人/, '就我一个'],
    [/还在这家/, '2'],
    [/什么时候离开|哪个月离开/, monthBack(clock, 1)],
    [/怎么称呼|姓名/, '张三'],
    [/手机号/, '13800138000'],
  ];
  const transcript: string[] = [];
  let replies = await chat.handle(userKey, { kind: 'text', text: story.first ?? '老板拖了我三个月工资' });
  let sentFile = false;
  for (let step = 0; step < 40; step++) {
    const all = replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
    transcript.push(all);
    const done = /案件编号是 (QX\d{8}-\d{4})/.exec(all)?.[1];
    if (done) return done;
    const q = replies.filter((r) => r.type === 'text').at(-1)?.text ?? '';
    let text: string | null = null;
    if (/请核对/.test(q)) text = '确认';
    else if (/同意吗/.test(q)) text = '1';
    else if (/我理解的是.*对吗/s.test(q)) text = '对';
    else if (/证据|材料|照片/.test(q) && !sentFile && !/雇主家住在哪里|地址/.test(q)) {
      sentFile = true;
      replies = await chat.handle(userKey, { kind: 'file', meta: { name: '工资条.jpg', mediaType: 'image/jpeg', size: JPG.length }, load: async () => JPG });
      continue;
    } else if (/「完成」|证据|材料/.test(q) && sentFile) text = '完成';
    else text = answers.find(([re]) => re.test(q))?.[1] ?? (/可回复「跳过」|不知道就回复/.test(q) ? '跳过' : null);
    if (text === null) throw new Error(`no answer for: ${q}\n--- transcript:\n${transcript.join('\n---\n')}`);
    transcript.push(`> ${text}`);
    replies = await chat.handle(userKey, { kind: 'text', text });
  }
  throw new Error(`no case number after 40 answers:\n${transcript.join('\n---\n')}`);
}

/**
 * A conversation driven by what is asked: each reply's last question is
 * answered by the first pattern that matches it, until `done` shows up.
 * Returns every reply text, in order (to check what was said on the way).
 */
export async function converseUntil(chat: ChatService, userKey: string, first: string, answers: readonly [RegExp, string][], done: RegExp): Promise<string[]> {
  const said: string[] = [];
  let replies = await chat.handle(userKey, { kind: 'text', text: first });
  for (let step = 0; step < 30; step++) {
    const all = replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
    said.push(all);
    if (done.test(all)) return said;
    const q = replies.filter((r) => r.type === 'text').at(-1)?.text ?? '';
    const text = answers.find(([re]) => re.test(q))?.[1];
    if (text === undefined) throw new Error(`no answer for: ${q}\n--- so far:\n${said.join('\n---\n')}`);
    said.push(`> ${text}`);
    replies = await chat.handle(userKey, { kind: 'text', text });
  }
  throw new Error(`not done after 30 answers:\n${said.join('\n---\n')}`);
}

/** The tokens of the download links in a chat reply. */
export function linkTokens(text: string): string[] {
  return [...text.matchAll(/\/api\/v1\/documents\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
}
