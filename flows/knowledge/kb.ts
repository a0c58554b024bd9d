/**
 * The knowledge base: answers to workers' common questions, kept as data in
 * knowledge.json (Chinese text, each answer with the law or rule it rests
 * on and the next step Gongyou can take), and a matcher that finds the
 * entry a question is about.
 *
 * The matcher is ours: character uni- and bigrams weighted by TF-IDF,
 * compared by cosine with each example question of each entry (nearest
 * example wins). Word segmenters (jieba) split dialect and typos badly
 * (`咋整`, `仲栽`), while character n-grams degrade gracefully; the corpus
 * in test/nlu measures it. An answer is given only above a threshold and
 * clearly ahead of the runner-up: otherwise the question is not answered
 * from here (precision first).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { compact } from '../nlu/normalize.js';
import { readOnce } from '../parsers/turn-memo.js';

/**
 * A rule: every group must be present, a group being any of its words; a
 * word `@name` stands for every word of the concept `name`.
 * `[["@arbitration"], ["@cost"]]` = mentions arbitration and cost.
 * A group of words each marked `!` must be absent: none of them said
 * (`["!@private_debt"]`: no friend's loan). A rule needs one group that is not.
 */
const GroupSchema = z
  .array(z.string().min(1))
  .min(1)
  .refine((g) => g.every((w) => w.startsWith('!')) || g.every((w) => !w.startsWith('!')), 'a group is all absent (!) words or none');
const RuleSchema = z
  .array(GroupSchema)
  .min(1)
  .refine((r) => r.some((g) => !g[0]!.startsWith('!')), 'a rule needs a group of words that are said');

const EntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  topic: z.string().min(1).max(30),
  /**
   * Answered when told as well as when asked (`我在老家入过会了` in the middle of joining): a statement its rules
   * match is this question, in a form too. Only for entries whose rules no answer to a form's question could meet.
   */
  told: z.boolean().default(false),
  examples: z.array(z.string().min(2)).min(3),
  /** Rules any of which marks a question as this entry's (see RuleSchema). */
  match: z.array(RuleSchema).default([]),
  answer: z.string().min(10).max(200),
  /** The laws an answer rests on, said after it; empty for practical answers no law speaks to (`能带老乡一起去吗`). */
  basis: z.array(z.string().min(3)),
  next: z.enum(['wage', 'membership', 'legal_aid']).nullable(),
  nextPrompt: z.string().nullable(),
});
const KnowledgeSchema = z
  .strictObject({
    version: z.number().int(),
    /** Concept name → the words (synonyms, dialect, common typos) that express it. */
    concepts: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(z.string().min(1)).min(1)).default({}),
    entries: z.array(EntrySchema).min(1),
  })
  .superRefine((kb, ctx) => {
    kb.entries.forEach((e, i) =>
      e.match.forEach((rule, r) =>
        rule.forEach((group, g) =>
          group.forEach((w, k) => {
            const name = w.replace(/^!/, '');
            if (name.startsWith('@') && !(name.slice(1) in kb.concepts)) {
              ctx.addIssue({ code: 'custom', path: ['entries', i, 'match', r, g, k], message: `unknown concept ${w}` });
            }
          }),
        ),
      ),
    );
  });

export type KnowledgeEntry = z.infer<typeof EntrySchema>;

/** An entry's answer as said, with the laws it rests on after it when there are any: `…（依据：《工会法》）`. */
export function withBasis(e: Pick<KnowledgeEntry, 'answer' | 'basis'>): string {
  return e.basis.length > 0 ? `${e.answer}（依据：${e.basis.join('、')}）` : e.answer;
}

/** Where an answer leads: the flow Gongyou offers next. */
export type NextStep = 'wage' | 'membership' | 'legal' | null;

export function nextFlowOf(e: KnowledgeEntry): NextStep {
  return e.next === 'legal_aid' ? 'legal' : e.next;
}

/**
 * A test of whether a text holds any of the words, as `words.some((w) => text.includes(w))` says, in one match: the
 * words as literal alternatives, without the `u` flag, match exactly where one of them is a substring (code unit by
 * code unit, as `includes` compares). Built once per knowledge base; the rules of every entry are read for each
 * question ranked.
 */
