/**
 * Loading and indexing the directory.
 */
import { readFileSync } from 'node:fs';
import { createCalendar, type Calendar } from '../infra/calendar.js';
import { chineseReasons } from '../infra/zod-zh.js';
import { normalizePlaceText } from './match.js';
import { DirectorySchema, formatPath, type Directory, type Grid, type Staff, type Township } from './schema.js';

/** The bundled demo directory (fictional 青溪区), next to this module. */
const DEMO_DIRECTORY_URL = new URL('./demo-directory.json', import.meta.url);

/**
 * Validates directory data. Throws an Error whose message lists every
 * problem, one per line, each with its path, e.g.
 * `districts[0].townships[2].supervisor.role: 角色 "grid_worker" 不能放在乡镇主管的位置上…`.
 */
export function parseDirectory(json: unknown): Directory {
  const r = checkDirectory(json);
  if (r.ok) return r.directory;
  const lines = r.problems.map((p) => `  - ${p}`);
  const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  throw new Error(`Invalid directory (${count}):\n${lines.join('\n')}`);
}

/**
 * Validates directory data: the parsed directory, or every problem as
 * `path: message`, the message in Chinese for the admin who edits it.
 */
export function checkDirectory(json: unknown): { ok: true; directory: Directory } | { ok: false; problems: string[] } {
  const result = DirectorySchema.safeParse(json, { error: chineseReasons });
  if (result.success) return { ok: true, directory: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      // A bad record key (e.g. a calendar year "31") carries its reason one level down.
      const message = issue.code === 'invalid_key' ? `${issue.message}：${issue.issues[0]?.message ?? ''}` : issue.message;
      return `${formatPath(issue.path)}: ${message}`;
    }),
  };
}

/** Reads and validates a directory JSON file (e.g. the one named by DIRECTORY_FILE). */
export function loadDirectoryFile(path: string | URL): Directory {
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Directory file ${String(path)} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return parseDirectory(json);
  } catch (err) {
    // The operator sees this at startup: which file, then every problem at its path.
    throw new Error(`Directory file ${String(path)}: ${(err as Error).message}`);
  }
}

let demo: Directory | null = null;

/**
 * Reads and validates the bundled demo directory. Each call returns a fresh copy: the file is read and checked once
 * per process and copied (the test suite starts a few thousand cores, each seeding it).
 */
export function loadDemoDirectory(): Directory {
  demo ??= loadDirectoryFile(DEMO_DIRECTORY_URL);
  return structuredClone(demo);
}

/** A staff member and where they sit. */
export interface StaffEntry {
  staff: Staff;
  districtId: string;
  /** Set for township supervisors and grid workers. */
  townshipId?: string;
  /** Set for grid workers. */
  gridId?: string;
}

/** A township and its district. */
export interface TownshipEntry {
  township: Township;
  districtId: string;
}

/** A grid and its township and district. */
export interface GridEntry {
  grid: Grid;
  townshipId: string;
  districtId: string;
}

/** Lookups over one directory, built by {@link indexDirectory}. */
export interface DirectoryIndex {
  readonly directory: Directory;
  /** Working days: the directory's holiday years over the `chinese-days` package. */
  readonly calendar: Calendar;
  /** Every staff member by id. */
  readonly staffById: ReadonlyMap<string, StaffEntry>;
  /** Every staff member by WeChat display name (exact). */
  readonly staffByWechat: ReadonlyMap<string, StaffEntry>;
  readonly townshipById: ReadonlyMap<string, TownshipEntry>;
  readonly gridById: ReadonlyMap<string, GridEntry>;
  /** The townships of a district, in directory order; empty for an unknown id. */
  townshipsOfDistrict(districtId: string): readonly Township[];
  /**
   * The grids covering a village or community, looked up by its exact name
   * (compared after {@link normalizePlaceText}), optionally within one township.
   * Community names repeat across townships, so pass `townshipId` when known.
   * For what users type, use `matchCommunity` instead.
   */
  gridsForCommunity(community: string, townshipId?: string): readonly GridEntry[];
}

/** Builds lookups over a parsed directory. The directory must not be mutated afterwards. */
export function indexDirectory(d: Directory): DirectoryIndex {
  const staffById = new Map<string, StaffEntry>();
  const staffByWechat = new Map<string, StaffEntry>();
  const townshipById = new Map<string, TownshipEntry>();
  const gridById = new Map<string, GridEntry>();
  const townshipsByDistrict = new Map<string, Township[]>();
  const gridsByCommunity = new Map<string, GridEntry[]>();

  const addStaff = (entry: StaffEntry): void => {
    staffById.set(entry.staff.id, entry);
    staffByWechat.set(entry.staff.wechat, entry);
  };

  for (const district of d.districts) {
    const districtId = district.id;
    for (const staff of [...district.supervisors, ...district.liaisons]) addStaff({ staff, districtId });
    // Union lawyers (legal-aid providers at service points).
    for (const staff of district.lawyers) addStaff({ staff, districtId });
    // Membership reviewers (union_reviewer) of the district union, the federation and employer unions.
    for (const staff of [...district.union.reviewers, ...(district.newEmploymentFederation?.reviewers ?? [])]) addStaff({ staff, districtId });
    for (const employer of district.employers) {
      for (const staff of employer.union?.reviewers ?? []) addStaff({ staff, districtId, townshipId: employer.townshipId });
    }
    townshipsByDistrict.set(districtId, district.townships);
    for (const township of district.townships) {
      const townshipId = township.id;
      townshipById.set(townshipId, { township, districtId });
      addStaff({ staff: township.supervisor, districtId, townshipId });
      for (const staff of township.union.reviewers) addStaff({ staff, districtId, townshipId });
      for (const grid of township.grids) {
        const gridEntry: GridEntry = { grid, townshipId, districtId };
        gridById.set(grid.id, gridEntry);
        for (const staff of grid.workers) addStaff({ staff, districtId, townshipId, gridId: grid.id });
        for (const community of grid.communities) {
          const key = normalizePlaceText(community);
          const list = gridsByCommunity.get(key);
          if (list) {
            if (!list.includes(gridEntry)) list.push(gridEntry);
          } else {
            gridsByCommunity.set(key, [gridEntry]);
          }
        }
      }
    }
  }

  return {
    directory: d,
    calendar: createCalendar(d.calendar),
    staffById,
    staffByWechat,
    townshipById,
    gridById,
    townshipsOfDistrict: (districtId) => townshipsByDistrict.get(districtId) ?? [],
    gridsForCommunity: (community, townshipId) => {
      const all = gridsByCommunity.get(normalizePlaceText(community)) ?? [];
      return townshipId === undefined ? all : all.filter((g) => g.townshipId === townshipId);
    },
  };
}
