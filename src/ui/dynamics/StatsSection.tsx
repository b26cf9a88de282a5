// Statistics of a family or of the selection, within the filters and the time slider: size, depth distribution,
// relation mix, fan-out, downloads summed over subtrees, re-uploaders, license changes, cross-family merges and
// distillations. Each chart exports as PNG/SVG/CSV, each list as CSV.
import { useMemo } from 'react';
import { barSpec, type BarRow } from '../../charts/specs.ts';
import { tableCsv } from '../../export/table.ts';
import type { LineageGraph } from '../../graph/graph.ts';
import { RELATIONS } from '../../hub/model.ts';
import { crossFamilyMerges, distillationPairs, distillations, mergePairs, pairCounts } from '../../stats/crossings.ts';
import { licenseChanges, licenseTransitions } from '../../stats/licenses.ts';
import { scopeStructure, type RelationTally } from '../../stats/structure.ts';
import { ChartCard } from './ChartCard.tsx';
import { StatTable } from './StatTable.tsx';

interface Props {
  graph: LineageGraph;
  scope: ReadonlySet<string>;
  families: readonly string[];
  fileStem: string;
  onPick(id: string): void;
}

const WIDTH = 380;
const stacked = <T extends RelationTally>(items: readonly T[], label: (t: T) => string): BarRow[] =>
  items.flatMap((t) => RELATIONS.filter((r) => t[r] > 0).map((r) => ({ label: label(t), value: t[r], series: r })));
/** A bar chart's data as CSV, under the column names the chart's axes carry. */
const barsCsv = (rows: readonly BarRow[], label: string, value: string, series?: string) => () =>
  tableCsv(
    series ? [label, value, series] : [label, value],
    rows.map((r) => ({ [label]: r.label, [value]: r.value, ...(series ? { [series]: r.series ?? '' } : {}) })),
  );

export function StatsSection({ graph, scope, families, fileStem, onPick }: Props) {
  const s = useMemo(() => scopeStructure(graph, scope, families), [graph, scope, families]);
  const licenses = useMemo(() => licenseChanges(graph, scope), [graph, scope]);
  const merges = useMemo(() => crossFamilyMerges(graph, scope), [graph, scope]);
  const distilled = useMemo(() => distillations(graph, scope), [graph, scope]);
  const charts = useMemo(() => {
    const depth = s.depth.map((d) => ({ label: String(d.depth), value: d.models }));
    const mix = s.relations.map((r) => ({ label: r.relation, value: r.models, series: r.relation }));
    const fan = stacked(s.fanOut, (f) => f.id);
    const subtrees = s.subtrees.map((t) => ({ label: t.id, value: t.downloads }));
    const uploaders = stacked(s.reuploaders, (a) => a.author);
    const transitions = licenseTransitions(licenses)
      .slice(0, 15)
      .map((t) => ({ label: `${t.from} → ${t.to}`, value: t.edges, series: t.direction }));
    const meetings = [
      ...pairCounts(mergePairs(merges)).map((p) => ({ label: `merge: ${p.pair}`, value: p.models })),
      ...pairCounts(distillationPairs(distilled)).map((p) => ({ label: `distilled: ${p.pair}`, value: p.models })),
    ];
    return { depth, mix, fan, subtrees, uploaders, transitions, meetings };
  }, [s, licenses, merges, distilled]);
  const bars = (rows: BarRow[], o: Parameters<typeof barSpec>[1]) => (rows.length === 0 ? null : barSpec(rows, o));

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
              ['license changes', licenses.length],
              ['cross-family merges', merges.length],
              ['distillations', distilled.length],
            ] as [string, number][]
          ).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v.toLocaleString('en')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ChartCard
        name="depth"
        title="Depth distribution"
        spec={bars(charts.depth, { valueTitle: 'models', labelTitle: 'depth', width: WIDTH, columns: true })}
        csv={barsCsv(charts.depth, 'depth', 'models')}
        fileStem={fileStem}
      />
      <ChartCard
        name="relations"
        title="Relation mix"
        spec={bars(charts.mix, { valueTitle: 'models', labelTitle: 'relation', width: WIDTH, byRelation: true })}
        csv={barsCsv(charts.mix, 'relation', 'models')}
        fileStem={fileStem}
      />
      <ChartCard
        name="fan-out"
        title="Fan-out: parents with most children"
        spec={bars(charts.fan, { valueTitle: 'children', labelTitle: 'parent', width: WIDTH, byRelation: true })}
        csv={barsCsv(charts.fan, 'parent', 'children', 'relation')}
        fileStem={fileStem}
      />
      <ChartCard
        name="subtree-downloads"
        title="Downloads summed over subtrees"
        spec={bars(charts.subtrees, { valueTitle: 'downloads (30 d)', labelTitle: 'subtree of', width: WIDTH })}
        csv={() => tableCsv(['id', 'models', 'downloads'] as const, s.subtrees)}
        fileStem={fileStem}
      />
      <ChartCard
        name="re-uploaders"
        title="Most active re-uploaders"
        spec={bars(charts.uploaders, { valueTitle: 'models', labelTitle: 'author', width: WIDTH, byRelation: true })}
        csv={barsCsv(charts.uploaders, 'author', 'models', 'relation')}
        fileStem={fileStem}
      >
        <p className="note">Authors other than the families&apos; own orgs, by derivatives published.</p>
      </ChartCard>
      <ChartCard
        name="license-changes"
        title="License changes along edges"
        spec={bars(charts.transitions, { valueTitle: 'edges', labelTitle: 'parent → child', width: WIDTH })}
        csv={barsCsv(charts.transitions, 'change', 'edges', 'direction')}
        fileStem={fileStem}
        empty="No edge in this scope changes license."
      >
        <p className="note">
          {licenses.filter((l) => l.direction === 'more permissive').length.toLocaleString('en')} edges give the child a
          more permissive license than its parent (tiers: permissive, copyleft, use-restricted, non-commercial).
        </p>
      </ChartCard>
      <ChartCard
        name="families-meet"
        title="Cross-family merges and distillations"
        spec={bars(charts.meetings, { valueTitle: 'models', labelTitle: 'families', width: WIDTH, color: '#ae3ec9' })}
        csv={barsCsv(charts.meetings, 'families', 'models')}
        fileStem={fileStem}
        empty="No cross-family merge or distillation in this scope."
      />
      <StatTable
        name="license-edges"
        title="Edges that change license"
        columns={['child', 'parent', 'relation', 'parentLicense', 'childLicense', 'direction'] as const}
        modelColumns={['child', 'parent']}
        rows={licenses}
        fileStem={fileStem}
        onPick={onPick}
      />
      <StatTable
        name="cross-family-merges"
        title="Cross-family merges"
        note="Models whose parents belong to two or more families ('other': outside the crawled ones)."
        columns={['model', 'family', 'parent_families', 'parents'] as const}
        modelColumns={['model']}
        rows={merges.map((m) => ({
          ...m,
          parent_families: m.parentFamilies.join(' + '),
          parents: m.parents.join(' ; '),
        }))}
        fileStem={fileStem}
        onPick={onPick}
      />
      <StatTable
        name="distillations"
        title="Distillations"
        note="Models named as distillations (not their quantized copies); teachers are the other families their name or author names."
        columns={['model', 'relation', 'base', 'teachers'] as const}
        modelColumns={['model']}
        rows={distilled.map((d) => ({ ...d, teachers: d.teachers.join(' + ') }))}
        fileStem={fileStem}
        onPick={onPick}
      />
    </div>
  );
}
