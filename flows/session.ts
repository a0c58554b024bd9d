import { z } from 'zod';

const OptionSchema = z.object({ label: z.string(), value: z.string() });

/** The paused state of a flow, kept so nothing typed is lost. */
const DraftSchema = z.object({
  flowId: z.string(),
  flowVersion: z.number().int(),
  runId: z.string(),
  stepId: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  trail: z.array(z.string()),
});

/**
 * Small, keyed, versioned conversation state (one per user). `version` is the
 * optimistic-concurrency counter used by the session store.
 */
export const SessionSchema = z.object({
  userKey: z.string(),
  version: z.number().int().nonnegative(),
  flowId: z.string().nullable(),
  flowVersion: z.number().int(),
  runId: z.string(),
  /** Current step; null with a flow = on the review screen. */
  stepId: z.string().nullable(),
  /** `ask`: answering steps; `review`: summary; `edit`: changing one field, then back to review; `resume`: asked whether to continue a draft; `forget`: asked to confirm 删除我的信息. */
  mode: z.enum(['idle', 'ask', 'review', 'edit', 'resume', 'forget']),
  answers: z.record(z.string(), z.unknown()),
  /** Steps answered, in order, for `返回`. */
  trail: z.array(z.string()),
  /** The numbered options last shown; a bare number picks one. */
  options: z.array(OptionSchema),
  invalidCount: z.number().int().nonnegative(),
  draft: DraftSchema.nullable(),
  updatedAt: z.string(),
});

export type Session = z.infer<typeof SessionSchema>;
export type Draft = z.infer<typeof DraftSchema>;

export function newSession(userKey: string, now: Date): Session {
  return {
    userKey,
    version: 0,
    flowId: null,
    flowVersion: 0,
    runId: '',
    stepId: null,
    mode: 'idle',
    answers: {},
    trail: [],
    options: [],
    invalidCount: 0,
    draft: null,
    updatedAt: now.toISOString(),
  };
}
