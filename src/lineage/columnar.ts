// A compact, versioned form of a Lineage for IndexedDB: strings joined into one string per column or
// dictionary-coded, numbers in typed arrays, edges as node indexes. Structured clone copies it in a few large
// blocks instead of a million small objects, which is what makes a 500,000-model reload fast.
import { RELATIONS, type Relation } from './model.ts';
import {
  blankNode,
  isStatus,
  nodesById,
  type Lineage,
  type LineageEdge,
  type ModelNode,
  type Status,
} from './types.ts';

export const COLUMNAR_VERSION = 1;
const SEP = '\n';
const DICT_COLUMNS = ['author', 'family', 'pipeline_tag', 'library_name', 'license', 'gated', 'status'] as const;
const TEXT_COLUMNS = ['id', 'created_at', 'last_modified'] as const;
type DictColumn = (typeof DICT_COLUMNS)[number];
type TextColumn = (typeof TEXT_COLUMNS)[number];

export interface ColumnarLineage {
  v: typeof COLUMNAR_VERSION;
  count: number;
  text: Record<TextColumn, string>;
  dicts: Record<DictColumn, { values: string[]; codes: Uint32Array }>;
  depth: Uint32Array;
  downloads: Float64Array;
  likes: Float64Array;
  edges: { parent: Uint32Array; child: Uint32Array; relation: Uint8Array; cycle: Uint8Array };
}

/** Encodes a lineage with one node per id (a later record merged over an earlier one, as the graph merges them),
 * in id order: a reader can then take positions for ids (layout/input.ts lays out a decoded lineage without a map
 * of 200,000 ids). */
export function encodeLineage(lineage: Lineage): ColumnarLineage {
  const nodes = canonicalNodes(lineage.nodes);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const dicts = Object.fromEntries(
    DICT_COLUMNS.map((c) => [c, dictionary(nodes.map((n) => n[c]))]),
  ) as ColumnarLineage['dicts'];
  const text = Object.fromEntries(
    TEXT_COLUMNS.map((c) => [c, nodes.map((n) => n[c].replaceAll(SEP, ' ')).join(SEP)]),
  ) as ColumnarLineage['text'];
  const edges = lineage.edges.filter((e) => index.has(e.parent) && index.has(e.child));
  return {
    v: COLUMNAR_VERSION,
    count: nodes.length,
    text,
    dicts,
    depth: Uint32Array.from(nodes, (n) => n.depth),
    downloads: Float64Array.from(nodes, (n) => n.downloads),
    likes: Float64Array.from(nodes, (n) => n.likes),
    edges: {
      parent: Uint32Array.from(edges, (e) => index.get(e.parent) as number),
      child: Uint32Array.from(edges, (e) => index.get(e.child) as number),
      relation: Uint8Array.from(edges, (e) => RELATIONS.indexOf(e.relation)),
      cycle: Uint8Array.from(edges, (e) => (e.cycle ? 1 : 0)),
    },
  };
}

/** A checked columnar lineage read in place: its ids, and any model as a ModelNode without building them all (the
 * dynamics worker filters 200,000 models this way). */
export interface ColumnarRows {
  columnar: ColumnarLineage;
  ids: readonly string[];
  /** The text columns, split. */
  text: Readonly<Record<TextColumn, readonly string[]>>;
  /** Model i as a node: one object, filled again on every call (copy it to keep it). */
  node(i: number): ModelNode;
}

/** Checks a stored snapshot (throws a clear error when it is not a valid one of this version) and reads it in place. */
export function readColumnar(raw: unknown): ColumnarRows {
  const [c, text] = validate(raw);
  const { author, family, pipeline_tag, library_name, license, gated, status } = c.dicts;
  const value = (col: { values: string[]; codes: Uint32Array }, i: number): string =>
    col.values[col.codes[i] as number] as string;
  const row: ModelNode = blankNode('', '', 'ok');
  // Called for every model on every filter change: plain loads into one object, no allocation.
  const node = (i: number): ModelNode => {
    row.id = text.id[i] as string;
    row.author = value(author, i);
    row.family = value(family, i);
    row.depth = c.depth[i] as number;
    row.downloads = c.downloads[i] as number;
    row.likes = c.likes[i] as number;
    row.created_at = text.created_at[i] as string;
    row.last_modified = text.last_modified[i] as string;
    row.pipeline_tag = value(pipeline_tag, i);
    row.library_name = value(library_name, i);
    row.license = value(license, i);
    row.gated = value(gated, i) as ModelNode['gated'];
    row.status = value(status, i) as Status;
    return row;
  };
  return { columnar: c, ids: text.id, text, node };
}

