// The snapshot JSON that the CLI writes and the app imports: a versioned, self-describing Lineage with the Hub
// and seeds it came from. Its parser validates every field and copies only what it knows, so a hand-edited or
// hostile file gives a clear error or a clean lineage, never an exception or a foreign property.
import { parseHubDerivatives, type HubDerivatives } from '../lineage/hub-derivatives.ts';
import { RELATIONS } from '../lineage/model.ts';
import { STATUSES, type Lineage, type LineageEdge, type ModelNode } from '../lineage/types.ts';

export const SNAPSHOT_FORMAT = 'forkscope-snapshot';

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  v: 1;
  hub: string;
  orgs: string[];
  roots: string[];
  crawledAt: string;
  nodes: ModelNode[];
  edges: LineageEdge[];
  /** Every new derivative the crawl's sweep saw on the Hub, counted (absent when the crawl did not sweep). */
  hubDerivatives?: HubDerivatives;
}

export function makeSnapshot(
  lineage: Lineage,
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string; hubDerivatives?: HubDerivatives },
): Snapshot {
  const { hub, orgs, roots, crawledAt, hubDerivatives } = meta;
  const { nodes, edges } = lineage;
  return {
    format: SNAPSHOT_FORMAT,
    v: 1,
    hub,
    orgs,
    roots,
    crawledAt,
    nodes,
    edges,
    ...(hubDerivatives && { hubDerivatives }),
  };
}

export type SnapshotParse = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

const GATED: readonly ModelNode['gated'][] = ['', 'auto', 'manual'];
const TEXT_FIELDS = [
  'id',
  'author',
  'family',
  'created_at',
  'last_modified',
  'pipeline_tag',
  'library_name',
  'license',
] as const;

class Invalid extends Error {}

/** Validates a parsed snapshot file and returns a clean copy of it (only the known fields, counts clamped to safe
 * integers), or a clear error; it never throws, whatever the input. */
export function parseSnapshot(raw: unknown): SnapshotParse {
  try {
    return { ok: true, snapshot: snapshotOf(raw) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `snapshot: ${e.message}` };
    // Anything else (a stack overflow on absurd nesting, say) is still the file's fault, said as such.
    return { ok: false, error: `snapshot: unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}

const fail = (why: string): never => {
  throw new Invalid(why);
};

function snapshotOf(raw: unknown): Snapshot {
  if (!isRecord(raw)) return fail('not a JSON object');
  if (raw.format !== SNAPSHOT_FORMAT) return fail('not a Forkscope snapshot (format field)');
  if (raw.v !== 1)
    return fail(
      `version ${['number', 'string'].includes(typeof raw.v) ? String(raw.v).slice(0, 40) : typeof raw.v} is not supported`,
    );
  if (typeof raw.hub !== 'string' || typeof raw.crawledAt !== 'string') return fail('hub or crawledAt missing');
  if (!isStrings(raw.orgs) || !isStrings(raw.roots)) return fail('orgs or roots missing');
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) return fail('nodes or edges missing');
  // Plain loops: `map` would consult an array's own `constructor` property, which a hostile file can set.
  const ids = new Set<string>();
  const nodes: ModelNode[] = [];
  for (let i = 0; i < raw.nodes.length; i++) {
    const node = nodeOf(raw.nodes[i], i);
    if (ids.has(node.id)) fail(`node ${i}: id ${JSON.stringify(node.id.slice(0, 200))} appears twice`);
    ids.add(node.id);
    nodes.push(node);
  }
  const edges: LineageEdge[] = [];
  for (let i = 0; i < raw.edges.length; i++) edges.push(edgeOf(raw.edges[i], i, ids));
  const { hub, crawledAt } = raw;
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    v: 1,
    hub,
    orgs: copy(raw.orgs),
    roots: copy(raw.roots),
    crawledAt,
    nodes,
    edges,
  };
  if (raw.hubDerivatives !== undefined) {
    const table = parseHubDerivatives(raw.hubDerivatives);
    if (!table.ok) return fail(table.error);
    snapshot.hubDerivatives = table.table;
  }
  return snapshot;
}

function nodeOf(n: unknown, i: number): ModelNode {
  if (!isRecord(n)) return fail(`node ${i}: not an object`);
  for (const k of TEXT_FIELDS) if (typeof n[k] !== 'string') fail(`node ${i}: ${k} is not text`);
  const text = n as Record<(typeof TEXT_FIELDS)[number], string>;
  if (text.id === '') fail(`node ${i}: empty id`);
  const status = STATUSES.find((s) => s === n.status) ?? fail(`node ${i}: unknown status`);
  const gated = GATED.find((g) => g === n.gated) ?? fail(`node ${i}: unknown gated value`);
  return {
    id: text.id,
    author: text.author,
    family: text.family,
    depth: count(n.depth, i, 'depth'),
    downloads: count(n.downloads, i, 'downloads'),
    likes: count(n.likes, i, 'likes'),
    created_at: text.created_at,
    last_modified: text.last_modified,
    pipeline_tag: text.pipeline_tag,
    library_name: text.library_name,
    license: text.license,
    gated,
    status,
  };
}

/** A count as a safe integer: `1e308` downloads is read as the largest safe integer, not as infinity's neighbour. */
function count(v: unknown, i: number, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return fail(`node ${i}: ${name} is not a count`);
  return Math.min(Math.floor(v), Number.MAX_SAFE_INTEGER);
}

function edgeOf(e: unknown, i: number, ids: ReadonlySet<string>): LineageEdge {
  if (!isRecord(e) || typeof e.parent !== 'string' || typeof e.child !== 'string')
    return fail(`edge ${i} is not a parent, child pair`);
  if (!ids.has(e.parent) || !ids.has(e.child)) return fail(`edge ${i} names an unknown model`);
  const relation = RELATIONS.find((r) => r === e.relation) ?? fail(`edge ${i}: unknown relation`);
  if (typeof e.cycle !== 'boolean') return fail(`edge ${i}: cycle flag missing`);
  return { parent: e.parent, child: e.child, relation, cycle: e.cycle };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStrings(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function copy(v: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) out.push(v[i] as string);
  return out;
}
