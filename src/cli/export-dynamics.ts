// The family-dynamics part of `npm run export -- --dynamics`: the monthly new-derivatives tables (all relations,
// by relation, with each month's denominator), their share chart as SVG, the crossover answer with the
// denominator and sample sizes it rests on, and the cumulative counts that compare families and groups.
// `--share-of families|hub`, `--kind all|language`, `--groups FILE` ({"name": ["org or root id", …]}).
import { readFile } from 'node:fs/promises';
import { chartSvg } from '../charts/render.ts';
import { timelineSpec } from '../charts/specs.ts';
import type { Snapshot } from '../export/snapshot.ts';
import type { LineageGraph } from '../graph/graph.ts';
import { parseGroupsJson, type FamilyGroup } from '../lineage/groups.ts';
import { comparisonCsv, cumulativeCounts, describeComparison } from '../stats/compare.ts';
import { crossoverAnswer, leaders } from '../stats/crossover.ts';
import { crossoverCsv, describeCrossover } from '../stats/crossover-words.ts';
import { groupMonthly, uncrawledMembers } from '../stats/groups.ts';
import { KIND_NAMES, keepKind, kindFilter, type KindName } from '../stats/kinds.ts';
import { everything, indexLineage } from '../stats/lineage-index.ts';
import { describeDenominator, familiesDenominator, hubDenominator, SHARE_OF, type ShareOf } from '../stats/shares.ts';
import { monthlyDerivatives, timelineCsv, timelineRows } from '../stats/timeline.ts';
import { familyColor } from '../view/encoding.ts';
import { WINDOWS } from '../view/state.ts';

export interface DynamicsOptions {
  compare: string | undefined;
  window: number;
  shareOf: string;
  kind: string;
  groupsFile: string | undefined;
}

/** Groups from a JSON file, validated; a clear error names the file. */
export async function readGroups(file: string): Promise<FamilyGroup[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`export: ${file} is not readable JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = parseGroupsJson(raw);
  if (!parsed.ok) throw new Error(`export: ${file}: ${parsed.error}`);
  return parsed.groups;
}

export async function dynamicsFiles(
  graph: LineageGraph,
  snap: Snapshot,
  o: DynamicsOptions,
): Promise<{ files: [string, string][]; answer: string }> {
  if (!WINDOWS.includes(o.window)) throw new Error(`export: --window is one of ${WINDOWS.join(', ')} months`);
  if (!(SHARE_OF as readonly string[]).includes(o.shareOf)) throw new Error('export: --share-of is families or hub');
  if (!(KIND_NAMES as readonly string[]).includes(o.kind)) throw new Error('export: --kind is all or language');
  if (o.shareOf === 'hub' && !snap.hubDerivatives)
    throw new Error(
      'export: this snapshot has no Hub-wide table (its crawl did not sweep the Hub); use --share-of families',
    );
  const groups = o.groupsFile ? await readGroups(o.groupsFile) : [];
  const kind = kindFilter(o.kind as KindName);
  const ix = indexLineage(graph, graph.nodes());
  const families = [...snap.orgs, ...snap.roots].filter((f) => ix.families.includes(f));
  const scope = keepKind(everything(ix), graph, ix.ids, kind);
  const byFamily = monthlyDerivatives(ix, scope, families);
  const monthly = groups.length > 0 ? groupMonthly(byFamily, groups) : byFamily;
  const denominator =
    (o.shareOf as ShareOf) === 'hub' && snap.hubDerivatives
      ? hubDenominator(snap.hubDerivatives, monthly, kind)
      : familiesDenominator(byFamily, kind);
  const rows = timelineRows(monthly, 'all', denominator.total);
  const series = monthly.families;
  const chart = {
    measure: 'share' as const,
    families: series,
    familyColors: series.map((_f, i) => familyColor(i)),
    shareOf: denominator.axis,
    seriesTitle: groups.length > 0 ? ('group' as const) : ('family' as const),
  };
  const comparison = cumulativeCounts(ix, scope, families, groups, null);
  const files: [string, string][] = [
    ['new-derivatives.csv', timelineCsv(rows)],
    ['new-derivatives-by-relation.csv', timelineCsv(timelineRows(monthly, 'split', denominator.total))],
  ];
  if (rows.length > 0)
    files.push(['new-derivatives.svg', await chartSvg(timelineSpec(rows, { ...chart, asOf: null, width: 760 }))]);
  const notes = [
    describeComparison(comparison, 'family'),
    ...(groups.length > 0 ? [describeComparison(comparison, 'group')] : []),
    ...groups.flatMap((g) => {
      const missing = uncrawledMembers(g, families);
      return missing.length > 0
        ? [`${g.name}: not crawled in this snapshot, so not counted: ${missing.join(', ')}.`]
        : [];
    }),
  ];
  const compared: [string, string] = ['derivatives-compared.csv', comparisonCsv(comparison)];
  const [a, b] = o.compare ? o.compare.split(',') : leaders(monthly, o.window);
  if (!a || !b)
    return {
      files: [...files, compared],
      answer: [
        `export: fewer than two ${groups.length > 0 ? 'groups' : 'families'}, so no crossover to report`,
        ...notes,
      ].join('\n'),
    };
  for (const f of [a, b])
    if (!series.includes(f))
      throw new Error(`export: ${f} is not a ${groups.length > 0 ? 'group' : 'family'} of the snapshot`);
  const answer = crossoverAnswer(monthly, a, b, o.window);
  files.push(['crossover.csv', crossoverCsv(answer)], compared);
  const text = [describeCrossover(answer), describeDenominator(denominator, monthly, [a, b], o.window), ...notes];
  return { files, answer: text.join('\n') };
}