/** Decodes a stored snapshot; throws a clear error when the record is not a valid one of this version. */
export function decodeLineage(raw: unknown): Lineage {
  const { columnar: c, node } = readColumnar(raw);
  const nodes: ModelNode[] = new Array<ModelNode>(c.count);
  for (let i = 0; i < c.count; i++) nodes[i] = { ...node(i) };
  const edges: LineageEdge[] = new Array<LineageEdge>(c.edges.parent.length);
  for (let i = 0; i < edges.length; i++) {
    edges[i] = {
      parent: nodes[c.edges.parent[i] as number]?.id as string,
      child: nodes[c.edges.child[i] as number]?.id as string,
      relation: RELATIONS[c.edges.relation[i] as number] as Relation,
      cycle: c.edges.cycle[i] === 1,
    };
  }
  return { nodes, edges };
}

function canonicalNodes(nodes: readonly ModelNode[]): ModelNode[] {
  const byId = nodesById(nodes);
  // The ids alone are sorted: the default order is code-unit order (as `<` compares), without a comparator call.
  return [...byId.keys()].sort().map((id) => byId.get(id) as ModelNode);
}

/** Whether a lineage's nodes are in strict id order (so one per id), as a decoded columnar lineage's are. */
export function inIdOrder(nodes: readonly ModelNode[]): boolean {
  for (let i = 1; i < nodes.length; i++) if ((nodes[i - 1] as ModelNode).id >= (nodes[i] as ModelNode).id) return false;
  return true;
}

function dictionary(values: string[]): { values: string[]; codes: Uint32Array } {
  const seen = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    let code = seen.get(v);
    if (code === undefined) seen.set(v, (code = seen.size));
    codes[i] = code;
  });
  return { values: [...seen.keys()], codes };
}

type TypedArrayType = abstract new (...args: never[]) => ArrayBufferView;

/** The record, checked, with its text columns split (once: they are read and checked from the same split). */
function validate(raw: unknown): [ColumnarLineage, Record<TextColumn, string[]>] {
  const fail = (why: string): never => {
    throw new Error(`store/snapshot: the cached graph is unreadable (${why})`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const c = raw as ColumnarLineage;
  if (c.v !== COLUMNAR_VERSION) return fail(`version ${String(c.v)}, expected ${COLUMNAR_VERSION}`);
  if (!Number.isInteger(c.count) || c.count < 0) return fail('bad count');
  for (const k of TEXT_COLUMNS) if (typeof c.text?.[k] !== 'string') return fail(`column ${k}`);
  for (const k of DICT_COLUMNS) {
    const col = c.dicts?.[k];
    if (!col || !Array.isArray(col.values) || !(col.codes instanceof Uint32Array) || col.codes.length !== c.count)
      return fail(`column ${k}`);
    if (!col.values.every((v) => typeof v === 'string')) return fail(`column ${k} values`);
    for (const code of col.codes) if (code >= col.values.length) return fail(`column ${k} code out of range`);
  }
  // A status this version does not know (a newer Forkscope's cache) would be drawn and exported as if it were one.
  const unknownStatus = c.dicts.status.values.find((v) => !isStatus(v));
  if (unknownStatus !== undefined) return fail(`unknown status ${JSON.stringify(unknownStatus.slice(0, 40))}`);
  const arrays: [unknown, TypedArrayType][] = [
    [c.depth, Uint32Array],
    [c.downloads, Float64Array],
    [c.likes, Float64Array],
  ];
  if (arrays.some(([a, type]) => !(a instanceof type) || (a as Uint32Array).length !== c.count))
    return fail('numeric columns');
  const e = c.edges;
  const edgeArrays: [unknown, TypedArrayType][] = [
    [e?.parent, Uint32Array],
    [e?.child, Uint32Array],
    [e?.relation, Uint8Array],
    [e?.cycle, Uint8Array],
  ];
  if (!e || edgeArrays.some(([a, type]) => !(a instanceof type) || (a as Uint32Array).length !== e.parent.length))
    return fail('edges');
  for (let i = 0; i < e.parent.length; i++)
    if (
      (e.parent[i] as number) >= c.count ||
      (e.child[i] as number) >= c.count ||
      (e.relation[i] as number) >= RELATIONS.length
    )
      return fail('edge out of range');
  const text = Object.fromEntries(TEXT_COLUMNS.map((k) => [k, c.count === 0 ? [] : c.text[k].split(SEP)])) as Record<
    TextColumn,
    string[]
  >;
  for (const k of TEXT_COLUMNS) if (text[k].length !== c.count) return fail(`${k} column length`);
  return [c, text];
}
