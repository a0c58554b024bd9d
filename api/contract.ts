import { z } from 'zod';

/**
 * What the API answers to people's clients (the web chat and the
 * mini-program), as zod schemas. The routers build these bodies; tests parse
 * real answers with them, and the mini-program's client takes its types from
 * here (`import type`), so a change on one side fails the other's type check.
 */

export const OptionSchema = z.object({ label: z.string(), value: z.string() });

export const ReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), options: z.array(OptionSchema).optional() }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string() }),
]);
export type ReplyBody = z.infer<typeof ReplySchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** Every problem of a refused document (directory, calendar), each with its path. */
    problems: z.array(z.string()).optional(),
    /** The request's id (also the `X-Request-Id` header): quote it when asking about a failure. */
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** `POST /api/v1/auth/wechat`, `/auth/refresh`, `/auth/dev`. */
export const SessionSchema = z.object({
  /** Bearer token for every other call; short-lived. */
  token: z.string(),
  /** Seconds the token is valid for. */
  expiresIn: z.number().int().positive(),
  /** Trade it at `/auth/refresh` for a new pair; it works once. */
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int().positive(),
});
export type SessionBody = z.infer<typeof SessionSchema>;

/** `POST /api/v1/chat/messages`, `POST /api/v1/chat/files`. */
export const ChatRepliesSchema = z.object({ replies: z.array(ReplySchema) });
export type ChatRepliesBody = z.infer<typeof ChatRepliesSchema>;

/** One entry of a person's chat: what they sent, what the assistant answered, or a notice that came later. */
export const HistoryItemSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  from: z.enum(['user', 'bot', 'notice']),
  replies: z.array(ReplySchema),
});
export type HistoryItemBody = z.infer<typeof HistoryItemSchema>;

/** `GET /api/v1/chat/history?before=&after=&limit=`: items in order, oldest first. */
export const HistorySchema = z.object({
  items: z.array(HistoryItemSchema),
  /** More items exist before (`before` / no cursor) or after (`after`) this page. */
  more: z.boolean(),
  /** The newest `seq` there is (0 for an empty chat): poll with `after=` it. */
  last: z.number().int().min(0),
  /** What to show a person whose chat is empty (not stored, not sent on their behalf). */
  welcome: z.array(ReplySchema),
});
export type HistoryBody = z.infer<typeof HistorySchema>;

const HistoryEntrySchema = z.object({ at: z.string(), status: z.string(), note: z.string() });

/** `GET /api/v1/me/cases`, `GET /api/v1/me/cases/:caseNo` (`{ case }`). */
export const CaseSummarySchema = z.object({
  caseNo: z.string(),
  kind: z.string(),
  status: z.string(),
  statusText: z.string(),
  priority: z.string(),
  createdAt: z.string(),
  township: z.string().nullable(),
  employer: z.string().nullable(),
  amount: z.number().nullable(),
  /** Legal aid may still help: a wage case whose wages were not all paid (the 预约法律援助 button). */
  legalAid: z.boolean(),
  /** The timeline, oldest first, each step in words a worker reads. */
  history: z.array(HistoryEntrySchema),
});
export const CasesSchema = z.object({ cases: z.array(CaseSummarySchema) });
export type CaseSummaryBody = z.infer<typeof CaseSummarySchema>;

/** `GET /api/v1/me/cases/:caseNo/documents` (and `/me/bookings/:no/documents`): the legal documents that apply; `url` answers the .docx. */
export const DocumentItemSchema = z.object({ kind: z.string(), title: z.string(), fileName: z.string(), url: z.string() });
export const DocumentsSchema = z.object({ documents: z.array(DocumentItemSchema) });
export type DocumentItemBody = z.infer<typeof DocumentItemSchema>;

export const BookingViewSchema = z.object({
  bookingNo: z.string(),
  status: z.enum(['booked', 'cancelled', 'done', 'no_show']),
  statusText: z.string(),
  matter: z.string(),
  matterText: z.string(),
  help: z.string(),
  helpText: z.string(),
  mode: z.string(),
  modeText: z.string(),
  start: z.string(),
  end: z.string(),
  when: z.string(),
  servicePoint: z.object({ id: z.string(), name: z.string(), address: z.string(), phone: z.string().nullable() }).nullable(),
  provider: z.string().nullable(),
  urgent: z.boolean(),
  limitEndsOn: z.string().nullable(),
  /** Whom the consultation is for when not the booker (父亲, 爱人, 他人); null: for the booker. */
  forWhom: z.string().nullable(),
  /** A hearing (or arbitration) day the worker told of: `from` to `to` (one day: the same), their words, and the line shown. */
  hearing: z.object({ from: z.string(), to: z.string(), said: z.string(), text: z.string() }).nullable(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  history: z.array(HistoryEntrySchema),
});
/** `GET /api/v1/me/bookings`; one is `{ booking }` (also from `POST /api/v1/me/bookings/:no/cancel`). */
export const BookingsSchema = z.object({ bookings: z.array(BookingViewSchema) });
export const BookingSchema = z.object({ booking: BookingViewSchema });
export type BookingViewBody = z.infer<typeof BookingViewSchema>;

export const MembershipViewSchema = z.object({
  appNo: z.string(),
  status: z.string(),
  statusText: z.string(),
  createdAt: z.string(),
  union: z.string(),
  memberNo: z.string().nullable(),
  joinedAt: z.string().nullable(),
  name: z.string(),
  idNumber: z.string().nullable(),
  declaredAt: z.string().nullable(),
  reviewDeadline: z.string().nullable(),
  rejectReason: z.string().nullable(),
  card: z
    .object({ token: z.string(), verifyUrl: z.string(), qr: z.string(), expiresAt: z.string() })
    .nullable(),
});
/** `GET /api/v1/me/membership`. */
export const MembershipSchema = z.object({ membership: MembershipViewSchema.passthrough().nullable() });
export type MembershipBody = z.infer<typeof MembershipSchema>;

/** `GET /api/v1/service-points` (no login): where people can go in person. */
export const ServicePointViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindText: z.string(),
  district: z.string(),
  township: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  /** Opening hours in words, e.g. "周一至周五 9:00-12:00、14:00-17:30". */
  hours: z.string(),
  /** GCJ-02 coordinates for `wx.openLocation`; null when the directory has none. */
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
});
export const ServicePointsSchema = z.object({ servicePoints: z.array(ServicePointViewSchema) });
export type ServicePointBody = z.infer<typeof ServicePointViewSchema>;

/** `GET /api/v1/client-config` (no login): what a client needs before sign-in. */
export const ClientConfigSchema = z.object({
  /** Whether `POST /api/v1/auth/dev` signs people in (DEV_LOGIN=1, never in production). */
  devLogin: z.boolean(),
  /** Subscribe-message template ids to ask for at each moment (`wx.requestSubscribeMessage`); absent = not configured. */
  subscribe: z.object({
    afterReport: z.array(z.string()),
    afterBooking: z.array(z.string()),
    afterMembership: z.array(z.string()),
  }),
});
export type ClientConfigBody = z.infer<typeof ClientConfigSchema>;

/** `POST /api/v1/me/subscriptions`: what `wx.requestSubscribeMessage` answered (template id → 'accept' | 'reject' | 'ban' | 'filter'). */
export const SubscriptionsRequestSchema = z.object({
  results: z.record(z.string(), z.string()),
});
export const SubscriptionsSchema = z.object({
  /** Notices the person can still receive, by template id (one per acceptance). */
  remaining: z.record(z.string(), z.number().int().min(0)),
});
export type SubscriptionsBody = z.infer<typeof SubscriptionsSchema>;
