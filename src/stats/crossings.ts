// Where families meet: merges whose parents come from different families, and distillations of one family onto
// another's base (DeepSeek-R1-Distill-Qwen-7B: a DeepSeek teacher on a Qwen base). The Hub records neither, so
// both are read from what it does record: the parents' families, and a model's name and author. The rules are
// stated in the UI next to the numbers.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import type { LineageIndex, ScopeMask } from './lineage-index.ts';
import { byText } from './rank.ts';

/** Well-known families, recognised in model names and in the names of the orgs that publish them. */
const KNOWN_FAMILIES: { key: string; name: RegExp; orgs: string[] }[] = [
  { key: 'qwen', name: /qwen|qwq/i, orgs: ['qwen', 'alibaba-nlp'] },
  { key: 'llama', name: /llama/i, orgs: ['meta-llama', 'facebook'] },
  { key: 'deepseek', name: /deepseek/i, orgs: ['deepseek-ai'] },
  { key: 'mistral', name: /mistral|mixtral|ministral|magistral/i, orgs: ['mistralai'] },
  { key: 'gemma', name: /gemma/i, orgs: ['google'] },
  { key: 'phi', name: /(^|[^a-z])phi-?\d/i, orgs: ['microsoft'] },
  { key: 'glm', name: /glm/i, orgs: ['thudm', 'zai-org'] },
  { key: 'kimi', name: /kimi|moonlight/i, orgs: ['moonshotai'] },
  { key: 'minimax', name: /minimax/i, orgs: ['minimaxai'] },
  { key: 'gpt-oss', name: /gpt-oss/i, orgs: ['openai'] },
  { key: 'claude', name: /claude|opus|sonnet/i, orgs: [] },
  { key: 'gemini', name: /gemini/i, orgs: [] },
];

/** The key a crawled family label (an org, or a root model id) is known by. */
export function familyKey(label: string): string {
  const lower = label.toLowerCase();
  const org = lower.split('/')[0] ?? lower;
  const known = KNOWN_FAMILIES.find((f) => f.orgs.includes(org) || f.name.test(label));
  return known?.key ?? lower;
}

/** Families named in a model id, by name or by the org publishing it. */
export function familiesNamed(id: string): string[] {
  const [org = '', name = id] = id.toLowerCase().split('/');
  return KNOWN_FAMILIES.filter((f) => f.name.test(name) || f.orgs.includes(org)).map((f) => f.key);
}

export interface CrossFamilyMerge {
  model: string;
  family: string;
  parentFamilies: string[];
  parents: string[];
}

/** Models in the scope whose parents belong to two or more families ('other': outside the crawled ones). */
export function crossFamilyMerges(ix: LineageIndex, scope: ScopeMask): CrossFamilyMerge[] {
  const out: CrossFamilyMerge[] = [];
  for (let i = 0; i < ix.ids.length; i++) {
    const [from, to] = [ix.parentStart[i] as number, ix.parentStart[i + 1] as number];
    if (scope[i] !== 1 || to - from < 2) continue;
    const parentIndices = Array.from(ix.parents.subarray(from, to));
    const families = new Set(parentIndices.map((p) => ix.families[ix.family[p] as number] as string));
    if (families.size < 2) continue;
    out.push({
      model: ix.ids[i] as string,
      family: ix.families[ix.family[i] as number] as string,
      parentFamilies: [...families].sort(byText),
      parents: parentIndices.map((p) => ix.ids[p] as string).sort(byText),
    });
  }
  return out.sort((x, y) => byText(x.model, y.model));
}

export interface Distillation {
  model: string;
  relation: Relation;
  /** The family of the base the student was trained from. */
  base: string;
  /** Families the model's name or author names besides its base's; empty when it names none. */
  teachers: string[];
}

/** Models in the scope named as distillations, with the teacher families their names give away. Quantized copies
 * and merges of a distillation are not distillations themselves, and are left out. */
export function distillations(ix: LineageIndex, scope: ScopeMask): Distillation[] {
  const out: Distillation[] = [];
  for (let i = 0; i < ix.ids.length; i++) {
    const model = ix.ids[i] as string;
    if (scope[i] !== 1 || ix.distilled[i] !== 1) continue;
    const relation = RELATIONS[ix.relation[i] as number];
    if (!relation || relation === 'quantized' || relation === 'merge') continue;
    const base = ix.families[ix.family[i] as number] as string;
    const teachers = familiesNamed(model).filter((k) => k !== familyKey(base));
    out.push({ model, relation, base, teachers });
  }
  return out.sort((x, y) => byText(x.model, y.model));
}

/** How often each pair of families meets: `a × b` for merges, `teacher → base` for distillations. */
export function pairCounts(pairs: Iterable<string>): { pair: string; models: number }[] {
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts]
    .map(([pair, models]) => ({ pair, models }))
    .sort((x, y) => y.models - x.models || byText(x.pair, y.pair));
}

export function mergePairs(merges: readonly CrossFamilyMerge[]): string[] {
  return merges.flatMap((m) =>
    m.parentFamilies.flatMap((a, i) => m.parentFamilies.slice(i + 1).map((b) => `${a} × ${b}`)),
  );
}

export function distillationPairs(ds: readonly Distillation[]): string[] {
  return ds.flatMap((d) => d.teachers.map((t) => `${t} → ${d.base}`));
}
