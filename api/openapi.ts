import { Router } from '@koa/router';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import type { Core } from '../core/context.js';
import { DirectorySchema } from '../core/directory/index.js';
import { CalendarYearSchema } from '../core/infra/calendar.js';
import { StaffId, UserKeyBody } from './admin.js';
import { DevAuthBody, RefreshBody, WechatAuthBody } from './auth.js';
import { ChatMessageBody, HistoryQuery } from './chat.js';
import {
  BookingSchema,
  BookingsSchema,
  CaseSummarySchema,
  CasesSchema,
  ChatRepliesSchema,
  ClientConfigSchema,
  DocumentsSchema,
  ErrorBodySchema,
  HistorySchema,
  MembershipSchema,
  ServicePointsSchema,
  SessionSchema,
  SubscriptionsSchema,
} from './contract.js';
import { staticUrl } from './health.js';
import { SubscriptionsBody } from './me.js';
import { ConsoleSignIn } from './console.js';
import { Amend, Chase, Duty, Extend, Note, Outcome, Reassign, Reason, Refer, RejectBody, Resolve } from './staff.js';

/** A route the app answers: lower-case method and the router's pattern (`/api/v1/me/cases/:caseNo`). */
export interface AppRoute {
  method: string;
  path: string;
}

/** Every route of these routers (HEAD, which Koa adds to each GET, left out). */
export function routesOf(routers: readonly { stack: readonly { methods: string[]; path: string | RegExp }[] }[]): AppRoute[] {
  const out: AppRoute[] = [];
  for (const r of routers) {
    for (const layer of r.stack) {
      for (const m of layer.methods) if (m !== 'HEAD') out.push({ method: m.toLowerCase(), path: String(layer.path) });
    }
  }
  return out;
}

type Auth = 'user' | 'staff' | 'admin' | 'adminSession' | 'consoleSession' | 'metrics' | 'wechatSignature' | 'signedLink';
type Produces = 'csv' | 'json' | 'html' | 'text' | 'javascript' | 'css' | 'docx' | 'file' | 'metrics' | 'redirect' | 'none';

/** What the document says about one route, beyond its method and path. */
interface Op {
  summary: string;
  tag: string;
  description?: string;
  auth?: Auth;
  /** The JSON body, validated with this very schema by the route. */
  body?: z.ZodType;
  /** An HTML form's body. */
  form?: z.ZodType;
  /** A file upload (the chat's files). */
  upload?: true;
  query?: z.ZodObject;
  /** Success: status (200), what comes back, and its schema when JSON. */
  ok?: { status?: number; produces?: Produces; schema?: z.ZodType; description?: string };
  /** Limited per person or address: may answer 429. */
  limited?: true;
  /** `false`: answers without Redis (else it may answer 503 when Redis is out of reach). */
  store?: false;
}

const TAGS = {
  ops: '运维',
  page: '网页',
  auth: '登录',
  public: '公开信息',
  chat: '对话',
  me: '我的',
  staff: '工作人员',
  admin: '管理员',
  push: '微信消息推送',
  console: '网页控制台',
} as const;

const json = (schema?: z.ZodType, status?: number) => ({ produces: 'json' as const, ...(schema ? { schema } : {}), ...(status ? { status } : {}) });
const after = z.object({ after: z.string().regex(/^\d+$/).optional().meta({ description: '已经看过的条数（从0开始）' }) });

/**
 * Every route, by `METHOD pattern`. A route the app answers but this table
 * lacks still appears in the document (marked `x-undocumented`), and
 * test/api/operator.test.ts fails until it is described here.
 */
