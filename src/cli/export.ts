// `npm run export -- --snapshot FILE --out DIR [--format csv,gexf,graphml,json,parquet] [--root ID [--depth K]]
// [--family NAME] [--dynamics [--compare A,B] [--window N]]`: the app's exports from the command line, over a
// snapshot file (the crawler's or the app's), and the family-dynamics tables of what is exported.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { edgesCsv, nodesCsv } from '../export/csv.ts';
import { EXPORT_FORMATS, gexf, graphml, snapshotJson, type ExportFormat } from '../export/formats.ts';
import { parseSnapshot } from '../export/snapshot.ts';
import { edgesParquet, nodesParquet } from '../export/parquet.ts';
import { createLineageGraph, lineageOf, type LineageGraph } from '../graph/graph.ts';
import { chartSvg } from '../charts/render.ts';
import { timelineSpec } from '../charts/specs.ts';
import { familyColor } from '../view/encoding.ts';
import { crossoverAnswer, crossoverCsv, describeCrossover, leaders } from '../stats/crossover.ts';
import { everything, indexLineage } from '../stats/lineage-index.ts';
import { monthlyDerivatives, timelineCsv, timelineRows } from '../stats/timeline.ts';
import { WINDOWS } from '../view/state.ts';
import { descendants, familyOf } from '../graph/queries.ts';

export async function main(argv: string[]): Promise<string[]> {
  const { values } = parseArgs({
    args: argv,
    options: {
      snapshot: { type: 'string' },
      out: { type: 'string', default: '.' },
      format: { type: 'string', default: 'csv' },
      root: { type: 'string' },
      depth: { type: 'string' },
      family: { type: 'string' },
      dynamics: { type: 'boolean', default: false },
      compare: { type: 'string' },
      window: { type: 'string', default: '3' },
    },
  });
  if (!values.snapshot) throw new Error('export: --snapshot FILE is required');
  const formats = values.format.split(',');
  const bad = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0) throw new Error(`export: unknown format ${bad.join(', ')} (use ${EXPORT_FORMATS.join(', ')})`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(values.snapshot, 'utf8'));
  } catch (e) {
    throw new Error(`export: ${values.snapshot} is not readable JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) throw new Error(`export: ${parsed.error}`);
  const snap = parsed.snapshot;
  const graph = createLineageGraph(snap);
  let ids: string[] | undefined;
  if (values.root) {
    if (!graph.hasNode(values.root)) throw new Error(`export: ${values.root} is not in the snapshot`);
    const depth = values.depth === undefined ? Infinity : Number(values.depth);
    if (!(depth >= 0)) throw new Error('export: --depth is a whole number of generations');
    ids = [values.root, ...descendants(graph, values.root, depth)];
  }
  if (values.family) ids = (ids ?? graph.nodes()).filter((id) => familyOf(graph, values.family as string).includes(id));
  const lineage = lineageOf(graph, ids);
  const stem = `forkscope-${(values.root ?? values.family ?? basename(values.snapshot, '.json')).replace(/[^\w.+-]+/g, '_')}-${snap.crawledAt.slice(0, 10)}`;
  await mkdir(values.out, { recursive: true });
  const written: string[] = [];
  const put = async (name: string, text: string | Uint8Array): Promise<void> => {
    await writeFile(join(values.out, name), text);
    written.push(name);
  };
  for (const f of formats as ExportFormat[]) {
    if (f === 'csv') {
      await put(`${stem}-nodes.csv`, nodesCsv(lineage));
      await put(`${stem}-edges.csv`, edgesCsv(lineage));
    } else if (f === 'gexf') await put(`${stem}.gexf`, gexf(lineage));
    else if (f === 'graphml') await put(`${stem}.graphml`, graphml(lineage));
    else if (f === 'parquet') {
      await put(`${stem}-nodes.parquet`, nodesParquet(lineage.nodes));
      await put(`${stem}-edges.parquet`, edgesParquet(lineage.edges));
    } else await put(`${stem}.json`, snapshotJson(lineage, snap));
  }
  if (values.dynamics) {
    const exported = createLineageGraph(lineage);
    const dynamics = await dynamicsFiles(
      exported,
      [...snap.orgs, ...snap.roots],
      values.compare,
      Number(values.window),
    );
    for (const [suffix, text] of dynamics.files) await put(`${stem}-${suffix}`, text);
    process.stderr.write(`${dynamics.answer}\n`);
  }
  process.stderr.write(
    `exported ${lineage.nodes.length} models, ${lineage.edges.length} edges: ${written.join(', ')}\n`,
  );
  return written;
}

/** The family-dynamics tables of a graph: monthly derivatives (all relations, and by relation, and the share
 * chart as SVG) and the crossover answer for two families (`--compare A,B`, else the leader now and the runner-up). */
async function dynamicsFiles(
  graph: LineageGraph,
  seeds: string[],
  compare: string | undefined,
  window: number,
): Promise<{ files: [string, string][]; answer: string }> {
  if (!WINDOWS.includes(window)) throw new Error(`export: --window is one of ${WINDOWS.join(', ')} months`);
  const ix = indexLineage(graph, graph.nodes());
  const families = seeds.filter((f) => ix.families.includes(f));
  const monthly = monthlyDerivatives(ix, everything(ix), families);
  const rows = timelineRows(monthly, 'all');
  const chart = { measure: 'share' as const, families, familyColors: families.map((_f, i) => familyColor(i)) };
  const files: [string, string][] = [
    ['new-derivatives.csv', timelineCsv(rows)],
    ['new-derivatives-by-relation.csv', timelineCsv(timelineRows(monthly, 'split'))],
  ];
  if (rows.length > 0)
    files.push(['new-derivatives.svg', await chartSvg(timelineSpec(rows, { ...chart, asOf: null, width: 760 }))]);
  const [a, b] = compare ? compare.split(',') : leaders(monthly, window);
  if (!a || !b) return { files, answer: 'export: fewer than two families, so no crossover to report' };
  for (const f of [a, b]) if (!families.includes(f)) throw new Error(`export: ${f} is not a family of the snapshot`);
  const answer = crossoverAnswer(monthly, a, b, window);
  files.push(['crossover.csv', crossoverCsv(answer)]);
  return { files, answer: describeCrossover(answer) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
