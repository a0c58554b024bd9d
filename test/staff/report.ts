/*
 * Reporting unpaid wages through the chat, answering whatever the wage flow
 * asks next by what it asks (the order of its questions is the wage flow's
 * business, not these tests'): the transcript ends at the submit receipt.
 */
import { expect } from 'vitest';
import { renderText } from '../../core/infra/replies.js';
import type { ChatService } from '../../flows/service.js';

export interface ChatReport {
  employer?: string;
  /** `就我一个`, `12个人`… */
  headcount?: string;
  construction?: boolean;
  amount?: string;
  phone?: string;
}

/** Question patterns, most specific first, and the answer to each. */
function answers(r: Required<ChatReport>): [RegExp, string][] {
  return [
    [/提交成功/, ''],
    [/回复「确认」提交/, '确认'],
    [/同意吗/, '1'],
    [/对吗/, '对'],
    [/单位叫什么|欠您工资的是/, r.employer],
    [/是哪一种/, '1'],
    [/哪个镇或街道/, '东龙'],
    [/哪个村或社区/, '新塘'],
    [/您是说下面哪一个/, '1'],
    [/工程建设项目吗/, r.construction ? '1' : '2'],
    [/项目或工地叫什么/, '青溪花园二期'],
    [/哪段时间/, '三个月'],
    [/一共被拖欠了多少钱|拖欠了多少钱|欠了多少钱/, r.amount],
    [/一共有多少人|多少人被拖欠|几个人/, r.headcount],
    [/一共被拖欠多少钱|大家一共/, '不知道'],
    [/还在这家单位/, '1'],
    [/什么时候离开/, '上个月'],
    [/证据|工资条|考勤/, '没有'],
    [/怎么称呼|姓名/, '张三'],
    [/手机号/, r.phone],
    [/地址|总包|总承包|分包|包工头|工种|名单|经过|开始干活/, '不知道'],
  ];
}

/** Walks the wage report to its end; returns the submit receipt and the case number. */
export async function reportByChat(chat: ChatService, userKey: string, opts: ChatReport = {}): Promise<{ receipt: string; caseNo: string; transcript: string[] }> {
  const r: Required<ChatReport> = {
    employer: opts.employer ?? '青溪宏达建筑工程有限公司',
    headcount: opts.headcount ?? '就我一个',
    construction: opts.construction ?? false,
    amount: opts.amount ?? '两万八千五',
    phone: opts.phone ?? '13800138000',
  };
  const transcript: string[] = [];
  let said = '我要反映欠薪';
  for (let turn = 0; turn < 40; turn++) {
    const replies = await chat.handle(userKey, { kind: 'text', text: said });
    const text = replies.map(renderText).join('\n');
    transcript.push(`> ${said}`, text);
    if (/提交成功/.test(text)) return { receipt: text, caseNo: text.match(/[A-Z]{2}\d{8}-\d{4}/)![0], transcript };
    // What is asked is at the end of the reply.
    const tail = text.split('\n').slice(-12).join('\n');
    const hit = answers(r).find(([re]) => re.test(tail));
    said = hit ? hit[1] : '不知道';
  }
  expect.fail(`the report did not reach 提交成功:\n${transcript.join('\n')}`);
}
