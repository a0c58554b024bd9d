/**
 * Every Redis key the app writes, in one place, under one prefix. Personal
 * numbers never appear in a key: look-ups use keyed hashes.
 */
export function makeKeys(prefix: string) {
  const k = (...parts: (string | number)[]) => [prefix, ...parts].join(':');
  return {
    prefix,
    /** BullMQ's own prefix, so one REDIS_PREFIX isolates everything. */
    bullPrefix: `${prefix}:bull`,
    session: (userKey: string) => k('session', userKey),
    userLock: (userKey: string) => k('lock', 'user', userKey),
    idempotency: (userKey: string, clientMsgId: string) => k('idem', userKey, clientMsgId),
    seenMessage: (channel: string, messageId: string) => k('seen', channel, messageId),
    rate: (userKey: string, window: number) => k('rate', userKey, window),
    case: (caseId: string) => k('case', caseId),
    caseNo: (caseNo: string) => k('caseno', caseNo),
    caseSeq: (day: string) => k('caseseq', day),
    caseAudit: (caseId: string) => k('audit', caseId),
    caseAssignment: (caseId: string) => k('assign', caseId),
    userCases: (userKey: string) => k('user-cases', userKey),
    staffCases: (staffId: string) => k('staff-cases', staffId),
    employerReports: (employerKey: string) => k('employer-reports', employerKey),
    /** Every case id by creation time (admin figures). */
    allCases: () => k('cases', 'all'),
    /** Case ids waiting for an assignee, by the time they started waiting (the sweep reads it). */
    unassigned: () => k('cases', 'unassigned'),
    /** Per-staff on/off duty set in WeChat (上班/休息), overriding the directory. */
    staffDuty: () => k('staff', 'duty'),
    staffLoad: () => k('staff', 'load'),
    staffLastAssigned: () => k('staff', 'last-assigned'),
    directory: () => k('directory'),
    outbox: (target: string) => k('outbox', target),
    evidence: (evidenceId: string) => k('evidence', evidenceId),
    /** The case a reporter was asked to rate (满意 / 基本满意 / 不满意). */
    survey: (userKey: string) => k('survey', userKey),
  };
}

export type Keys = ReturnType<typeof makeKeys>;
