// Groups of families ("Chinese labs", "American labs"): a name and the orgs or root models it gathers. The shape,
// its validation and the shipped presets live here, on the ground floor, because the view (permalink), the
// statistics and the command line all read groups. Presets list their orgs openly; a researcher edits them.
import { isFamilyName, isOrgName } from './repo-id.ts';

export { isFamilyName, isOrgName };

export interface FamilyGroup {
  name: string;
  /** Orgs (`Qwen`) or root model ids (`Qwen/Qwen2.5-7B`), as families are named. */
  members: string[];
}

export const MAX_GROUPS = 12;
export const MAX_GROUP_MEMBERS = 60;

// Letters, digits, spaces and a little punctuation: a name travels in links, file names and CSV cells.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,59}$/u;

export const isGroupName = (s: string): boolean => NAME.test(s) && s.trim() === s;

export const GROUP_PRESETS: readonly FamilyGroup[] = [
  {
    name: 'Chinese labs',
    members: [
      'Qwen',
      'deepseek-ai',
      'zai-org',
      'THUDM',
      'moonshotai',
      'MiniMaxAI',
      'baidu',
      'tencent',
      'internlm',
      '01-ai',
      'BAAI',
      'baichuan-inc',
      'openbmb',
    ],
  },
  {
    name: 'American labs',
    members: ['meta-llama', 'google', 'microsoft', 'openai', 'nvidia', 'ibm-granite', 'allenai'],
  },
];

export type GroupsParse = { ok: true; groups: FamilyGroup[] } | { ok: false; error: string };

/** Checks a list of groups: names valid and distinct, members valid (duplicates dropped), within the limits. */
export function checkGroups(groups: readonly { name: unknown; members: unknown }[]): GroupsParse {
  if (groups.length > MAX_GROUPS) return { ok: false, error: `at most ${MAX_GROUPS} groups` };
  const out: FamilyGroup[] = [];
  for (const g of groups) {
    if (typeof g.name !== 'string' || !isGroupName(g.name))
      return { ok: false, error: `"${String(g.name).slice(0, 60)}" is not a usable group name` };
    if (out.some((o) => o.name.toLowerCase() === (g.name as string).toLowerCase()))
      return { ok: false, error: `the group "${g.name}" is named twice` };
    if (!Array.isArray(g.members) || g.members.length === 0 || g.members.length > MAX_GROUP_MEMBERS)
      return { ok: false, error: `the group "${g.name}" needs 1 to ${MAX_GROUP_MEMBERS} orgs or root models` };
    const bad = g.members.find((m) => typeof m !== 'string' || !isFamilyName(m));
    if (bad !== undefined)
      return { ok: false, error: `"${String(bad).slice(0, 100)}" in "${g.name}" is neither an org nor a model id` };
    const seen = new Set<string>();
    const members = (g.members as string[]).filter((m) => !seen.has(m.toLowerCase()) && seen.add(m.toLowerCase()));
    out.push({ name: g.name, members });
  }
  return { ok: true, groups: out };
}

/** Groups as the command line reads them: `{"name": ["org or root id", …]}`. */
export function parseGroupsJson(raw: unknown): GroupsParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'groups: expected an object {"name": ["org or root id", …]}' };
  const checked = checkGroups(Object.entries(raw).map(([name, members]) => ({ name, members })));
  return checked.ok ? checked : { ok: false, error: `groups: ${checked.error}` };
}

const STORED_VERSION = 1;

/** The groups a browser keeps (localStorage), versioned. */
export function serializeGroups(groups: readonly FamilyGroup[]): string {
  return JSON.stringify({ v: STORED_VERSION, groups });
}

/** Stored groups, or null when the text is not groups of this version (then nothing is restored). */
export function parseStoredGroups(text: string | null): FamilyGroup[] | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as { v?: unknown; groups?: unknown };
    if (raw?.v !== STORED_VERSION || !Array.isArray(raw.groups)) return null;
    const items = raw.groups.filter(
      (g): g is { name: unknown; members: unknown } => typeof g === 'object' && g !== null,
    );
    const checked = checkGroups(items);
    return checked.ok && items.length === raw.groups.length ? checked.groups : null;
  } catch {
    return null;
  }
}

/** Orgs and root models of the groups that are not yet crawled families: what adding the groups costs. */
export function seedsToAdd(groups: readonly FamilyGroup[], orgs: readonly string[], roots: readonly string[]) {
  const known = new Set([...orgs, ...roots].map((s) => s.toLowerCase()));
  const add = { orgs: [] as string[], roots: [] as string[] };
  for (const m of groups.flatMap((g) => g.members))
    if (!known.has(m.toLowerCase())) {
      known.add(m.toLowerCase());
      (m.includes('/') ? add.roots : add.orgs).push(m);
    }
  return add;
}
