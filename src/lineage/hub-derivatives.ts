// The Hub-wide count of new derivatives that a sweep leaves behind: every model with a parent the crawl saw on the
// Hub, whatever its family, counted per month × pipeline tag × library × relation × root family. The app's graph
// holds only the crawled families; this small table (a few thousand rows on the real Hub) is what lets a share be
// taken over all new derivatives. It travels with the snapshot (IndexedDB description, snapshot JSON), so its shape
// is versioned and parsed like every other persisted shape.
import { RELATIONS } from './model.ts';

/** Root family of a derivative outside the crawled families whose root is a small org (folded together). */
export const OTHER_ROOTS = 'other';
/** Root family of a derivative whose root the crawl cannot name (a deleted or private ancestor, a cycle). */
export const UNNAMED_ROOT = 'unnamed';
/** Root family of a merge whose parents go back to different root orgs. */
export const SEVERAL_ROOTS = 'several';

export interface HubDerivatives {
  v: 1;
  /** Months 'YYYY-MM' that hold at least one derivative, ascending. */
  months: string[];
  /** Root families: the crawl's family labels, the largest other root orgs, then other/unnamed/several. */
  families: string[];
  pipelines: string[];
  libraries: string[];
  /** Flat rows of ROW_WIDTH integers: month index (-1: no usable date, counted apart), family, pipeline, library,
   * relation (index into RELATIONS), count (> 0). */
  rows: number[];
}

export const ROW_WIDTH = 6;

export interface HubDerivativeRow {
  month: number;
  family: number;
  pipeline: number;
  library: number;
  relation: number;
  count: number;
}

/** Calls `visit` for each row of the table. */
export function forEachHubRow(t: HubDerivatives, visit: (row: HubDerivativeRow) => void): void {
  const r = t.rows;
  for (let i = 0; i + ROW_WIDTH <= r.length; i += ROW_WIDTH)
    visit({
      month: r[i] as number,
      family: r[i + 1] as number,
      pipeline: r[i + 2] as number,
      library: r[i + 3] as number,
      relation: r[i + 4] as number,
      count: r[i + 5] as number,
    });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_TEXT = 200;

/** The table, or an error saying what is wrong with it (hand-edited or hostile snapshot files). */
export function parseHubDerivatives(raw: unknown): { ok: true; table: HubDerivatives } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `Hub derivatives table: ${error}` });
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const t = raw as Partial<HubDerivatives>;
  if (t.v !== 1) return fail(`version ${String(t.v)} is not supported`);
  const texts = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length <= MAX_TEXT);
  if (!texts(t.months) || !t.months.every((m, i, all) => MONTH.test(m) && (i === 0 || (all[i - 1] as string) < m)))
    return fail('months are not ascending YYYY-MM');
  if (!texts(t.families) || !texts(t.pipelines) || !texts(t.libraries)) return fail('a dictionary is not text');
  if (!Array.isArray(t.rows) || t.rows.length % ROW_WIDTH !== 0) return fail('rows are not whole');
  const limits = [t.months.length, t.families.length, t.pipelines.length, t.libraries.length, RELATIONS.length];
  for (let i = 0; i < t.rows.length; i += ROW_WIDTH) {
    const row = t.rows.slice(i, i + ROW_WIDTH);
    if (!row.every((n) => Number.isSafeInteger(n))) return fail(`row ${i / ROW_WIDTH} holds a non-integer`);
    const [month, ...codes] = row as number[];
    if ((month as number) < -1 || (month as number) >= (limits[0] as number))
      return fail(`row ${i / ROW_WIDTH}: month out of range`);
    const count = codes.pop() as number;
    if (codes.some((c, k) => c < 0 || c >= (limits[k + 1] as number)) || count <= 0)
      return fail(`row ${i / ROW_WIDTH}: code out of range`);
  }
  return { ok: true, table: t as HubDerivatives };
}