const OPS: Record<string, Op> = {
  'GET /healthz': { tag: TAGS.ops, summary: '进程存活检查', ok: json(), store: false },
  'GET /readyz': { tag: TAGS.ops, summary: '就绪检查：Redis 可用、名录已加载（1秒内答复）', ok: json() },
  'GET /metrics': { tag: TAGS.ops, summary: 'Prometheus 指标（需要 METRICS_TOKEN）', auth: 'metrics', ok: { produces: 'metrics' } },
  'GET /api/v1/openapi.json': { tag: TAGS.ops, summary: '本文档（OpenAPI 3.1）', ok: json(), store: false },
  'GET /api/docs': { tag: TAGS.ops, summary: '接口说明网页（由本文档生成）', ok: { produces: 'html' }, store: false },
  'GET /admin/sign-in': { tag: TAGS.ops, summary: '管理员登录页（已登录时显示退出按钮）', ok: { produces: 'html' }, store: false },
  'POST /admin/sign-in': {
    tag: TAGS.ops,
    summary: '管理员登录：提交 ADMIN_TOKEN，得到2小时有效的会话 Cookie，转到任务队列',
    form: z.object({ token: z.string().meta({ description: 'ADMIN_TOKEN' }) }),
    ok: { status: 303, produces: 'redirect', description: '登录成功，转到 /admin/queues（设置 gy_admin Cookie）' },
    limited: true,
  },
  'POST /admin/sign-out': { tag: TAGS.ops, summary: '管理员退出登录', auth: 'adminSession', ok: { status: 303, produces: 'redirect', description: '已退出，转到登录页' }, store: false },

  'GET /': { tag: TAGS.page, summary: '网页版对话', ok: { produces: 'html' }, store: false },
  'GET /static/chat.js': { tag: TAGS.page, summary: '网页版对话的脚本', ok: { produces: 'javascript' }, store: false },
  'GET /static/chat.css': { tag: TAGS.page, summary: '网页版对话的样式', ok: { produces: 'css' }, store: false },
  'GET /static/admin.css': { tag: TAGS.page, summary: '管理页面的样式', ok: { produces: 'css' }, store: false },

  'POST /api/v1/auth/dev': { tag: TAGS.auth, summary: '开发用登录（仅 DEV_LOGIN=1，生产环境没有）', body: DevAuthBody, ok: json(SessionSchema), limited: true },
  'POST /api/v1/auth/wechat': { tag: TAGS.auth, summary: '小程序登录：用 wx.login 的 code 换登录凭证', body: WechatAuthBody, ok: json(SessionSchema), limited: true },
  'POST /api/v1/auth/refresh': { tag: TAGS.auth, summary: '用 refreshToken（只能用一次）换一对新凭证', body: RefreshBody, ok: json(SessionSchema), limited: true },
  'POST /api/v1/auth/logout': { tag: TAGS.auth, summary: '退出：本人的所有凭证立即失效', auth: 'user', ok: { status: 204, produces: 'none' } },

  'GET /api/v1/client-config': { tag: TAGS.public, summary: '登录前客户端需要的设置', ok: json(ClientConfigSchema), limited: true },
  'GET /api/v1/service-points': { tag: TAGS.public, summary: '服务点（地址、电话、开放时间、坐标）', ok: json(ServicePointsSchema), limited: true },
  'GET /api/v1/cards/verify': {
    tag: TAGS.public,
    summary: '会员卡二维码核验（浏览器得到网页，其他得到 JSON）',
    query: z.object({ token: z.string().meta({ description: '二维码里的令牌' }) }),
    ok: json(),
    limited: true,
  },
  'GET /api/v1/documents/{token}': { tag: TAGS.public, summary: '用对话里给的短时链接下载法律文书（.docx）', auth: 'signedLink', ok: { produces: 'docx' }, limited: true },

  'POST /api/v1/chat/messages': { tag: TAGS.chat, summary: '发一条文字消息，得到回复', auth: 'user', body: ChatMessageBody, ok: json(ChatRepliesSchema), limited: true },
  'POST /api/v1/chat/files': {
    tag: TAGS.chat,
    summary: '发一个文件（证据照片等），得到回复',
    description: '原始字节（文件名放在 X-File-Name，URI 编码），或 multipart/form-data 的 file 字段。X-Client-Msg-Id 可让重发只算一次。',
    auth: 'user',
    upload: true,
    ok: json(ChatRepliesSchema),
    limited: true,
  },
  'GET /api/v1/chat/history': { tag: TAGS.chat, summary: '本人的对话记录（从旧到新）', auth: 'user', query: HistoryQuery, ok: json(HistorySchema), limited: true },
  'GET /api/v1/chat/updates': { tag: TAGS.chat, summary: '之后收到的通知和工作人员回复', auth: 'user', query: after, ok: json() },

  'GET /api/v1/me/cases': { tag: TAGS.me, summary: '我的案件', auth: 'user', ok: json(CasesSchema), limited: true },
  'GET /api/v1/me/cases/{caseNo}': { tag: TAGS.me, summary: '我的一个案件', auth: 'user', ok: json(z.object({ case: CaseSummarySchema })), limited: true },
  'GET /api/v1/me/cases/{caseNo}/documents': { tag: TAGS.me, summary: '这个案件能用的法律文书', auth: 'user', ok: json(DocumentsSchema), limited: true },
  'GET /api/v1/me/cases/{caseNo}/documents/{kind}': { tag: TAGS.me, summary: '下载一份法律文书（.docx）', auth: 'user', ok: { produces: 'docx' }, limited: true },
  'GET /api/v1/me/bookings': { tag: TAGS.me, summary: '我的预约', auth: 'user', ok: json(BookingsSchema), limited: true },
  'GET /api/v1/me/bookings/{no}': { tag: TAGS.me, summary: '我的一个预约', auth: 'user', ok: json(BookingSchema), limited: true },
  'POST /api/v1/me/bookings/{no}/cancel': { tag: TAGS.me, summary: '取消预约', auth: 'user', ok: json(BookingSchema), limited: true },
  'GET /api/v1/me/bookings/{no}/documents': { tag: TAGS.me, summary: '这个预约能用的法律文书', auth: 'user', ok: json(DocumentsSchema), limited: true },
  'GET /api/v1/me/bookings/{no}/documents/{kind}': { tag: TAGS.me, summary: '下载一份法律文书（.docx）', auth: 'user', ok: { produces: 'docx' }, limited: true },
  'POST /api/v1/me/subscriptions': { tag: TAGS.me, summary: '记录订阅消息的授权结果', auth: 'user', body: SubscriptionsBody, ok: json(SubscriptionsSchema), limited: true },
  'GET /api/v1/me/subscriptions': { tag: TAGS.me, summary: '还能收到几条订阅消息', auth: 'user', ok: json(SubscriptionsSchema), limited: true },
  'GET /api/v1/me/membership': { tag: TAGS.me, summary: '我的入会申请和会员卡', auth: 'user', ok: json(MembershipSchema), limited: true },

  'GET /api/v1/staff/me': { tag: TAGS.staff, summary: '我是谁（姓名、岗位、网格）和是否在岗', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/board': { tag: TAGS.staff, summary: '督办看板（镇、区负责人）：待分派、两小时内到期、已超时或已上交、待审批办结、关联案件', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/reassign': { tag: TAGS.staff, summary: '改派（镇、区负责人；按分派规则）', auth: 'staff', body: Reassign, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/chase': {
    tag: TAGS.staff,
    summary: '催办（镇、区负责人）：把要说的话转告案件负责人，同一件案件一小时内只催办一次',
    description: '与微信「催办 QX… 要说的话」相同：负责人收到【催办】；一小时内已催办过的答复 409（chased_recently）。',
    auth: 'staff',
    body: Chase,
    ok: json(),
    limited: true,
  },
  'GET /api/v1/staff/cases/{caseNo}/reassign-options': { tag: TAGS.staff, summary: '可以改派给谁（镇、区负责人）', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/inbox': { tag: TAGS.staff, summary: '工作人员的通知', auth: 'staff', query: after, ok: json(), limited: true },
  'GET /api/v1/staff/cases': { tag: TAGS.staff, summary: '我负责或能看的案件', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/cases/{caseNo}': { tag: TAGS.staff, summary: '一个案件（按角色显示电话）', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/cases/{caseNo}/evidence/{id}': { tag: TAGS.staff, summary: '下载一份证据材料', auth: 'staff', ok: { produces: 'file' }, limited: true },
  'GET /api/v1/staff/cases/{caseNo}/documents': { tag: TAGS.staff, summary: '这个案件能用的法律文书', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/cases/{caseNo}/documents/{kind}': { tag: TAGS.staff, summary: '下载一份法律文书（.docx）', auth: 'staff', ok: { produces: 'docx' }, limited: true },
  'POST /api/v1/staff/cases/{caseNo}/accept': { tag: TAGS.staff, summary: '接单', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/decline': { tag: TAGS.staff, summary: '退回（写明原因）', auth: 'staff', body: Reason, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/note': { tag: TAGS.staff, summary: '备注', auth: 'staff', body: Note, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/reply': { tag: TAGS.staff, summary: '回复反映人', auth: 'staff', body: Note, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/resolve': { tag: TAGS.staff, summary: '办结（追回金额，或未追回的原因和下一步）', auth: 'staff', body: Resolve, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/amend': {
    tag: TAGS.staff,
    summary: '更正案件信息（欠薪金额、用人单位或报告人电话；负责人或镇、区负责人）',
    description: '与微信「更正 QX… 金额 28500」相同：值不对答复 400（field 为 field 或 value）；已办结、已结案或办结待审批答复 409；值没有变化答复 409（unchanged）。报告人会收到更正的消息。',
    auth: 'staff',
    body: Amend,
    ok: json(),
    limited: true,
  },
  'POST /api/v1/staff/cases/{caseNo}/extend': { tag: TAGS.staff, summary: '延期（工作日）', auth: 'staff', body: Extend, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/close/approve': { tag: TAGS.staff, summary: '同意办结（群体或建筑案件由上级审核）', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/close/reject': { tag: TAGS.staff, summary: '退回办结（写明原因）', auth: 'staff', body: Reason, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/refer': { tag: TAGS.staff, summary: '转检察（支持起诉）', auth: 'staff', body: Reason, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/referral/accept': { tag: TAGS.staff, summary: '检察官受理', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/referral/decline': { tag: TAGS.staff, summary: '检察官不予支持（写明理由）', auth: 'staff', body: Reason, ok: json(), limited: true },
  'POST /api/v1/staff/cases/{caseNo}/referral/outcome': { tag: TAGS.staff, summary: '检察官记录结果', auth: 'staff', body: Outcome, ok: json(), limited: true },
  'POST /api/v1/staff/duty': { tag: TAGS.staff, summary: '上班 / 休息', auth: 'staff', body: Duty, ok: json(), limited: true },
  'GET /api/v1/staff/bookings': {
    tag: TAGS.staff,
    summary: '我的预约日程',
    auth: 'staff',
    query: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ description: 'YYYY-MM-DD，默认今天' }) }),
    ok: json(),
    limited: true,
  },
  'POST /api/v1/staff/bookings/{no}/done': { tag: TAGS.staff, summary: '预约已完成', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/bookings/{no}/no-show': { tag: TAGS.staff, summary: '预约爽约', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/bookings/{no}/refer': { tag: TAGS.staff, summary: '检察官转支持起诉', auth: 'staff', body: Refer, ok: json(), limited: true },
  'GET /api/v1/staff/memberships': { tag: TAGS.staff, summary: '等我审核的入会申请', auth: 'staff', ok: json(), limited: true },
  'GET /api/v1/staff/memberships/{no}': { tag: TAGS.staff, summary: '一份入会申请', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/memberships/{no}/approve': { tag: TAGS.staff, summary: '通过入会申请', auth: 'staff', ok: json(), limited: true },
  'POST /api/v1/staff/memberships/{no}/reject': { tag: TAGS.staff, summary: '驳回入会申请（写明原因）', auth: 'staff', body: RejectBody, ok: json(), limited: true },

  'POST /api/v1/admin/staff-tokens': { tag: TAGS.admin, summary: '给名录中的工作人员发凭证', auth: 'admin', body: StaffId, ok: json(undefined, 201) },
  'POST /api/v1/admin/staff/{staffId}/revoke': { tag: TAGS.admin, summary: '工作人员的所有凭证立即失效', auth: 'admin', ok: json() },
  'POST /api/v1/admin/users/revoke': { tag: TAGS.admin, summary: '某人的所有凭证立即失效', auth: 'admin', body: UserKeyBody, ok: json() },
  'POST /api/v1/admin/bind-codes': { tag: TAGS.admin, summary: '微信绑定码（一次性，24小时）', auth: 'admin', body: StaffId, ok: json(undefined, 201) },
  'DELETE /api/v1/admin/bindings/{staffId}': { tag: TAGS.admin, summary: '解除微信绑定', auth: 'admin', ok: json() },
  'POST /api/v1/admin/console-links': { tag: TAGS.admin, summary: '网页控制台的一次性登录链接（15分钟）', auth: 'admin', body: StaffId, ok: json(undefined, 201) },
  'GET /api/v1/admin/dashboard': { tag: TAGS.admin, summary: '统计看板的数字：按镇、按月、按时接单和办结、满意度、追回金额、入会申请', auth: 'admin', ok: json() },
  'GET /api/v1/admin/dashboard.csv': { tag: TAGS.admin, summary: '统计看板导出 CSV（UTF-8 带 BOM，Excel 可直接打开）', auth: 'admin', ok: { produces: 'csv' } },
  'GET /api/v1/admin/stats': { tag: TAGS.admin, summary: '各区、镇的案件数字和节假日日历覆盖', auth: 'admin', ok: json() },
  'GET /api/v1/admin/directory': { tag: TAGS.admin, summary: '读取名录', auth: 'admin', ok: json() },
  'PUT /api/v1/admin/directory': {
    tag: TAGS.admin,
    summary: '替换整个名录（整体校验，有问题则不作任何修改）',
    auth: 'admin',
    body: z.object({ directory: DirectorySchema }),
    ok: json(),
  },
  'GET /api/v1/admin/calendar': { tag: TAGS.admin, summary: '节假日日历', auth: 'admin', ok: json() },
  'PUT /api/v1/admin/calendar/years/{year}': { tag: TAGS.admin, summary: '添加或替换一年的放假安排', auth: 'admin', body: CalendarYearSchema, ok: json() },
  'DELETE /api/v1/admin/calendar/years/{year}': { tag: TAGS.admin, summary: '删除管理员填写的某一年', auth: 'admin', ok: json() },

  'GET /wechat/push/{channel}': {
    tag: TAGS.push,
    summary: '微信保存推送地址时的 URL 校验（channel: oa 公众号，mp 小程序客服）',
    auth: 'wechatSignature',
    ok: { produces: 'text' },
    store: false,
  },
  'POST /wechat/push/{channel}': { tag: TAGS.push, summary: '微信推送的消息（验签，安全模式解密，立即答复 success）', auth: 'wechatSignature', ok: { produces: 'text' } },
};

/**
 * The console's own routes, and its mirrors of the staff and admin APIs: the
 * same handlers (api/console.ts), authenticated by the console's session cookie.
 */
const CONSOLE_OPS: Record<string, Op> = {
  'GET /console': { tag: TAGS.console, summary: '网页控制台（工作人员和管理员）', ok: { produces: 'html' }, store: false },
  'GET /console/': { tag: TAGS.console, summary: '网页控制台（同上）', ok: { produces: 'html' }, store: false },
  'GET /static/console/console.js': { tag: TAGS.console, summary: '控制台的脚本', ok: { produces: 'javascript' }, store: false },
  'GET /static/console/console.css': { tag: TAGS.console, summary: '控制台的样式', ok: { produces: 'css' }, store: false },
  'GET /static/console/chart.js': { tag: TAGS.console, summary: 'Chart.js（本站提供，不用 CDN）', ok: { produces: 'javascript' }, store: false },
  'POST /api/v1/console/sign-in': {
    tag: TAGS.console,
    summary: '登录控制台：一次性登录链接、微信「控制台」得到的登录码，或管理员凭证；设置 gy_console Cookie',
    body: ConsoleSignIn,
    ok: json(),
    limited: true,
  },
  'POST /api/v1/console/sign-out': { tag: TAGS.console, summary: '退出控制台（会话立即删除）', auth: 'consoleSession', ok: { status: 204, produces: 'none' } },
  'GET /api/v1/console/session': { tag: TAGS.console, summary: '当前登录的是谁', auth: 'consoleSession', ok: json() },
  'GET /api/v1/console/events': { tag: TAGS.console, summary: '案件变化的实时推送（Server-Sent Events，只推送本人能看的案件）', auth: 'consoleSession', ok: { produces: 'text' } },
};
for (const [key, op] of Object.entries(OPS)) {
  const m = /^(\w+) \/api\/v1\/(staff|admin)\/(.*)$/.exec(key);
  if (m) CONSOLE_OPS[`${m[1]} /api/v1/console/${m[2]}/${m[3]}`] = { ...op, tag: TAGS.console, summary: `${op.summary}（控制台）`, auth: 'consoleSession' };
}
Object.assign(OPS, CONSOLE_OPS);

const SECURITY: Record<Auth, string | null> = {
  user: 'userToken',
  staff: 'staffToken',
  admin: 'adminToken',
  adminSession: 'adminSession',
  metrics: 'metricsToken',
  wechatSignature: null,
  signedLink: null,
  consoleSession: 'consoleSession',
};

const CONTENT_TYPES: Record<Exclude<Produces, 'json' | 'redirect' | 'none'>, string> = {
  html: 'text/html',
  text: 'text/plain',
  javascript: 'text/javascript',
  css: 'text/css',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  file: 'application/octet-stream',
  metrics: 'text/plain; version=0.0.4',
  csv: 'text/csv',
};

/** `/api/v1/me/cases/:caseNo` → `/api/v1/me/cases/{caseNo}`. */
export const openapiPath = (pattern: string) => pattern.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const ErrorBody = ErrorBodySchema.meta({ id: 'ErrorBody', description: '错误：code 供程序判断，message 给人看，requestId 供查日志' });

function operation(op: Op, path: string): ZodOpenApiOperationObject {
  const params = [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });
  const ok = op.ok ?? {};
  const produces = ok.produces ?? 'json';
  const status = String(ok.status ?? 200);
  const responses: ZodOpenApiResponsesObject = {
    [status]:
      produces === 'json'
        ? { description: ok.description ?? '成功', content: { 'application/json': { schema: ok.schema ?? z.looseObject({}) } } }
        : produces === 'redirect' || produces === 'none'
          ? { description: ok.description ?? '成功' }
          : { description: ok.description ?? '成功', content: { [CONTENT_TYPES[produces]]: { schema: { type: 'string' as const, ...(produces === 'docx' || produces === 'file' ? { format: 'binary' } : {}) } } } },
  };
  if (op.body || op.form || op.query || op.upload || params.length) responses['400'] = error('请求不对：field 指出哪一项，message 说明原因');
  if (op.auth && SECURITY[op.auth]) {
    responses['401'] = error('缺少凭证或凭证已失效');
    responses['403'] = error('凭证不对或没有权限');
  }
  if (op.limited) responses['429'] = error('太频繁了，请稍等一分钟');
  if (op.store !== false) responses['503'] = error('服务暂时不可用（例如 Redis 连不上），请稍后再试');
  const security = op.auth ? SECURITY[op.auth] : null;
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(security ? { security: [{ [security]: [] }] } : { security: [] }),
    ...(params.length || op.query
      ? {
          requestParams: {
            ...(params.length ? { path: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
            ...(op.query ? { query: op.query } : {}),
          },
        }
      : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
    ...(op.form ? { requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: op.form } } } } : {}),
    ...(op.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' }, fileName: { type: 'string', description: '文件原名（小程序上传时）' } },
                  required: ['file'],
                },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The key of a route in OPS. */
const opKey = (r: AppRoute) => `${r.method.toUpperCase()} ${openapiPath(r.path)}`;

/** Routes the app answers that OPS does not describe (test/api/operator.test.ts wants none). */
export function undocumented(routes: AppRoute[]): string[] {
  return routes.map(opKey).filter((k) => !(k in OPS));
}

/**
 * The OpenAPI 3.1 document of exactly the routes the app answers, the
 * request bodies being the zod schemas the routes validate with and the
 * responses those of api/contract.ts.
 */
export function buildDocument(routes: AppRoute[], opts: { serverUrl?: string } = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) {
    const path = openapiPath(r.path);
    const op = OPS[opKey(r)];
    const item = (paths[path] ??= {}) as Record<string, ZodOpenApiOperationObject>;
    item[r.method] = op ? operation(op, path) : { summary: '（未说明）', 'x-undocumented': true, responses: { default: { description: '' } } };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: '工友 API',
      version: '1',
      description:
        '工友的 HTTP 接口：小程序、网页版对话、工作人员和管理员使用。每个答复都带 X-Request-Id（也可以自己给一个：最长64个字母、数字、_ 或 -），错误的答复体里也有 requestId，询问问题时请提供它。',
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags: Object.values(TAGS).map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        userToken: { type: 'http', scheme: 'bearer', description: '个人的登录凭证（/api/v1/auth/* 得到，短期有效）' },
        staffToken: { type: 'http', scheme: 'bearer', description: '工作人员凭证（管理员用 /api/v1/admin/staff-tokens 发放）' },
        adminToken: { type: 'http', scheme: 'bearer', description: '管理员凭证 ADMIN_TOKEN' },
        adminSession: { type: 'apiKey', in: 'cookie', name: 'gy_admin', description: '管理员在 /admin/sign-in 登录后的会话 Cookie（2小时）' },
        metricsToken: { type: 'http', scheme: 'bearer', description: '监控凭证 METRICS_TOKEN' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'gy_console', description: '网页控制台登录后的会话 Cookie（12小时；吊销凭证、解绑或移出名录即失效）' },
      },
    },
  });
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SECURITY_NAMES: Record<string, string> = {
  userToken: '个人登录凭证',
  staffToken: '工作人员凭证',
  adminToken: '管理员凭证',
  adminSession: '管理员登录 Cookie',
  metricsToken: '监控凭证',
  consoleSession: '控制台登录 Cookie',
};

/**
 * `/api/docs`: the document as one self-contained page (no CDN, no script:
 * it works offline and under the strict CSP). Schemas are shown as JSON
 * under 展开.
 */
export function docsPage(doc: OpenApiDocument): string {
  const sections = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item as Record<string, unknown>)) {
      const op = raw as {
        summary?: string;
        description?: string;
        tags?: string[];
        security?: Record<string, string[]>[];
        parameters?: { name: string; in: string; required?: boolean; description?: string }[];
        requestBody?: { content: Record<string, { schema?: unknown }> };
        responses?: Record<string, { description?: string }>;
      };
      const auth = (op.security ?? []).flatMap((s) => Object.keys(s)).map((k) => SECURITY_NAMES[k] ?? k);
      const params = (op.parameters ?? []).map(
        (p) => `<li><code>${escapeHtml(p.name)}</code>（${p.in === 'path' ? '路径' : p.in === 'query' ? '查询' : escapeHtml(p.in)}${p.required ? '，必填' : ''}）${p.description ? `：${escapeHtml(p.description)}` : ''}</li>`,
      );
      const bodies = Object.entries(op.requestBody?.content ?? {}).map(
        ([type, media]) => `<details><summary>请求体 ${escapeHtml(type)}</summary><pre>${escapeHtml(JSON.stringify(media.schema ?? {}, null, 2))}</pre></details>`,
      );
      const responses = Object.entries(op.responses ?? {}).map(([code, r]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? '')}</li>`);
      const tag = op.tags?.[0] ?? '其他';
      const html = `<section class="op" id="${escapeHtml(`${method}-${path}`)}"><h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3><p>${escapeHtml(op.summary ?? '')}</p>${op.description ? `<p class="hint">${escapeHtml(op.description)}</p>` : ''}<p class="hint">凭证：${auth.length ? escapeHtml(auth.join('、')) : '不需要'}</p>${params.length ? `<ul>${params.join('')}</ul>` : ''}${bodies.join('')}<ul class="responses">${responses.join('')}</ul></section>`;
      sections.set(tag, [...(sections.get(tag) ?? []), html]);
    }
  }
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, unknown>).map(
    ([name, schema]) => `<details><summary><code>${escapeHtml(name)}</code></summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`,
  );
  const body = [...sections.entries()].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>工友 API 接口说明</title><link rel="stylesheet" href="${staticUrl('admin.css')}"></head><body><main class="docs"><h1>${escapeHtml(doc.info.title)} 接口说明</h1><p>${escapeHtml(doc.info.description ?? '')}</p><p>机器可读的文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>（OpenAPI ${escapeHtml(doc.openapi)}）</p>${body}${schemas.length ? `<h2>数据结构</h2>${schemas.join('')}` : ''}</main></body></html>`;
}

/**
 * `/api/v1/openapi.json` and `/api/docs`: built once, from `routes()` —
 * the app's own routes, these two included.
 */
export function openapiRoutes(core: Core, routes: () => AppRoute[]): Router {
  const router = new Router();
  let doc: OpenApiDocument | null = null;
  let page: string | null = null;
  const document = () => (doc ??= buildDocument(routes(), core.config.PUBLIC_BASE_URL ? { serverUrl: core.config.PUBLIC_BASE_URL } : {}));
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = document();
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = page ??= docsPage(document());
  });
  return router;
}
