// Lineage ⇄ Parquet: the typed tables of a published snapshot, written and read by hyparquet(-writer), pure JS
// that runs the same in Node, the browser and workers. nodes.parquet and edges.parquet carry the CSV columns of
// DESIGN.md §2 with real types (counts INT64, depth INT32, dates TIMESTAMP(ms, UTC), relation/status/author/…
// dictionary-encoded strings), so pandas, DuckDB and the Hub's dataset viewer read them as they are.
// Empty text ('' in a Lineage: unknown, not gated) is written as null and read back as ''. The counts of an
// `unread` node (a parent the crawl did not read) are null, not 0; files written before that status have the same
// columns as REQUIRED and read the same.
import { parquetMetadata, parquetRead, type DecodedArray, type SchemaElement } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { RELATIONS } from '../lineage/model.ts';
import { isStatus, knownCount, type LineageEdge, type ModelNode, type Relation } from '../lineage/types.ts';

type Kind = 'id' | 'text' | 'dict' | 'optdict' | 'int32' | 'optint64' | 'time' | 'bool';

/** The columns of each table, in order, with their kind (physical type, nullability and encoding). */
export const NODE_TABLE: readonly (readonly [keyof ModelNode, Kind])[] = [
  ['id', 'id'],
  ['author', 'dict'],
  ['family', 'dict'],
  ['depth', 'int32'],
  ['downloads', 'optint64'],
  ['likes', 'optint64'],
  ['created_at', 'time'],
  ['last_modified', 'time'],
  ['pipeline_tag', 'optdict'],
  ['library_name', 'optdict'],
  ['license', 'optdict'],
  ['gated', 'optdict'],
  ['status', 'dict'],
];
export const EDGE_TABLE: readonly (readonly [keyof LineageEdge, Kind])[] = [
  ['parent', 'dict'],
  ['child', 'id'],
  ['relation', 'dict'],
  ['cycle', 'bool'],
];

const GATED = ['', 'auto', 'manual'];

function element(name: string, kind: Kind): SchemaElement {
  const repetition_type = kind === 'optdict' || kind === 'time' || kind === 'optint64' ? 'OPTIONAL' : 'REQUIRED';
  if (kind === 'int32' || kind === 'bool')
    return { name, repetition_type, type: kind === 'int32' ? 'INT32' : 'BOOLEAN' };
  if (kind === 'optint64') return { name, repetition_type, type: 'INT64' };
  if (kind === 'time')
    return {
      name,
      repetition_type,
      type: 'INT64',
      converted_type: 'TIMESTAMP_MILLIS',
      logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    };
  return { name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
}

function column(kind: Kind, values: unknown[]): DecodedArray {
  if (kind === 'int32') return Int32Array.from(values as number[]);
  if (kind === 'optint64') return values.map((v) => (typeof v === 'number' ? BigInt(Math.trunc(v)) : null));
  if (kind === 'time')
    return values.map((v) => {
      const ms = typeof v === 'string' && v ? Date.parse(v) : NaN;
      return Number.isFinite(ms) ? ms : null;
    });
  if (kind === 'optdict') return values.map((v) => (v === '' ? null : v));
  return values;
}

function writeTable<R extends object>(
  rows: readonly R[],
  table: readonly (readonly [keyof R, Kind])[],
  cell: (row: R, name: keyof R) => unknown = (row, name) => row[name],
): Uint8Array<ArrayBuffer> {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: table.length },
    ...table.map(([n, k]) => element(String(n), k)),
  ];
  const columnData = table.map(([name, kind]) => ({
    name: String(name),
    data: column(
      kind,
      rows.map((r) => cell(r, name)),
    ),
    ...(kind === 'dict' || kind === 'optdict' ? { encoding: 'RLE_DICTIONARY' as const } : {}),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'forkscope', rowGroupSize: 250_000 }));
}

export function nodesParquet(nodes: readonly ModelNode[]): Uint8Array<ArrayBuffer> {
  return writeTable(nodes, NODE_TABLE, (n, name) =>
    name === 'downloads' || name === 'likes' ? knownCount(n, name) : n[name],
  );
}

export function edgesParquet(edges: readonly LineageEdge[]): Uint8Array<ArrayBuffer> {
  return writeTable(edges, EDGE_TABLE);
}

/** A Parquet file that is not a table this version reads, with the file, column and row it stopped at. */
export class ParquetTableError extends Error {
  constructor(file: string, why: string) {
    super(`parquet: ${file}: ${why}`);
    this.name = 'ParquetTableError';
  }
}

