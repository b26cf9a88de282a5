// Groups of families: a name and the orgs or root models it gathers, edited as text, with the presets (Chinese
// labs, American labs) added openly and editable. Applying checks every group (lineage/groups.ts), keeps them in
// the view (so the permalink) and in this browser, and adds their uncrawled orgs as families: each costs the crawl
// one author listing, as adding a family does.
import { useState } from 'react';
import {
  checkGroups,
  GROUP_PRESETS,
  parseStoredGroups,
  serializeGroups,
  type FamilyGroup,
} from '../../lineage/groups.ts';
import { uncrawledMembers } from '../../stats/groups.ts';

const STORAGE_KEY = 'forkscope-groups';

/** Groups this browser saved, or null (none, unreadable, or of another version). */
export function loadSavedGroups(): FamilyGroup[] | null {
  try {
    return parseStoredGroups(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveGroups(groups: readonly FamilyGroup[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, serializeGroups(groups));
  } catch {
    // A browser that refuses storage keeps the groups in the link only.
  }
}

interface Draft {
  name: string;
  members: string;
}

const toDraft = (g: FamilyGroup): Draft => ({ name: g.name, members: g.members.join(', ') });
const fromDraft = (d: Draft) => ({
  name: d.name.trim(),
  members: d.members
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean),
});

/** Drafts start from the applied groups: give the editor a key that changes with them. */
interface Props {
  groups: readonly FamilyGroup[];
  /** Crawled families (orgs and roots). */
  families: readonly string[];
  onApply(groups: FamilyGroup[]): void;
}

export function GroupsEditor({ groups, families, onApply }: Props) {
  const [drafts, setDrafts] = useState<Draft[]>(() => groups.map(toDraft));
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (i: number, patch: Partial<Draft>) =>
    setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const apply = (next: Draft[]) => {
    const checked = checkGroups(next.map(fromDraft));
    if (!checked.ok) return setProblem(checked.error);
    setProblem(null);
    onApply(checked.groups);
  };
  const unnamed = (base: string) => {
    let n = 1;
    while (drafts.some((d) => d.name === (n === 1 ? base : `${base} ${n}`))) n++;
    return n === 1 ? base : `${base} ${n}`;
  };
  return (
    <section className="groups-editor" data-testid="groups-editor" aria-label="Groups of families">
      <h3>Groups of families</h3>
      <p className="note">
        A group gathers orgs or root models (one per line or comma-separated). Orgs not crawled yet are added as
        families when you apply: each costs the crawl one author listing.
      </p>
      {drafts.map((d, i) => {
        const missing = uncrawledMembers(fromDraft(d), families);
        return (
          <div className="group-row" key={i} data-testid="group-row">
            <input
              aria-label="group name"
              value={d.name}
              maxLength={60}
              onChange={(e) => edit(i, { name: e.target.value })}
            />
            <textarea
              aria-label={`orgs or root models of ${d.name || 'the group'}`}
              value={d.members}
              rows={2}
              onChange={(e) => edit(i, { members: e.target.value })}
            />
            <button type="button" onClick={() => setDrafts((ds) => ds.filter((_d, k) => k !== i))}>
              Remove
            </button>
            {missing.length > 0 && <p className="note">Not crawled yet: {missing.join(', ')}.</p>}
          </div>
        );
      })}
      <div className="chart-controls">
        <button type="button" onClick={() => setDrafts((ds) => [...ds, { name: unnamed('New group'), members: '' }])}>
          Add a group
        </button>
        {GROUP_PRESETS.map((p) => (
          <button
            type="button"
            key={p.name}
            disabled={drafts.some((d) => d.name === p.name)}
            onClick={() => setDrafts((ds) => [...ds, toDraft(p)])}
          >
            Add preset: {p.name}
          </button>
        ))}
        <button type="button" data-testid="apply-groups" onClick={() => apply(drafts)}>
          Apply groups
        </button>
      </div>
      {problem && (
        <p className="note problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
