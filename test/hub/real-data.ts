// Serves the real lineage records of ../shared/hub-data as Hub items: each edge becomes the tags the Hub would
// compute (relation inferred as the Hub does where the source gave none), each node keeps its real metadata.
// The files are read in place, never copied into the repo.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { DatasetBuilder } from './builder.ts';
import { addQuirkFixtures, applyQuirks } from './quirks.ts';
import { createRng } from './random.ts';
import { truthFromRecords, type HubDataset, type Relation } from './records.ts';

export const DEFAULT_HUB_DATA = resolve(import.meta.dirname, '../../../shared/hub-data');

interface EdgeRow {
  child_id: string;
  parent_id: string;
  relation: string;
}
type NodeRow = Record<string, string | undefined>;

function readCsv<T>(file: string): T[] {
  const parsed = Papa.parse<T>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0 && parsed.data.length === 0) throw new Error(`hub/real-data: cannot parse ${file}`);
  return parsed.data;
}

export interface RealHubOptions {
  /** The real Hub's quirks (disabled repos, junk lineage tags: quirks.ts), on by default as on the real Hub; the
   * records dated before March 2022 get the legacy date either way. */
  quirks?: boolean;
}

export function loadRealHub(dir: string = DEFAULT_HUB_DATA, options: RealHubOptions = {}): HubDataset {
  const edges = readCsv<EdgeRow>(join(dir, 'edges.csv'));
  const nodes = readCsv<NodeRow>(join(dir, 'nodes.csv'));
  const spelling = new Map<string, string>();
  const canonical = (id: string): string => {
    const key = id.toLowerCase();
    if (!spelling.has(key)) spelling.set(key, id);
    return spelling.get(key) as string;
  };
  const parentsOf = new Map<string, Map<string, string>>();
  for (const e of edges) {
    const child = canonical(e.child_id.trim());
    const parent = canonical(e.parent_id.trim());
    const byParent = parentsOf.get(child) ?? new Map<string, string>();
    if (!byParent.has(parent)) byParent.set(parent, e.relation);
    parentsOf.set(child, byParent);
  }
  const meta = new Map<string, NodeRow>();
  for (const n of nodes) if (n.id) meta.set(canonical(n.id.trim()).toLowerCase(), n);
  const builder = new DatasetBuilder(createRng(7));
  for (const id of spelling.values()) addRealRecord(builder, id, meta.get(id.toLowerCase()), parentsOf.get(id));
  if (options.quirks ?? true) {
    applyQuirks(builder.records, createRng(11));
    addQuirkFixtures(builder, { qwen: 'Qwen/Qwen2.5-7B-Instruct', llama: 'meta-llama/Llama-3.1-8B-Instruct' });
  }
  return {
    records: builder.records,
    aliases: builder.aliases,
    truth: truthFromRecords(builder.records),
    family: builder.family,
  };
}

function addRealRecord(b: DatasetBuilder, id: string, row: NodeRow | undefined, parents?: Map<string, string>): void {
  const library = row?.library_name || undefined;
  const parentList = [...(parents ?? new Map<string, string>()).entries()];
  const relation = (declared: string): Relation => inferRelation(declared, parentList.length, id, library);
  const num = (v: string | undefined): number | undefined => (v ? Math.max(0, Math.round(Number(v))) || 0 : undefined);
  b.add(
    {
      id,
      createdAt: createdAtOf(id, row),
      parents: parentList.map(([p, declared]) => ({ id: p, relation: relation(declared) })),
      ...(library ? { library } : {}),
      ...(row?.pipeline_tag ? { pipeline: row.pipeline_tag } : {}),
      license: row?.license || 'unknown',
      gated: id.startsWith('meta-llama/') ? 'manual' : false,
      downloads: num(row?.downloads) ?? 0,
    },
    row?.family || 'other',
  );
}

/** The Hub's own inference (hub-api.md §2.3) where the source declared no relation. */
function inferRelation(declared: string, parentCount: number, id: string, library?: string): Relation {
  if (declared === 'finetune' || declared === 'adapter' || declared === 'quantized' || declared === 'merge')
    return declared;
  if (parentCount > 1) return 'merge';
  if (library === 'peft' || /lora|adapter/i.test(id)) return 'adapter';
  if (library === 'gguf' || /gguf|awq|gptq|[-_](4|8)bit|exl2|mlx/i.test(id)) return 'quantized';
  return 'finetune';
}

/** Real creation date where a source has one, else the last modification, else a stable date from the id. */
function createdAtOf(id: string, row: NodeRow | undefined): number {
  const raw = row?.createdAt || row?.lastModified;
  const parsed = raw ? Date.parse(raw.replace(' ', 'T')) : NaN;
  if (Number.isFinite(parsed)) return parsed;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return Date.UTC(2023, 0, 1) + (h % 900) * 86_400_000;
}
