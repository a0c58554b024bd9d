import { keySpace, recordKeys, perPrefix } from '../infra/keys.js';

/** The Redis keys of cases (wage reports, 人工 requests, 支持起诉 cases) and their routing. */
export const caseKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'cases');
  return {
    /** The pub/sub channel every change of a case is published on (`{"id","caseNo"}`; core/cases/events.ts). Not a key: nothing is stored. */
    changedChannel: `${prefix}:{cases}:changed`,
    ...recordKeys(key, 'case', 'case', 'QX20261121-0001'),
    byStaff: key('by-staff', ['staffId'], 'zset', null, 'case ids assigned to a staff member, by assignment time'),
    all: key('all', [], 'zset', null, 'every case id by creation time (the indexing pass; figures, lists and the evidence sweep read their own indexes)'),
    unassigned: key('unassigned', [], 'zset', null, 'case ids waiting for an assignee, by when they started waiting (the sweep)'),
    claim: key('claim', ['caseId', 'seq'], 'string', '30 days', 'who got assignment `seq` of a case (`level|staffId`): a case routed again gets the same answer'),
    load: key('staff-load', [], 'hash', null, "staff id → open cases in their hands (routing's capacity)"),
    lastAssigned: key('staff-last', [], 'hash', null, 'staff id → when they last got a case (ties go to the longest idle)'),
    openInTownship: key('open-township', ['townshipId'], 'zset', null, "case ids not yet closed (结案) in a township, by creation time: the township supervisor's list and board"),
    openInDistrict: key('open-district', ['districtId'], 'zset', null, "case ids not yet closed (结案) in a district, by creation time: the district supervisors' list and board"),
    referredTo: key('referred', ['staffId'], 'zset', null, "case ids not yet closed referred to a procuratorate liaison, by creation time: the liaison's list"),
    group: key('group', ['groupId'], 'zset', null, 'the case ids of a linked group (reports about one employer), by creation time: its totals in notices and boards'),
    ended: key('ended', [], 'zset', null, 'case ids resolved or closed (办结), by when: the retention job removes each CASE_RETENTION_YEARS later'),
    stats: key('stats', [], 'hash', null, "figures over wage cases, `month|districtId|townshipId|metric` → count (amounts in fen), changed with each record's write: the admin figures and dashboard"),
    indexPass: key('index-pass', [], 'string', null, 'how far the one-off pass adding the derived indexes to cases written before them has come (`v2:` and a creation time, then `v2:done`)'),
    evidenceHeld: key('evidence-held', [], 'hash', null, "evidence file id → how many cases hold it (their `evidence`), changed with each write of a case and its removal: the evidence sweep deletes a file no case holds without reading every case"),
    employerReports: key('employer', ['employerHash'], 'zset', '31 days', 'recent case ids about one employer in one township (hash of the township and the name), for grouping'),
    survey: key('survey', ['userKey'], 'string', '14 days', 'the case a reporter was asked to rate (满意 / 基本满意 / 不满意)'),
    receipt: key('receipt', ['userKey'], 'string', '14 days', 'the case whose recovered wages a reporter was asked to confirm (收到了 / 没收到)'),
  };
});

export type CaseKeys = ReturnType<typeof caseKeys>;
