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

/** Every role a staff member can have. */
export const STAFF_ROLES = [
  'grid_worker',
  'township_supervisor',
  'district_supervisor',
  'procuratorate_liaison',
  'union_reviewer',
] as const;

/** A staff member's role. */
export const StaffRoleSchema = z.enum(STAFF_ROLES);
/** A staff member's role. */
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Ids are lowercase ASCII slugs: `qingxi`, `t01`, `t01-g1`, `gw-001`. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "gw-001" (a-z, 0-9, single hyphens)');

const NameSchema = z.string().trim().min(1, 'must not be empty');

/** A mainland mobile number: 11 digits starting with 1. */
const PhoneSchema = z.string().regex(/^1\d{10}$/, 'must be an 11-digit mobile number starting with 1');

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
  capacity: z.int().min(1, 'must be at least 1').default(DEFAULT_CAPACITY),
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
  communities: z.array(NameSchema).min(1, 'a grid must cover at least one community'),
  /** Grid workers (role `grid_worker`). May be empty: routing then falls back to the township supervisor. */
  workers: z.array(StaffSchema),
});
/** A grid (网格). */
export type Grid = z.infer<typeof GridSchema>;
/** {@link Grid} before parsing. */
export type GridInput = z.input<typeof GridSchema>;

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
  }),
  /** The township union supervisor (role `township_supervisor`). */
  supervisor: StaffSchema,
  grids: z.array(GridSchema),
});
/** A town (镇/乡) or street (街道). */
export type Township = z.infer<typeof TownshipSchema>;
/** {@link Township} before parsing. */
export type TownshipInput = z.input<typeof TownshipSchema>;

/** A county-level district (区/县). */
export const DistrictSchema = z.strictObject({
  id: IdSchema,
  /** e.g. "青溪区". */
  name: NameSchema,
  aliases: z.array(NameSchema).default([]),
  union: z.strictObject({
    /** e.g. "青溪区总工会". */
    name: NameSchema,
  }),
  /** The district's federation of new-employment-form unions (新业态工会联合会), if any. */
  newEmploymentFederation: z.strictObject({ name: NameSchema }).optional(),
  /** District union staff (role `district_supervisor` or `union_reviewer`). */
  supervisors: z.array(StaffSchema),
  /** Procuratorate liaisons, 检察联络员 (role `procuratorate_liaison`). */
  liaisons: z.array(StaffSchema),
  townships: z.array(TownshipSchema),
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
} as const satisfies Record<string, readonly StaffRole[]>;

type Path = (string | number)[];

/** Renders a path like `districts[0].townships[2].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The whole directory: a case-number prefix and the districts. */
export const DirectorySchema = z
  .strictObject({
    /** Bumped by admins on every edit. */
    version: z.int().min(1),
    /** Two uppercase letters that start every case number, e.g. "QX". */
    caseNoPrefix: z.string().regex(/^[A-Z]{2}$/, 'must be two uppercase letters, e.g. "QX"'),
    districts: z.array(DistrictSchema).min(1, 'a directory needs at least one district'),
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
          message: `duplicate id "${id}" (already used at ${formatPath(first)})`,
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
          message: `role "${staff.role}" is not allowed in ${place} (allowed: ${allowed.join(', ')})`,
        });
      }
      const first = wechatSeen.get(staff.wechat);
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'wechat'],
          message: `duplicate WeChat name "${staff.wechat}" (already used at ${formatPath(first)})`,
        });
      } else {
        wechatSeen.set(staff.wechat, [...path, 'wechat']);
      }
    };

    dir.districts.forEach((district, di) => {
      const dp: Path = ['districts', di];
      checkId(district.id, [...dp, 'id']);
      district.supervisors.forEach((s, i) =>
        checkStaff(s, [...dp, 'supervisors', i], ROLES_BY_PLACE.districtSupervisors, 'district supervisors'),
      );
      district.liaisons.forEach((s, i) =>
        checkStaff(s, [...dp, 'liaisons', i], ROLES_BY_PLACE.liaisons, 'district liaisons'),
      );

      const townshipNames = new Map<string, number>();
      district.townships.forEach((township, ti) => {
        const tp: Path = [...dp, 'townships', ti];
        checkId(township.id, [...tp, 'id']);
        const firstIndex = townshipNames.get(township.name);
        if (firstIndex !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...tp, 'name'],
            message: `duplicate township name "${township.name}" in district "${district.id}" (already used at ${formatPath([...dp, 'townships', firstIndex, 'name'])})`,
          });
        } else {
          townshipNames.set(township.name, ti);
        }
        checkStaff(township.supervisor, [...tp, 'supervisor'], ROLES_BY_PLACE.townshipSupervisor, 'a township supervisor');

        township.grids.forEach((grid, gi) => {
          const gp: Path = [...tp, 'grids', gi];
          checkId(grid.id, [...gp, 'id']);
          // An empty `workers` list is allowed on purpose: routing falls back.
          grid.workers.forEach((w, wi) =>
            checkStaff(w, [...gp, 'workers', wi], ROLES_BY_PLACE.gridWorkers, 'grid workers'),
          );
        });
      });
    });
  });
/** The whole directory, parsed. */
export type Directory = z.infer<typeof DirectorySchema>;
/** {@link Directory} before parsing (defaults not yet applied). */
export type DirectoryInput = z.input<typeof DirectorySchema>;