export function anyOf(words: readonly string[]): RegExp {
  // No words: nothing holds one (an empty pattern would match every text).
  if (words.length === 0) return /(?!)/;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
}

/** Words that carry no topic: particles, pronouns, fillers. */
const STOP = new Set([...'的了吗呢啊呀吧嘛么哦噢哈我你他她它们俺咱是在有就都也还又很太这那个些一下么啦咯呐嘞哇'.split('')]);

function grams(text: string): string[] {
  const s = compact(text).toLowerCase();
  const chars = [...s].filter((c) => !STOP.has(c) && !/\d/.test(c));
  const out: string[] = [...chars];
  const all = [...s];
  for (let i = 0; i + 1 < all.length; i++) {
    const g = all[i]! + all[i + 1]!;
    if (STOP.has(all[i]!) && STOP.has(all[i + 1]!)) continue;
    out.push(g);
  }
  return out;
}

type Vec = Map<string, number>;

function norm(v: Vec): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export interface KnowledgeMatch {
  entry: KnowledgeEntry;
  score: number;
  /** Score of the best other entry. */
  runnerUp: number;
}

export interface KnowledgeBase {
  entries: readonly KnowledgeEntry[];
  byId(id: string): KnowledgeEntry | undefined;
  /** The entry a question is about, or null when none is clearly it. */
  match(text: string): KnowledgeMatch | null;
  /** Raw best scores (for the corpus report). */
  rank(text: string): { id: string; score: number }[];
  /** The entry answered when told (`told`) that a statement is, by its rules, as `match` finds it; else null. */
  toldOf(text: string): KnowledgeEntry | null;
}

/** Below this cosine the best entry is not an answer. */
export const MIN_SCORE = 0.8;
/** The best entry must lead the next one by this much. */
export const MIN_MARGIN = 0.03;

/** How much a satisfied rule adds to the cosine score. */
export const RULE_BONUS = 0.8;