/** Reads every column of a table into plain arrays, checking the schema first (names and physical types). */
async function readColumns(
  bytes: Uint8Array,
  file: string,
  table: readonly (readonly [string, Kind])[],
): Promise<{ rows: number; columns: Map<string, unknown[]> }> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    throw new ParquetTableError(file, `not a Parquet file (${(e as Error).message})`);
  }
  const rows = Number(metadata.num_rows);
  for (const [name, kind] of table) {
    const found = metadata.schema.find((s) => s.name === name && s.num_children === undefined);
    const want = element(name, kind).type;
    if (!found) throw new ParquetTableError(file, `column "${name}" is missing`);
    if (found.type !== want) throw new ParquetTableError(file, `column "${name}" is ${found.type}, not ${want}`);
  }
  const columns = new Map<string, unknown[]>(table.map(([n]) => [n, new Array<unknown>(rows)]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: table.map(([n]) => n),
      parsers: { timestampFromMilliseconds: (ms: bigint) => Number(ms) },
      onChunk: ({ columnName, columnData, rowStart }) => {
        const out = columns.get(columnName);
        if (!out) return;
        for (let i = 0; i < columnData.length && rowStart + i < rows; i++) out[rowStart + i] = columnData[i];
      },
    });
  } catch (e) {
    throw new ParquetTableError(file, `unreadable (${(e as Error).message})`);
  }
  return { rows, columns };
}

function get(columns: Map<string, unknown[]>, name: string): unknown[] {
  return columns.get(name) as unknown[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const iso = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? new Date(v).toISOString() : '');
const count = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN);
const nullAsZero = (v: unknown): number => (v === null || v === undefined ? 0 : count(v));

export async function readNodesParquet(bytes: Uint8Array, file = 'nodes.parquet'): Promise<ModelNode[]> {
  const { rows, columns } = await readColumns(bytes, file, NODE_TABLE);
  const c = (n: keyof ModelNode): unknown[] => get(columns, n);
  const nodes: ModelNode[] = new Array<ModelNode>(rows);
  for (let i = 0; i < rows; i++) {
    const node: ModelNode = {
      id: text(c('id')[i]),
      author: text(c('author')[i]),
      family: text(c('family')[i]),
      depth: count(c('depth')[i]),
      downloads: count(c('downloads')[i]),
      likes: count(c('likes')[i]),
      created_at: iso(c('created_at')[i]),
      last_modified: iso(c('last_modified')[i]),
      pipeline_tag: text(c('pipeline_tag')[i]),
      library_name: text(c('library_name')[i]),
      license: text(c('license')[i]),
      gated: text(c('gated')[i]) as ModelNode['gated'],
      status: text(c('status')[i]) as ModelNode['status'],
    };
    if (!node.id) throw new ParquetTableError(file, `row ${i}: empty id`);
    if (!isStatus(node.status)) throw new ParquetTableError(file, `row ${i}: unknown status "${node.status}"`);
    // An unread node's counts are null (unknown): 0 in memory, as its status says.
    if (node.status === 'unread') for (const k of ['downloads', 'likes'] as const) node[k] = nullAsZero(c(k)[i]);
    for (const k of ['depth', 'downloads', 'likes'] as const)
      if (!(node[k] >= 0)) throw new ParquetTableError(file, `row ${i}: ${k} is not a count`);
    if (!GATED.includes(node.gated)) throw new ParquetTableError(file, `row ${i}: unknown gated value`);
    nodes[i] = node;
  }
  return nodes;
}

export async function readEdgesParquet(bytes: Uint8Array, file = 'edges.parquet'): Promise<LineageEdge[]> {
  const { rows, columns } = await readColumns(bytes, file, EDGE_TABLE);
  const [parent, child, relation, cycle] = EDGE_TABLE.map(([n]) => get(columns, n)) as unknown[][];
  const edges: LineageEdge[] = new Array<LineageEdge>(rows);
  for (let i = 0; i < rows; i++) {
    const e = {
      parent: text(parent?.[i]),
      child: text(child?.[i]),
      relation: text(relation?.[i]) as Relation,
      cycle: cycle?.[i] === true,
    };
    if (!e.parent || !e.child) throw new ParquetTableError(file, `row ${i}: empty parent or child`);
    if (!RELATIONS.includes(e.relation))
      throw new ParquetTableError(file, `row ${i}: unknown relation "${e.relation}"`);
    edges[i] = e;
  }
  return edges;
}
