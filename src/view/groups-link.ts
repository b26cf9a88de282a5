// The permalink keys of the dynamics panel's denominator, kind and groups: `dd=hub` (shares of all derivatives on
// the Hub), `dk=language` (language models only), `dv=groups` (one series per group) and one `dg` per group,
// `dg=Chinese labs:Qwen,deepseek-ai,…`. Group names and members are checked by the one rule of lineage/groups.ts;
// a link's unusable group is left out and reported, like every other key.
import { checkGroups, MAX_GROUPS, type FamilyGroup } from '../lineage/groups.ts';
import type { DynamicsView } from './state.ts';

function groupText(g: FamilyGroup): string {
  return `${g.name}:${g.members.join(',')}`;
}

export function encodeGroupKeys(d: DynamicsView, q: URLSearchParams): void {
  if (d.shareOf === 'hub') q.set('dd', 'hub');
  if (d.kind === 'language') q.set('dk', 'language');
  if (d.series === 'groups') q.set('dv', 'groups');
  // Only groups that pass the decoder's rule are written, so the app never writes a link it would refuse.
  const checked = checkGroups(d.groups.slice(0, MAX_GROUPS));
  if (checked.ok) for (const g of checked.groups) q.append('dg', groupText(g));
}

/** Reads the keys into `d`; `drop` reports what could not be used. */
export function decodeGroupKeys(q: URLSearchParams, d: DynamicsView, drop: (what: string) => void): void {
  const pick = <T extends string>(key: string, value: T, what: string): boolean => {
    const raw = q.get(key);
    if (raw === null) return false;
    if (raw === value) return true;
    drop(what);
    return false;
  };
  if (pick('dd', 'hub', 'share denominator')) d.shareOf = 'hub';
  if (pick('dk', 'language', 'kind of model')) d.kind = 'language';
  const asGroups = pick('dv', 'groups', 'chart series');
  const groups: FamilyGroup[] = [];
  for (const raw of q.getAll('dg').slice(0, MAX_GROUPS)) {
    const at = raw.indexOf(':');
    const name = at < 0 ? '' : raw.slice(0, at);
    const members =
      at < 0
        ? []
        : raw
            .slice(at + 1)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    const checked = checkGroups([...groups, { name, members }]);
    if (checked.ok) groups.splice(0, groups.length, ...checked.groups);
    else drop(`group "${name.slice(0, 40) || raw.slice(0, 40)}"`);
  }
  if (q.getAll('dg').length > MAX_GROUPS) drop('groups beyond the first twelve');
  d.groups = groups;
  if (asGroups && groups.length > 0) d.series = 'groups';
}
