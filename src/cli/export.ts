// `npm run export -- --snapshot FILE --out DIR [--format csv,gexf,graphml,json] [--root ID [--depth K]]
// [--family NAME] [--dynamics [--compare A,B] [--window N] [--share-of families|hub] [--kind all|language]
// [--groups FILE]]`: the app's exports from the command line, over a
// snapshot file (the crawler's or the app's), and the family-dynamics tables of what is exported.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { edgesCsv, nodesCsv } from '../export/csv.ts';
import { EXPORT_FORMATS, gexf, graphml, snapshotJson, type ExportFormat } from '../export/formats.ts';
import { parseSnapshot } from '../export/snapshot.ts';
import { createLineageGraph, lineageOf } from '../graph/graph.ts';
import { dynamicsFiles } from './export-dynamics.ts';
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
      'share-of': { type: 'string', default: 'families' },
      kind: { type: 'string', default: 'all' },
      groups: { type: 'string' },
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
  const put = async (name: string, text: string): Promise<void> => {
    await writeFile(join(values.out, name), text);
    written.push(name);
  };
  for (const f of formats as ExportFormat[]) {
    if (f === 'csv') {
      await put(`${stem}-nodes.csv`, nodesCsv(lineage));
      await put(`${stem}-edges.csv`, edgesCsv(lineage));
    } else if (f === 'gexf') await put(`${stem}.gexf`, gexf(lineage));
    else if (f === 'graphml') await put(`${stem}.graphml`, graphml(lineage));
    else await put(`${stem}.json`, snapshotJson(lineage, snap));
  }
  if (values.dynamics) {
    const exported = createLineageGraph(lineage);
    const dynamics = await dynamicsFiles(exported, snap, {
      compare: values.compare,
      window: Number(values.window),
      shareOf: values['share-of'],
      kind: values.kind,
      groupsFile: values.groups,
    });
    for (const [suffix, text] of dynamics.files) await put(`${stem}-${suffix}`, text);
    process.stderr.write(`${dynamics.answer}\n`);
  }
  process.stderr.write(
    `exported ${lineage.nodes.length} models, ${lineage.edges.length} edges: ${written.join(', ')}\n`,
  );
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
