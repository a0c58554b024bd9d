/**
 * The directory: who works where. A directory lists districts (区/县), their
 * townships and streets (镇/乡/街道), the grids (网格) inside each township,
 * and the staff a case can be routed to.
 *
 * Every type here is inferred from its zod schema; there are no hand-written
 * parallel types. The types are the *parsed* (output) shapes, with defaults
 * filled in; use the `*Input` types for data before parsing.
 */
import { z } from 'zod';
import { CalendarSchema } from '../infra/calendar.js';
import { quoted } from '../infra/zod-zh.js';

/** Every role a staff member can have. */
export const STAFF_ROLES = [
  'grid_worker',
  'township_supervisor',
  'district_supervisor',
  'procuratorate_liaison',
  'union_reviewer',
  /** Union lawyer (工会律师) giving legal-aid consultations at service points. */
  'union_lawyer',
] as const;

/** A staff member's role. */
export const StaffRoleSchema = z.enum(STAFF_ROLES);
/** A staff member's role. */
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Ids are lowercase ASCII slugs: `qingxi`, `t01`, `t01-g1`, `gw-001`. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (iss) => `${quoted(iss.input)} 不能作编号：编号只用小写字母、数字和单个短横线，例如 "gw-001"` });

const NameSchema = z.string().trim().min(1, '不能为空');

/** A mainland mobile number: 11 digits starting with 1. */
const PhoneSchema = z.string().regex(/^1\d{10}$/, { error: (iss) => `${quoted(iss.input)} 不是手机号：应是以 1 开头的 11 位数字` });

/** Default maximum number of open cases for one staff member. */
export const DEFAULT_CAPACITY = 8;

/** A person cases can be routed to. */
export const StaffSchema = z.strictObject({
  id: IdSchema,
  /** Chinese name, shown to workers. */
  name: NameSchema,
  role: StaffRoleSchema,
  /** The WeChat display name the bot looks the person up by; unique in a directory. */
  wechat: NameSchema,
  /** Office mobile number. */
  phone: PhoneSchema.optional(),
  /** Maximum number of open cases. */
  capacity: z.int().min(1, '至少为 1').default(DEFAULT_CAPACITY),
  /** Off-duty staff get no new cases; routing falls back. */
  onDuty: z.boolean().default(true),
});
/** A person cases can be routed to. */
export type Staff = z.infer<typeof StaffSchema>;
/** {@link Staff} before parsing (defaults not yet applied). */
export type StaffInput = z.input<typeof StaffSchema>;

/** A grid (网格): a few villages or communities served by grid workers. */
export const GridSchema = z.strictObject({
  id: IdSchema,
  /** e.g. "东龙镇第一网格". */
  name: NameSchema,
  /** Villages (村) and communities (社区) the grid covers. */
  communities: z.array(NameSchema).min(1, '一个网格至少要包含一个村或社区'),
  /** Grid workers (role `grid_worker`). May be empty: routing then falls back to the township supervisor. */
  workers: z.array(StaffSchema),
});
/** A grid (网格). */
export type Grid = z.infer<typeof GridSchema>;
/** {@link Grid} before parsing. */
export type GridInput = z.input<typeof GridSchema>;

/**
 * Union administrators who approve membership applications (role
 * `union_reviewer`). Empty = the union's fallback reviewers (see
 * core/directory/unions.ts).
 */
const UnionReviewersSchema = z.array(StaffSchema).default([]);

