// `npm run export -- --snapshot FILE --out DIR [--format csv,gexf,graphml,json,parquet] [--root ID [--depth K]]
// [--family NAME] [--dynamics [--compare A,B] [--window N] [--share-of families|hub] [--kind all|language]
// [--groups FILE]]`: the app's exports from the command line, over a snapshot file (the crawler's or the app's),
// and the family-dynamics tables of what is exported. File names come from data (ids, the snapshot's crawl date)
// through the one file-name rule, and are written only inside --out.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { exportFiles } from '../export/files.ts';
import { exportStem } from '../export/file-name.ts';
import { HELP, parseFlags, UsageError } from './args.ts';
import { inert } from './terminal.ts';
import { parseSnapshot } from '../export/snapshot.ts';
import { createLineageGraph, lineageOf } from '../graph/graph.ts';
import { dynamicsFiles } from './export-dynamics.ts';
import { descendants, familyOf } from '../graph/queries.ts';

const USAGE = `
Usage: npm run export -- --snapshot FILE [--out DIR] [flags]

Cuts the app's exports out of a snapshot file (the crawler's snapshot.json or one the app saved).

  --snapshot FILE      the snapshot to read (required)
  --out DIR            where the files go (default: the current folder); nothing is written outside it
  --format LIST        any of ${EXPORT_FORMATS.join(',')}, comma-separated (default: csv)
  --root ID            only this model and its descendants
  --depth K            with --root: only K generations below it
  --family NAME        only the family of this org or root
  --dynamics           also the monthly new-derivatives tables, their share chart (SVG) and the crossover answer
  --compare A,B        with --dynamics: the two families to compare (default: the leader and the runner-up)
  --window N           with --dynamics: the trailing window in months (default: 3)
  --share-of WHAT      with --dynamics: shares of the crawled families' new derivatives (families, the default) or
                       of every new derivative the crawl saw on the Hub (hub)
  --kind WHAT          with --dynamics: derivatives of any kind (all, the default) or language models only (language:
                       the text-generation and image-text-to-text pipelines)
  --groups FILE        with --dynamics: a JSON file {"name": ["org or root id", …]}: each group one series
  -h, --help           this text

Files are named forkscope-<root, family or snapshot name>-<crawl day>-…; the list goes to stderr.
Exit status: 0 done, 1 error, 2 bad flags.
`;

export async function main(argv: string[]): Promise<string[]> {
  const values = parseFlags(
    argv,
    {
      ...HELP,
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
    USAGE,
  );
  if (!values) return [];
  if (!values.snapshot) throw new UsageError('export: --snapshot FILE is required; see --help');
  const formats = values.format.split(',');
  const bad = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0)
    throw new UsageError(`export: unknown format ${bad.join(', ')} (use ${EXPORT_FORMATS.join(', ')})`);
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
  const stem = exportStem(values.root ?? values.family ?? basename(values.snapshot, '.json'), snap.crawledAt);
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  const put = async (name: string, text: string | Uint8Array): Promise<void> => {
    const path = resolve(out, name);
    // The rule above makes names plain; this check keeps that promise whatever a later change does to them.
    if (dirname(path) !== out) throw new Error(`export: refusing to write ${inert(name)} outside ${inert(out)}`);
    await writeFile(path, text);
    written.push(name);
  };
  const meta = { hub: snap.hub, orgs: snap.orgs, roots: snap.roots, crawledAt: snap.crawledAt };
  for (const f of formats as ExportFormat[])
    for (const file of exportFiles(lineage, f, stem, meta)) await put(file.name, file.text);
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
    // Line by line: the answer's own line breaks are kept, any control character inside a line is made inert.
    process.stderr.write(`${dynamics.answer.split('\n').map(inert).join('\n')}\n`);
  }
  process.stderr.write(
    `exported ${lineage.nodes.length.toLocaleString('en')} models, ${lineage.edges.length.toLocaleString('en')} edges: ${inert(written.join(', '))}\n`,
  );
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${inert((e as Error).message)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
