// Everything a crawl has learnt, rebuilt by replaying its journal: models by case-insensitive id, aliases
// (renames), missing parents and junk card entries. Lookups resolve aliases and case to one canonical node.
import type { HubModel, Relation } from '../lineage/model.ts';
import type { CrawlRecord } from './records.ts';

export class Knowledge {
  readonly models = new Map<string, HubModel>();
  readonly missing = new Map<string, { id: string; status: number; relation: Relation }>();
  readonly aliases = new Map<string, string>();
  readonly junk: { child: string; raw: string }[] = [];
  /** Lower-case ids already read one by one. */
  readonly looked = new Set<string>();
  /** Lower-case ids some kept model names as a parent in its tags. */
  readonly referenced = new Set<string>();

  apply(records: readonly CrawlRecord[]): void {
    for (const r of records) {
      switch (r.t) {
        case 'model':
          this.models.set(r.model.id.toLowerCase(), r.model);
          for (const p of r.model.parents) this.referenced.add(p.id.toLowerCase());
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
      }
    }
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