/** A township: a town (镇/乡) or a street (街道). */
export const TownshipSchema = z.strictObject({
  id: IdSchema,
  /** Full name with its suffix, e.g. "东龙镇" or "河西街道". */
  name: NameSchema,
  kind: z.enum(['town', 'street']),
  /** Other names users may type (old names, common short forms). */
  aliases: z.array(NameSchema).default([]),
  union: z.strictObject({
    /** e.g. "东龙镇总工会". */
    name: NameSchema,
    /** Membership applications are approved without a reviewer. */
    autoApprove: z.boolean().default(false),
    reviewers: UnionReviewersSchema,
  }),
  /** The township union supervisor (role `township_supervisor`). */
  supervisor: StaffSchema,
  grids: z.array(GridSchema),
  /**
   * On call (值班) outside working hours: staff ids of this township (its
   * supervisor or grid workers) or district supervisors, in order. An urgent
   * or group case arriving outside working hours goes to the first of them
   * on duty at once, with the accept clock running; absent = nobody, the
   * clock starts at the next working hour.
   */
  onCall: z.array(IdSchema).optional(),
});
/** A town (镇/乡) or street (街道). */
export type Township = z.infer<typeof TownshipSchema>;
/** {@link Township} before parsing. */
export type TownshipInput = z.input<typeof TownshipSchema>;

/**
 * A known employer (用人单位) and the union that covers its employees: its own
 * enterprise union (企业工会), or else the union of the township it is in.
 */
export const EmployerSchema = z.strictObject({
  id: IdSchema,
  /** Name as on the business licence, e.g. "青溪纺织有限公司". */
  name: NameSchema,
  /** Other names workers use (short forms, old names). */
  aliases: z.array(NameSchema).default([]),
  /** The township or street the employer is in (an id of this district). */
  townshipId: IdSchema,
  /** The employer's own union; absent = covered by the township union. */
  union: z
    .strictObject({
      name: NameSchema,
      autoApprove: z.boolean().default(false),
      reviewers: UnionReviewersSchema,
    })
    .optional(),
});
/** A known employer. */
export type Employer = z.infer<typeof EmployerSchema>;

/** Kinds of legal help: a union lawyer's consultation (工会律师咨询), or a procurator face to face about supported prosecution (检察官面对面 / 支持起诉咨询). */
export const HELP_KINDS = ['lawyer', 'procurator'] as const;
export const HelpKindSchema = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKindSchema>;

/** How a consultation happens: at the service point, by phone, or by video call. */
export const CONSULT_MODES = ['in_person', 'phone', 'video'] as const;
export const ConsultModeSchema = z.enum(CONSULT_MODES);
export type ConsultMode = z.infer<typeof ConsultModeSchema>;

/** Union station (工会驿站), rights liaison station (维权联络站), legal-aid workstation (法律援助工作站). */
export const SERVICE_POINT_KINDS = ['union_station', 'rights_station', 'legal_aid_station'] as const;

/** `HH:MM-HH:MM`, 24-hour clock. */
const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

const TimeRangeSchema = z
  .string()
  .regex(TIME_RANGE, {
    error: (iss) => `${quoted(iss.input)} 的写法不对：时间段要写成 "09:00-12:00" 这样（24 小时制）`,
  })
  // Only a well-written range is compared: a wrong one has its own problem already.
  .refine((r) => !TIME_RANGE.test(r) || r.slice(0, 5) < r.slice(6), { error: (iss) => `${quoted(iss.input)} 的结束时间要晚于开始时间` });

/**
 * Hours on working days, Monday to Friday, in Beijing time. Weekends and
 * public holidays are closed; a make-up working day (调休上班) follows the
 * hours of the weekday it stands in for (see core/legal-aid/slots.ts).
 */
