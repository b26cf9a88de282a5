// The Hub-wide denominator against counts made independently: a sweep of the local Hub (synthetic, then the real
// records of ../shared/hub-data) gives the table of all new derivatives, whose monthly totals must equal what the
// Hub's own records say (models with a parent, by month of creation), for any kind and for language models; and the
// crawled families' rows of the table must be exactly the graph's own monthly counts (numerator inside denominator).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { familyMembers } from '../../src/crawl/closure.ts';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { HubClient } from '../../src/hub/client.ts';
import { hubDerivativesOf, hubMonthly } from '../../src/stats/denominator.ts';
import { keepKind, kindFilter } from '../../src/stats/kinds.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { countAt, monthlyDerivatives } from '../../src/stats/timeline.ts';
import { DEFAULT_HUB_DATA, loadRealHub } from '../hub/real-data.ts';
import type { HubDataset } from '../hub/records.ts';
import { startLocalHub } from '../hub/server.ts';
import { syntheticHub } from './helpers.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const LANGUAGE = ['text-generation', 'image-text-to-text'];
// A legacy creation date marks "before 2022-03", not that month; whether the app counts it apart or not, it is
// compared in the totals only.
const LEGACY_MONTH = '2022-03';

async function sweep(dataset: HubDataset) {
  const hub = await startLocalHub({ dataset, quota: 1_000_000 });
  try {
    const client = new HubClient({ hubUrl: hub.url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5 });
    const result = await new Crawler(client, new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
    const table = hubDerivativesOf(result.knowledge, familyMembers(result.knowledge, SEEDS));
    return { ...result, table };
  } finally {
    await hub.close();
  }
}

type Tally = { byMonth: Map<string, number>; total: number };
const tally = (months: (string | null)[]): Tally => {
  const byMonth = new Map<string, number>();
  for (const m of months) if (m) byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
  return { byMonth, total: months.length };
};

/** Every month the independent count holds must match the table, the legacy month aside; totals must match. */
function expectSameCounts(table: ReturnType<typeof hubMonthly>, truth: Tally, undatedInTruth = 0): void {
  for (const [month, n] of truth.byMonth)
    if (month !== LEGACY_MONTH) expect([month, table.byMonth.get(month)]).toEqual([month, n]);
  const tableTotal = [...table.byMonth.values()].reduce((s, x) => s + x, 0) + table.undated;
  expect(tableTotal).toBe(truth.total);
  expect(table.undated).toBeGreaterThanOrEqual(undatedInTruth);
}

describe('the Hub-wide denominator on the synthetic local Hub', () => {
  const dataset = syntheticHub(20_000);
  // The Hub's records: listed models (not private, not disabled: a sweep never sees those) whose lineage names a
  // parent other than themselves.
  const derivatives = dataset.records.filter((r) => !r.private && !r.disabled && r.parents.some((p) => p.id !== r.id));
  const monthOf = (ms: string | number) => new Date(ms).toISOString().slice(0, 7);
  let swept: ReturnType<typeof sweep> | undefined;
  const once = () => (swept ??= sweep(dataset));

  it('counts every derivative on the Hub by month, for any kind and for language models', async () => {
    const { table, lineage } = await once();
    // The graph holds only the crawled families (and their parents), far fewer than the Hub's derivatives.
    expect(lineage.nodes.length).toBeLessThan(derivatives.length);
    // The crawled families' members whose only parent is a missing one are derivatives in the graph too, but the
    // Hub names no resolvable parent for them: the independent count adds them.
    const missingOnly = lineage.edges.filter((e) => lineage.nodes.find((n) => n.id === e.parent)?.status === 'missing');
    const extra = [...new Set(missingOnly.map((e) => e.child))].filter((id) => !derivatives.some((r) => r.id === id));
    const all = hubMonthly(table, kindFilter('all'), 'all');
    const truthAll = tally([...derivatives.map((r) => monthOf(r.createdAt)), ...extra.map(() => null)]);
    expectSameCounts(all, { ...truthAll, total: truthAll.total }, 0);
    const language = hubMonthly(table, kindFilter('language'), 'all');
    const lang = derivatives.filter((r) => LANGUAGE.includes(r.pipeline_tag ?? ''));
    expect(lang.length).toBeGreaterThan(100);
    const extraLang = extra.filter((id) =>
      LANGUAGE.includes(lineage.nodes.find((n) => n.id === id)?.pipeline_tag ?? ''),
    );
    expectSameCounts(language, tally([...lang.map((r) => monthOf(r.createdAt)), ...extraLang.map(() => null)]));
  });

  it('holds the crawled families as the graph counts them, and names other roots without guessing', async () => {
    const { table, lineage } = await once();
    const graph = createLineageGraph(lineage);
    const ix = indexLineage(graph, graph.nodes());
    for (const kind of [kindFilter('all'), kindFilter('language')]) {
      const m = monthlyDerivatives(ix, keepKind(everything(ix), graph, ix.ids, kind), SEEDS.orgs);
      const t = hubMonthly(table, kind, 'all');
      for (const family of SEEDS.orgs) {
        // The table's rows of one family, summed by month, against the graph's own monthly counts.
        const rows = new Map<string, number>();
        let undated = 0;
        const code = table.families.indexOf(family);
        for (let i = 0; i < table.rows.length; i += 6) {
          const [month, fam, pipe, , , count] = table.rows.slice(i, i + 6) as [
            number,
            number,
            number,
            number,
            number,
            number,
          ];
          if (fam !== code || (kind.pipelines && !kind.pipelines.includes(table.pipelines[pipe] ?? ''))) continue;
          if (month < 0) undated += count;
          else rows.set(table.months[month] as string, (rows.get(table.months[month] as string) ?? 0) + count);
        }
        const own = m.months.map((mo, i): [string, number] => [mo, countAt(m, family, 'all', i)]);
        expect(rows).toEqual(new Map(own.filter(([, n]) => n > 0)));
        expect(undated).toBe(0);
        // The numerator is inside the denominator, month by month.
        own.forEach(([mo, n]) => expect(n).toBeLessThanOrEqual(t.byMonth.get(mo) ?? 0));
      }
    }
    // Roots outside the crawled families: the largest orgs by name, the rest folded, and the unnameable apart.
    expect(table.families).toEqual(expect.arrayContaining(['Qwen', 'meta-llama', 'other', 'unnamed', 'several']));
  });
});

describe('the Hub-wide denominator on the real records of ../shared/hub-data', () => {
  type Row = Record<string, string>;
  const read = (file: string): Row[] =>
    Papa.parse<Row>(readFileSync(join(DEFAULT_HUB_DATA, file), 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('counts by month what the CSV rows say: every child of an edge, dated by its row', async () => {
    const nodes = new Map(read('nodes.csv').map((r) => [(r.id ?? '').trim().toLowerCase(), r]));
    const children = new Set<string>();
    for (const e of read('edges.csv')) {
      const [child, parent] = [(e.child_id ?? '').trim().toLowerCase(), (e.parent_id ?? '').trim().toLowerCase()];
      if (child && parent && child !== parent) children.add(child);
    }
    // The CSV's date (created, else last modified); rows without one get a made-up date from the local Hub, so
    // they are checked in the totals only.
    const dateOf = (id: string): string | null => {
      const r = nodes.get(id);
      const raw = r?.createdAt || r?.lastModified || '';
      return /^\d{4}-\d{2}/.test(raw) ? raw.slice(0, 7) : null;
    };
    const dated = [...children].filter((id) => dateOf(id) !== null);
    // The records as the CSV has them, without the local Hub's quirks (disabled repos are unlisted there).
    const { table } = await sweep(loadRealHub(DEFAULT_HUB_DATA, { quirks: false }));
    const all = hubMonthly(table, kindFilter('all'), 'all');
    const sum = [...all.byMonth.values()].reduce((s, x) => s + x, 0) + all.undated;
    expect(sum).toBe(children.size);
    for (const [month, n] of tally(dated.map(dateOf)).byMonth) {
      if (month === LEGACY_MONTH) continue;
      // Made-up dates can only add to a month.
      expect(all.byMonth.get(month) ?? 0).toBeGreaterThanOrEqual(n);
    }
    const undatedCsv = children.size - dated.length;
    const made = [...all.byMonth.values()].reduce((s, x) => s + x, 0) + all.undated - dated.length;
    expect(made).toBe(undatedCsv);
    // The local Hub serves a record without a pipeline tag as text-generation (its builder's default).
    const pipelineOf = (id: string): string => nodes.get(id)?.pipeline_tag || 'text-generation';
    const lang = [...children].filter((id) => LANGUAGE.includes(pipelineOf(id)));
    expect(lang.length).toBeLessThan(children.size);
    const language = hubMonthly(table, kindFilter('language'), 'all');
    expect([...language.byMonth.values()].reduce((s, x) => s + x, 0) + language.undated).toBe(lang.length);
  }, 120_000);
});
