// Everything a crawl has learnt, rebuilt by replaying its journal: models by case-insensitive id, aliases
// (renames), missing and disabled ids, junk card entries and junk tags, what the current full sweep has listed,
// which models a walk has expanded.
// Lookups resolve aliases and case to one canonical node.
import type { HubModel, Relation } from '../lineage/model.ts';
import { isRepoId } from '../lineage/repo-id.ts';
import type { CrawlRecord } from './records.ts';

export class Knowledge {
  readonly models = new Map<string, HubModel>();
  readonly missing = new Map<
    string,
    { id: string; status: number; relation: Relation; reason?: string; disabled?: boolean }
  >();
  readonly aliases = new Map<string, string>();
  readonly junk: { child: string; raw: string }[] = [];
  /** Lower-case ids already read one by one. */
  readonly looked = new Set<string>();
  /** Lower-case ids some kept model names as a parent in its tags. */
  readonly referenced = new Set<string>();
  /** Kept models with `base_model:*` tags that name no repo: lower-case id → those tags (written by setJunkTags). */
  readonly junkTags = new Map<string, { child: string; tags: string[] }>();
  /** How many tags junkTags holds, kept as it changes: the crawl reports it after every page. */
  private junkTagCount = 0;
  /** Lower-case ids whose children a walk has listed (or a published snapshot held). */
  readonly expanded = new Set<string>();
  /** Lower-case ids listed since the current full sweep began; null when none is under way. */
  seen: Set<string> | null = null;

  apply(records: readonly CrawlRecord[]): void {
    for (const r of records) {
      switch (r.t) {
        case 'model':
          this.addModel(r.model);
          break;
        case 'missing':
          this.missing.set(r.id.toLowerCase(), r);
          break;
        case 'alias':
          this.aliases.set(r.from.toLowerCase(), r.to);
          break;
        case 'junk':
          this.junk.push(r);
          break;
        case 'looked':
          this.looked.add(r.id.toLowerCase());
          break;
        case 'sweep':
          this.seen = new Set();
          break;
        case 'expanded':
          for (const id of r.ids) this.expanded.add(id.toLowerCase());
          break;
        case 'removed':
          for (const id of r.ids) this.models.delete(id.toLowerCase());
          for (const id of r.ids) this.setJunkTags(id.toLowerCase(), null);
          break;
      }
    }
  }

  private addModel(stored: HubModel): void {
    const m = healed(stored);
    const key = m.id.toLowerCase();
    this.models.set(key, m);
    this.seen?.add(key);
    for (const p of m.parents) this.referenced.add(p.id.toLowerCase());
    this.setJunkTags(key, m.junkTags && m.junkTags.length > 0 ? { child: m.id, tags: m.junkTags } : null);
  }

  private setJunkTags(key: string, entry: { child: string; tags: string[] } | null): void {
    this.junkTagCount -= this.junkTags.get(key)?.tags.length ?? 0;
    if (entry) this.junkTags.set(key, entry);
    else this.junkTags.delete(key);
    this.junkTagCount += entry?.tags.length ?? 0;
  }

  /** Junk tags of the kept models: how many, and the first few with the model that carries them. */
  junkTagReport(examples = 5): { count: number; examples: { child: string; tag: string }[] } {
    const first: { child: string; tag: string }[] = [];
    for (const { child, tags } of this.junkTags.values()) {
      if (first.length >= examples) break;
      for (const tag of tags.slice(0, examples - first.length)) first.push({ child, tag });
    }
    return { count: this.junkTagCount, examples: first };
  }

  /** The model an id names, through renames and case differences. */
  resolve(id: string): HubModel | undefined {
    const key = id.toLowerCase();
    const direct = this.models.get(key);
    if (direct) return direct;
    const alias = this.aliases.get(key);
    return alias ? this.models.get(alias.toLowerCase()) : undefined;
  }

  /** Whether an id is accounted for: a model, a known rename or a known missing repo. */
  knows(id: string): boolean {
    return this.resolve(id) !== undefined || this.missing.has(id.toLowerCase());
  }
}

/** Journals written before tag parents were validated may hold junk parents: they become junk tags again. */
function healed(m: HubModel): HubModel {
  if (m.parents.every((p) => isRepoId(p.id))) return m;
  const junk = m.parents.filter((p) => !isRepoId(p.id));
  const tags = junk.map((p) => `base_model:${p.relation === 'unknown' ? '' : `${p.relation}:`}${p.id}`);
  return { ...m, parents: m.parents.filter((p) => isRepoId(p.id)), junkTags: [...(m.junkTags ?? []), ...tags] };
}
