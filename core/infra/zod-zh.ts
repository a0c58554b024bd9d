/**
 * zod's reasons in short, natural Simplified Chinese, for documents an admin
 * edits as JSON (the directory and its holiday calendar): every problem is
 * shown as `path: reason`, so a reason names what is wrong, not where.
 * zod's own zh-CN locale leaves English type names in (`期望 number >=1`),
 * so the common cases are worded here and the rest fall back to it.
 * A schema's own message (`.min(1, '…')`) always wins over these.
 */
import { z } from 'zod';

const zhCN = z.locales.zhCN().localeError;

/** What a JSON editor calls the kinds of value. */
const KIND_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: 'true 或 false',
  array: '列表 [ … ]',
  object: '对象 { … }',
  record: '对象 { … }',
  tuple: '列表 [ … ]',
  date: '日期',
  null: '空值',
  nan: '数字',
};

const kindName = (kind: string): string => KIND_NAMES[kind] ?? '别的值';

/** The kind of a value as parsed from JSON. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isInteger(input) ? 'int' : 'number';
  return typeof input;
}

/** A value quoted from the input as JSON, short: a problem shows back what was written. */
export const quoted = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

/** zod's error map for admin-edited documents: pass as `safeParse(data, { error: chineseReasons })`. */
export const chineseReasons: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `缺少这一项（应填${kindName(iss.expected)}）`;
      if (iss.expected === 'int' && typeof iss.input === 'number') return `应填整数，现在是 ${quoted(iss.input)}`;
      return `这里应填${kindName(iss.expected)}，现在是${kindName(kindOf(iss.input))}`;
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少要写 ${min} 个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少要有 ${min} 项`;
      return iss.inclusive ? `不能小于 ${min}` : `要大于 ${min}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'string') return `最多 ${max} 个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${max} 项`;
      return iss.inclusive ? `不能大于 ${max}` : `要小于 ${max}`;
    }
    case 'invalid_value':
      return iss.values.length === 1 ? `只能是 ${quoted(iss.values[0])}` : `只能是其中之一：${iss.values.map(quoted).join('、')}`;
    case 'unrecognized_keys':
      return `多了不认识的一项：${iss.keys.map((k) => quoted(k)).join('、')}（请检查拼写，或删去）`;
    case 'invalid_key':
      return '这个键名不对';
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return `应是 ${String(iss.divisor)} 的倍数`;
    case 'invalid_union':
    case 'invalid_element':
    case 'custom':
      return '内容不对';
    default:
      return zhCN(iss);
  }
};