export function createKnowledgeBase(data: unknown): KnowledgeBase {
  const kb = KnowledgeSchema.parse(data);
  const expand = (w: string): string[] => (w.startsWith('@') ? kb.concepts[w.slice(1)]! : [w]);
  const rules = new Map(
    kb.entries.map(
      (e) =>
        [
          e.id,
          e.match.map((rule) =>
            rule.map((group) => ({ absent: group[0]!.startsWith('!'), holds: anyOf(group.flatMap((w) => expand(w.replace(/^!/, '')))) })),
          ),
        ] as const,
    ),
  );
  const satisfies = (id: string, s: string) =>
    (rules.get(id) ?? []).some((rule) => rule.every((group) => group.holds.test(s) !== group.absent));
  const docs: { entry: KnowledgeEntry; grams: string[] }[] = [];
  for (const e of kb.entries) for (const ex of [e.topic, ...e.examples]) docs.push({ entry: e, grams: grams(ex) });
  const df = new Map<string, number>();
  for (const d of docs) for (const g of new Set(d.grams)) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((docs.length + 1) / ((df.get(g) ?? 0) + 1)) + 1;
  const vec = (gs: string[]): Vec => {
    const v: Vec = new Map();
    for (const g of gs) v.set(g, (v.get(g) ?? 0) + 1);
    for (const [g, n] of v) v.set(g, (1 + Math.log(n)) * idf(g) * (g.length > 1 ? 1.6 : 1));
    return v;
  };
  const vectors = docs.map((d) => {
    const v = vec(d.grams);
    return { entry: d.entry, v, n: norm(v) };
  });

  /**
   * Each gram's examples and its weight in them (an inverted index): a question is compared only with the examples
   * that share a gram with it, not with every example's every gram (about 1,500 examples; the scan was most of the
   * time a turn spent understanding a question). The sums are made in the same order as a plain dot product's, so the
   * scores are the same to the last bit.
   */
  const lists = new Map<string, { doc: number; w: number }[]>();
  vectors.forEach((d, doc) => {
    for (const [g, w] of d.v) {
      let p = lists.get(g);
      if (!p) lists.set(g, (p = []));
      p.push({ doc, w });
    }
  });
  // Each gram's postings as two typed arrays, in the same order (a Float64Array holds each weight exactly): the
  // products and sums are the same to the last bit, read without an object per posting.
  const postings = new Map([...lists].map(([g, p]) => [g, { docs: Int32Array.from(p, (x) => x.doc), ws: Float64Array.from(p, (x) => x.w) }] as const));

  function rank(text: string): { id: string; score: number }[] {
    const q = vec(grams(text));
    const qn = norm(q);
    const best = new Map<string, number>();
    if (qn === 0) return [];
    const s = compact(text).toLowerCase();
    // Each entry's rules read once (they were read again for each of its examples).
    const satisfied = new Set<string>();
    for (const e of kb.entries) {
      if (satisfies(e.id, s)) {
        satisfied.add(e.id);
        best.set(e.id, RULE_BONUS);
      }
    }
    const dots = new Float64Array(vectors.length);
    for (const [g, x] of q) {
      const p = postings.get(g);
      if (!p) continue;
      const { docs: ds, ws } = p;
      for (let i = 0; i < ds.length; i++) dots[ds[i]!] = dots[ds[i]!]! + x * ws[i]!;
    }
    for (let doc = 0; doc < vectors.length; doc++) {
      // An example sharing no gram scores 0 (+ its entry's rule bonus, already its best): it changes nothing. Every
      // weight is at least 1 (idf >= 1, 1 + log n >= 1), so a dot of 0 is exactly an example sharing no gram.
      if (dots[doc] === 0) continue;
      const d = vectors[doc]!;
      const cos = d.n === 0 ? 0 : dots[doc]! / (qn * d.n);
      const bonus = satisfied.has(d.entry.id) ? RULE_BONUS : 0;
      if (cos + bonus > (best.get(d.entry.id) ?? 0)) best.set(d.entry.id, cos + bonus);
    }
    return [...best.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }

  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const toldEntries = kb.entries.filter((e) => e.told);
  function match(text: string): KnowledgeMatch | null {
    const r = rank(text);
    const top = r[0];
    if (!top || top.score < MIN_SCORE) return null;
    const runnerUp = r[1]?.score ?? 0;
    if (top.score - runnerUp < MIN_MARGIN) return null;
    return { entry: byId.get(top.id)!, score: top.score, runnerUp };
  }
  /**
   * `match` kept for the turn (flows/parsers/turn-memo.ts): a turn asks it about the same words several times over
   * (understanding, the engine, the desks), and it depends on the text alone (this base never changes). No caller
   * changes a match it is given.
   */
  const matchOnce = readOnce(match);
  return {
    entries: kb.entries,
    byId: (id) => byId.get(id),
    rank,
    match: matchOnce,
    toldOf(text) {
      const s = compact(text).toLowerCase();
      if (!toldEntries.some((e) => satisfies(e.id, s))) return null;
      const m = matchOnce(text);
      return m && m.entry.told && satisfies(m.entry.id, s) ? m.entry : null;
    },
  };
}

/** The entry saying that what is done here, a union lawyer's consultation booked included, is free. */
const SERVICE_FREE = 'service-free';
/** The entry saying that the union lawyer's consultation is free (and what formal legal aid adds). */
const LAWYER_FREE = 'lawyer-consult-free';

/**
 * The answer to the price asked with a request for a legal-aid booking (`我想预约律师 收费吗`): for a procurator,
 * the entry the question matches when it leads to the booking (支持起诉: 检察院不收费); for a lawyer, that the
 * consultation booked here is free (not formal 法律援助's conditions). Null when the words ask no price of it.
 */
export function bookingCostEntry(kb: KnowledgeBase, text: string, help: unknown, booking = false): KnowledgeEntry | null {
  const m = kb.match(text);
  if (!m || nextFlowOf(m.entry) !== 'legal') return null;
  // Asked inside the booking (`律师要钱吗` at its questions): the lawyer being booked, whose consultation is free.
  return help === 'procurator' ? m.entry : ((booking ? kb.byId(LAWYER_FREE) : null) ?? kb.byId(SERVICE_FREE) ?? m.entry);
}

let bundled: KnowledgeBase | null = null;

/** The knowledge base shipped with the app (flows/knowledge/knowledge.json), validated once. */
export function knowledgeBase(): KnowledgeBase {
  bundled ??= createKnowledgeBase(JSON.parse(readFileSync(new URL('./knowledge.json', import.meta.url), 'utf8')));
  return bundled;
}
