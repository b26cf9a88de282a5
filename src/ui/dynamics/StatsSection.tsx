// Statistics of a family or of the selection, within the filters and the time slider: size, depth distribution,
// relation mix, fan-out, downloads summed over subtrees, re-uploaders, license changes, cross-family merges and
// distillations. Each chart exports as PNG/SVG/CSV, each list as CSV.
import { useMemo } from 'react';
import type { ChartSpec } from '../../charts/specs.ts';
import { barSpec, DIRECTION_SERIES, RELATION_SERIES, type BarRow, type SeriesColors } from '../../charts/specs.ts';
import { tableCsv } from '../../export/table.ts';
import { RELATIONS } from '../../lineage/model.ts';
import type { RelationTally } from '../../stats/structure.ts';
import type { ScopeStats } from '../../workers/dynamics.ts';
import { STAT_TABLES, type StatTableName } from '../../workers/dynamics-tables.ts';
import { ChartCard } from './ChartCard.tsx';
import { StatTable } from './StatTable.tsx';

interface Props {
  /** Computed in the dynamics worker. */
  stats: ScopeStats;
  fileStem: string;
  onPick(id: string): void;
  /** A list in full, as CSV (the worker holds the lists; the page has their first rows). */
  listCsv(name: StatTableName): Promise<string>;
}

const stacked = <T extends RelationTally>(items: readonly T[], label: (t: T) => string): BarRow[] =>
  items.flatMap((t) => RELATIONS.filter((r) => t[r] > 0).map((r) => ({ label: label(t), value: t[r], series: r })));
/** A bar chart's data as CSV, under the column names the chart's axes carry. */
const barsCsv = (rows: readonly BarRow[], label: string, value: string, series?: string) => () =>
  tableCsv(
    series ? [label, value, series] : [label, value],
    rows.map((r) => ({ [label]: r.label, [value]: r.value, ...(series ? { [series]: r.series ?? '' } : {}) })),
  );

interface ChartEntry {
  name: string;
  title: string;
  spec: ChartSpec | null;
  csv: () => string;
  note?: string;
  empty?: string;
}

interface ChartOptions {
  /** Axis titles, also the CSV's column names: label, value and, for stacked bars, the stack. */
  labels: [string, string] | [string, string, string];
  series?: SeriesColors;
  columns?: boolean;
  color?: string;
  csv?: () => string;
  note?: string;
  empty?: string;
}

function chart(name: string, title: string, rows: BarRow[], o: ChartOptions): ChartEntry {
  const [labelTitle, valueTitle, series] = o.labels;
  const spec =
    rows.length === 0
      ? null
      : barSpec(rows, {
          labelTitle,
          valueTitle,
          width: 'container',
          series: o.series,
          columns: o.columns,
          color: o.color,
        });
  return {
    name,
    title,
    spec,
    csv: o.csv ?? barsCsv(rows, labelTitle, valueTitle, series),
    note: o.note,
    empty: o.empty,
  };
}

export function StatsSection({ stats, fileStem, onPick, listCsv }: Props) {
  const { structure: s, licenses, merges, distilled } = stats;
  const charts = useMemo((): ChartEntry[] => {
    const { transitions, morePermissive } = licenses;
    return [
      chart(
        'depth',
        'Depth distribution',
        s.depth.map((d) => ({ label: String(d.depth), value: d.models })),
        {
          labels: ['depth', 'models'],
          columns: true,
        },
      ),
      chart(
        'relations',
        'Relation mix',
        s.relations.map((r) => ({ label: r.relation, value: r.models, series: r.relation })),
        {
          labels: ['relation', 'models'],
          series: RELATION_SERIES,
        },
      ),
      chart(
        'fan-out',
        'Fan-out: parents with most children',
        stacked(s.fanOut, (f) => f.id),
        {
          labels: ['parent', 'children', 'relation'],
          series: RELATION_SERIES,
        },
      ),
      chart(
        'subtree-downloads',
        'Downloads summed over subtrees',
        s.subtrees.map((t) => ({ label: t.id, value: t.downloads })),
        {
          labels: ['subtree of', 'downloads (30 d)'],
          csv: () => tableCsv(['id', 'models', 'downloads'] as const, s.subtrees),
        },
      ),
      chart(
        're-uploaders',
        'Most active re-uploaders',
        stacked(s.reuploaders, (a) => a.author),
        {
          labels: ['author', 'models', 'relation'],
          series: RELATION_SERIES,
          note: "Authors other than the families' own orgs, by derivatives published.",
        },
      ),
      chart(
        'license-changes',
        'License changes along edges',
        transitions.map((t) => ({ label: `${t.from} → ${t.to}`, value: t.edges, series: t.direction })),
        {
          labels: ['change', 'edges', 'direction'],
          series: DIRECTION_SERIES,
          empty: 'No edge in this scope changes license.',
          note: `${morePermissive.toLocaleString('en')} edges give the child a more permissive license than its parent (tiers: permissive, copyleft, use-restricted, non-commercial).`,
        },
      ),
      chart(
        'families-meet',
        'Cross-family merges and distillations',
        [
          ...merges.pairs.map((p) => ({ label: `merge: ${p.pair}`, value: p.models })),
          ...distilled.pairs.map((p) => ({ label: `distilled: ${p.pair}`, value: p.models })),
        ],
        {
          labels: ['families', 'models'],
          color: '#ae3ec9',
          empty: 'No cross-family merge or distillation in this scope.',
        },
      ),
    ];
  }, [s, licenses, merges, distilled]);

  return (
    <div className="stats-grid">
      <section className="stat-summary" data-testid="scope-summary" aria-label="Scope in numbers">
        <h3>In numbers</h3>
        <dl>
          {(
            [
              ['models', s.models],
              ['derivatives', s.derivatives],
              ['roots in scope', s.roots],
              ['edges', s.edges],
              ['deepest level', s.depth.at(-1)?.depth ?? 0],
              ['downloads (30 d), summed', s.downloads],
              ['license changes', licenses.total],
              ['cross-family merges', merges.total],
              ['distillations', distilled.total],
            ] as [string, number][]
          ).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v.toLocaleString('en')}</dd>
            </div>
          ))}
        </dl>
      </section>
      {charts.map((c) => (
        <ChartCard
          key={c.name}
          name={c.name}
          title={c.title}
          spec={c.spec}
          csv={c.csv}
          fileStem={fileStem}
          empty={c.empty}
        >
          {c.note && <p className="note">{c.note}</p>}
        </ChartCard>
      ))}
      <StatTable
        name="license-edges"
        title="Edges that change license"
        columns={STAT_TABLES['license-edges']}
        modelColumns={['child', 'parent']}
        list={licenses}
        csv={listCsv}
        fileStem={fileStem}
        onPick={onPick}
      />
      <StatTable
        name="cross-family-merges"
        title="Cross-family merges"
        note="Models whose parents belong to two or more families ('other': outside the crawled ones)."
        columns={STAT_TABLES['cross-family-merges']}
        modelColumns={['model']}
        list={merges}
        csv={listCsv}
        fileStem={fileStem}
        onPick={onPick}
      />
      <StatTable
        name="distillations"
        title="Distillations"
        note="Models named as distillations (not their quantized copies or merges); teachers are the other families their name or author names."
        columns={STAT_TABLES.distillations}
        modelColumns={['model']}
        list={distilled}
        csv={listCsv}
        fileStem={fileStem}
        onPick={onPick}
      />
    </div>
  );
}