export const WeeklyHoursSchema = z.strictObject({
  mon: z.array(TimeRangeSchema).default([]),
  tue: z.array(TimeRangeSchema).default([]),
  wed: z.array(TimeRangeSchema).default([]),
  thu: z.array(TimeRangeSchema).default([]),
  fri: z.array(TimeRangeSchema).default([]),
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

/** A lawyer's or procurator's sessions at one service point. */
export const ProviderSchema = z.strictObject({
  /** A union lawyer (in the district's `lawyers`) for `lawyer`; a procuratorate liaison (in `liaisons`) for `procurator`. */
  staffId: IdSchema,
  help: HelpKindSchema,
  modes: z.array(ConsultModeSchema).min(1, '至少要提供一种咨询方式'),
  /** When this person is here; absent = the point's opening hours. */
  hours: WeeklyHoursSchema.optional(),
  /** Length of one appointment in minutes. */
  slotMinutes: z.int().min(10).max(240).default(30),
  /** How many people can book one slot. */
  capacity: z.int().min(1).max(20).default(1),
});
export type Provider = z.infer<typeof ProviderSchema>;

/** Where legal help can be booked. */
export const ServicePointSchema = z.strictObject({
  id: IdSchema,
  /** e.g. "东龙镇工会驿站". */
  name: NameSchema,
  kind: z.enum(SERVICE_POINT_KINDS),
  /** The township or street it is in (an id of this district); absent = a district-level point. */
  townshipId: IdSchema.optional(),
  address: NameSchema,
  /** Office telephone shown to people who book. */
  phone: z.string().regex(/^[0-9-]{7,20}$/, { error: (iss) => `${quoted(iss.input)} 不是电话号码：请写成 "0771-5550101" 这样` }).optional(),
  hours: WeeklyHoursSchema,
  /** Where it is on the map (GCJ-02, as WeChat's map uses), for `wx.openLocation`. */
  location: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .optional(),
  providers: z.array(ProviderSchema).min(1, '服务点至少要有一位律师或检察官'),
});
export type ServicePoint = z.infer<typeof ServicePointSchema>;

/** A county-level district (区/县). */
export const DistrictSchema = z.strictObject({
  id: IdSchema,
  /** e.g. "青溪区". */
  name: NameSchema,
  aliases: z.array(NameSchema).default([]),
  /** The province and city the district is in, as people name them (`广西壮族自治区`, `南宁市`): a place naming one is not outside the area (flows/membership.ts). */
  within: z.array(NameSchema).default([]),
  union: z.strictObject({
    /** e.g. "青溪区总工会". */
    name: NameSchema,
    /** Membership reviewers of the district union: applications nobody decided in time go up to them. */
    reviewers: UnionReviewersSchema,
  }),
  /** The district's federation of new-employment-form unions (新业态工会联合会), if any. */
  newEmploymentFederation: z
    .strictObject({ name: NameSchema, autoApprove: z.boolean().default(false), reviewers: UnionReviewersSchema })
    .optional(),
  /** District union staff (role `district_supervisor` or `union_reviewer`). */
  supervisors: z.array(StaffSchema),
  /** Procuratorate liaisons, 检察联络员 (role `procuratorate_liaison`). */
  liaisons: z.array(StaffSchema),
  townships: z.array(TownshipSchema),
  /** Employers the directory knows, with the union covering them (membership applications). */
  employers: z.array(EmployerSchema).default([]),
  /** Union lawyers (工会律师, role `union_lawyer`). */
  lawyers: z.array(StaffSchema).default([]),
  /** Where legal aid can be booked: 工会驿站, 维权联络站, 法律援助工作站. */
  servicePoints: z.array(ServicePointSchema).default([]),
  /**
   * On call (值班) outside working hours for every township of the district
   * that names nobody itself: staff ids of this district who handle cases
   * (district or township supervisors, grid workers), in order.
   */
  onCall: z.array(IdSchema).optional(),
});
/** A county-level district (区/县). */
export type District = z.infer<typeof DistrictSchema>;
/** {@link District} before parsing. */
export type DistrictInput = z.input<typeof DistrictSchema>;

/** Which roles may appear in which list. */
const ROLES_BY_PLACE = {
  gridWorkers: ['grid_worker'],
  townshipSupervisor: ['township_supervisor'],
  districtSupervisors: ['district_supervisor', 'union_reviewer'],
  liaisons: ['procuratorate_liaison'],
  unionReviewers: ['union_reviewer'],
  lawyers: ['union_lawyer'],
} as const satisfies Record<string, readonly StaffRole[]>;

type Path = (string | number)[];

/** The weekday keys of opening hours, as said. */
const DAY_NAMES: Record<string, string> = { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五' };

/** The kinds of legal help, as said. */
const HELP_NAMES: Record<HelpKind, string> = { lawyer: '律师', procurator: '检察官' };

/** Renders a path like `districts[0].townships[2].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Minutes since midnight of `HH:MM`. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Service points of one district: ids unique, the township in this
 * district, each provider a person of this district with the right role
 * (lawyers from `lawyers`, procurators from `liaisons`), every range long
 * enough for one slot, and nobody due at two places at once.
 */
function checkServicePoints(
  district: z.infer<typeof DistrictSchema>,
  dp: Path,
  ctx: z.RefinementCtx,
  checkId: (id: string, path: Path) => void,
): void {
  const townshipIds = new Set(district.townships.map((t) => t.id));
  const lawyers = new Set(district.lawyers.map((s) => s.id));
  const procurators = new Set(district.liaisons.map((s) => s.id));
  /** Per person and weekday: the ranges already taken, with where. */
  const busy = new Map<string, { from: number; to: number; path: Path }[]>();
  district.servicePoints.forEach((point, pi) => {
    const pp: Path = [...dp, 'servicePoints', pi];
    checkId(point.id, [...pp, 'id']);
    if (point.townshipId !== undefined && !townshipIds.has(point.townshipId)) {
      ctx.addIssue({ code: 'custom', path: [...pp, 'townshipId'], message: `区（县） "${district.id}" 里没有乡镇 "${point.townshipId}"` });
    }
    const seen = new Set<string>();
    point.providers.forEach((pr, ri) => {
      const rp: Path = [...pp, 'providers', ri];
      const pool = pr.help === 'lawyer' ? lawyers : procurators;
      if (!pool.has(pr.staffId)) {
        ctx.addIssue({
          code: 'custom',
          path: [...rp, 'staffId'],
          message:
            pr.help === 'lawyer'
              ? `"${pr.staffId}" 不是区（县） "${district.id}" 的工会律师（应列在 "lawyers" 里）`
              : `"${pr.staffId}" 不是区（县） "${district.id}" 的检察联络员（应列在 "liaisons" 里）`,
        });
      }
      if (seen.has(`${pr.staffId}|${pr.help}`)) {
        ctx.addIssue({ code: 'custom', path: rp, message: `"${pr.staffId}" 在这个服务点重复列为${HELP_NAMES[pr.help]}` });
      }
      seen.add(`${pr.staffId}|${pr.help}`);
      const hours = pr.hours ?? point.hours;
      for (const [day, ranges] of Object.entries(hours)) {
        ranges.forEach((r, i) => {
          const path: Path = [...(pr.hours ? [...rp, 'hours'] : [...pp, 'hours']), day, i];
          const from = minutesOf(r.slice(0, 5));
          const to = minutesOf(r.slice(6));
          if (to - from < pr.slotMinutes) {
            ctx.addIssue({ code: 'custom', path, message: `"${r}" 不够 "${pr.staffId}" 的一次预约（${pr.slotMinutes} 分钟）` });
          }
          const key = `${pr.staffId}|${day}`;
          const list = busy.get(key) ?? [];
          const clash = list.find((b) => from < b.to && b.from < to);
          if (clash) {
            ctx.addIssue({
              code: 'custom',
              path: [...rp, 'staffId'],
              message: `"${pr.staffId}" ${DAY_NAMES[day] ?? day}要同时在两个地方：${r} 与 ${formatPath(clash.path)} 的时间重叠`,
            });
          }
          list.push({ from, to, path });
          busy.set(key, list);
        });
      }
    });
  });
}

/** Who may be on call for cases: people cases are routed to. */
const CASE_ROLES: readonly StaffRole[] = ['grid_worker', 'township_supervisor', 'district_supervisor'];

/**
 * On-call lists: each id a person of this district who handles cases; a
 * township's list names its own supervisor or grid workers, or district
 * supervisors; nobody twice in one list.
 */
function checkOnCall(district: z.infer<typeof DistrictSchema>, dp: Path, ctx: z.RefinementCtx): void {
  const districtSups = new Set(district.supervisors.filter((s) => s.role === 'district_supervisor').map((s) => s.id));
  const handlers = new Map<string, Staff>();
  for (const s of district.supervisors) handlers.set(s.id, s);
  for (const t of district.townships) {
    handlers.set(t.supervisor.id, t.supervisor);
    for (const g of t.grids) for (const w of g.workers) handlers.set(w.id, w);
  }
  const check = (ids: string[] | undefined, path: Path, allowed: (id: string) => boolean, where: string) => {
    const seen = new Set<string>();
    ids?.forEach((id, i) => {
      const s = handlers.get(id);
      if (!s || !CASE_ROLES.includes(s.role)) {
        ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${id}" 不是区（县） "${district.id}" 的网格员或工会主管` });
      } else if (!allowed(id)) {
        ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${id}" 不在${where}工作（只能是本乡镇的主管、网格员，或区（县）的主管）` });
      }
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${id}" 重复写了两次` });
      seen.add(id);
    });
  };
  check(district.onCall, [...dp, 'onCall'], () => true, `区（县） "${district.id}" `);
  district.townships.forEach((t, ti) => {
    const own = new Set([t.supervisor.id, ...t.grids.flatMap((g) => g.workers.map((w) => w.id))]);
    check(t.onCall, [...dp, 'townships', ti, 'onCall'], (id) => own.has(id) || districtSups.has(id), `乡镇 "${t.id}" `);
  });
}

/** The whole directory: a case-number prefix and the districts. */
export const DirectorySchema = z
  .strictObject({
    /** Bumped by admins on every edit. */
    version: z.int().min(1),
    /** Two uppercase letters that start every case number, e.g. "QX". */
    caseNoPrefix: z.string().regex(/^[A-Z]{2}$/, '应是两个大写字母，例如 "QX"'),
    districts: z.array(DistrictSchema).min(1, '名录至少要有一个区（县）'),
    /**
     * Public holidays and make-up working days per year, laid over the
     * `chinese-days` package (core/infra/calendar.ts). Add a year when the State
     * Council publishes it.
     */
    calendar: CalendarSchema.default({ years: {} }),
    /**
     * Office hours (Beijing time) on every working day of the calendar, e.g.
     * `["08:30-12:00", "14:00-17:30"]`: the 30-minute accept clock of urgent
     * and group cases runs only inside them (see `onCall`). Absent = those
     * two ranges.
     */
    workingHours: z.array(TimeRangeSchema).min(1, '至少写一个时间段，例如 "08:30-12:00"').optional(),
  })
  .superRefine((dir, ctx) => {
    const idsSeen = new Map<string, Path>();
    const wechatSeen = new Map<string, Path>();

    const checkId = (id: string, path: Path): void => {
      const first = idsSeen.get(id);
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `编号 "${id}" 重复了（${formatPath(first)} 已经用过）`,
        });
      } else {
        idsSeen.set(id, path);
      }
    };

    const checkStaff = (staff: Staff, path: Path, allowed: readonly StaffRole[], place: string): void => {
      checkId(staff.id, [...path, 'id']);
      if (!allowed.includes(staff.role)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'role'],
          message: `角色 "${staff.role}" 不能放在${place}（这里只能是 ${allowed.map((r) => `"${r}"`).join('、')}）`,
        });
      }
      const first = wechatSeen.get(staff.wechat);
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'wechat'],
          message: `微信名 "${staff.wechat}" 重复了（${formatPath(first)} 已经用过）`,
        });
      } else {
        wechatSeen.set(staff.wechat, [...path, 'wechat']);
      }
    };

    dir.districts.forEach((district, di) => {
      const dp: Path = ['districts', di];
      checkId(district.id, [...dp, 'id']);
      district.supervisors.forEach((s, i) =>
        checkStaff(s, [...dp, 'supervisors', i], ROLES_BY_PLACE.districtSupervisors, '区（县）主管名单里'),
      );
      district.liaisons.forEach((s, i) =>
        checkStaff(s, [...dp, 'liaisons', i], ROLES_BY_PLACE.liaisons, '检察联络员名单里'),
      );
      district.lawyers.forEach((s, i) => checkStaff(s, [...dp, 'lawyers', i], ROLES_BY_PLACE.lawyers, '工会律师名单里'));
      checkServicePoints(district, dp, ctx, checkId);

      district.union.reviewers.forEach((s, i) =>
        checkStaff(s, [...dp, 'union', 'reviewers', i], ROLES_BY_PLACE.unionReviewers, '工会审核人名单里'),
      );
      district.newEmploymentFederation?.reviewers.forEach((s, i) =>
        checkStaff(s, [...dp, 'newEmploymentFederation', 'reviewers', i], ROLES_BY_PLACE.unionReviewers, '工会审核人名单里'),
      );
      const townshipIds = new Set(district.townships.map((t) => t.id));
      district.employers.forEach((employer, ei) => {
        const ep: Path = [...dp, 'employers', ei];
        checkId(employer.id, [...ep, 'id']);
        if (!townshipIds.has(employer.townshipId)) {
          ctx.addIssue({
            code: 'custom',
            path: [...ep, 'townshipId'],
            message: `区（县） "${district.id}" 里没有乡镇 "${employer.townshipId}"`,
          });
        }
        employer.union?.reviewers.forEach((s, i) =>
          checkStaff(s, [...ep, 'union', 'reviewers', i], ROLES_BY_PLACE.unionReviewers, '工会审核人名单里'),
        );
      });

      const townshipNames = new Map<string, number>();
      district.townships.forEach((township, ti) => {
        const tp: Path = [...dp, 'townships', ti];
        checkId(township.id, [...tp, 'id']);
        const firstIndex = townshipNames.get(township.name);
        if (firstIndex !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...tp, 'name'],
            message: `区（县） "${district.id}" 里已经有叫「${township.name}」的乡镇（${formatPath([...dp, 'townships', firstIndex, 'name'])}）`,
          });
        } else {
          townshipNames.set(township.name, ti);
        }
        checkStaff(township.supervisor, [...tp, 'supervisor'], ROLES_BY_PLACE.townshipSupervisor, '乡镇主管的位置上');
        township.union.reviewers.forEach((s, i) =>
          checkStaff(s, [...tp, 'union', 'reviewers', i], ROLES_BY_PLACE.unionReviewers, '工会审核人名单里'),
        );

        township.grids.forEach((grid, gi) => {
          const gp: Path = [...tp, 'grids', gi];
          checkId(grid.id, [...gp, 'id']);
          // An empty `workers` list is allowed on purpose: routing falls back.
          grid.workers.forEach((w, wi) =>
            checkStaff(w, [...gp, 'workers', wi], ROLES_BY_PLACE.gridWorkers, '网格员名单里'),
          );
        });
      });
    });

    dir.workingHours?.forEach((r, i) => {
      const prev = dir.workingHours![i - 1];
      if (prev && r.slice(0, 5) < prev.slice(6)) {
        ctx.addIssue({ code: 'custom', path: ['workingHours', i], message: `"${r}" 要在 "${prev}" 结束以后开始（时间段按先后写，不能重叠）` });
      }
    });
    dir.districts.forEach((district, di) => checkOnCall(district, ['districts', di], ctx));
  });
/** The whole directory, parsed. */
export type Directory = z.infer<typeof DirectorySchema>;
/** {@link Directory} before parsing (defaults not yet applied). */
export type DirectoryInput = z.input<typeof DirectorySchema>;
