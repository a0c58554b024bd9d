/**
 * A chat step: the message sent, and what the answer to it must contain.
 */
export type Step = readonly [text: string, expected: RegExp];

/**
 * The middle of the wage report every scripted conversation walks (the HTTP
 * tests in test/api, the load bench in bench/chat.ts): from the employer's
 * name to the question of when the worker left. The opening (the message,
 * consent, the months confirmed) and the leaving month depend on the day
 * the script runs, so each script says them itself.
 */
export const EMPLOYER_TO_LEAVING: readonly Step[] = [
  ['青溪宏达建筑工程有限公司', /哪个镇或街道/],
  ['东龙', /东龙镇的哪个村或社区/],
  ['新塘', /工程建设项目/],
  ['1', /项目或工地/],
  ['青溪花园二期', /多少钱/],
  ['两万八千五', /多少人/],
  ['就我一个', /还在这家单位/],
  ['2', /什么时候离开/],
];

/** A wage report about 好再来饭店 in 河西街道, from the first message to 确认 (the probes' P): submitted. */
export const SUBMITTED_REPORT: readonly string[] = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

/** The same report up to its summary (「请核对您要反映的欠薪情况」), nothing submitted. */
export const TO_SUMMARY: readonly string[] = SUBMITTED_REPORT.slice(0, -1);
