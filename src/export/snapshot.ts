// The snapshot JSON that the CLI writes and the app imports: a versioned, self-describing Lineage with the Hub
// and seeds it came from. Its parser validates every field, so a hand-edited or hostile file gives a clear error.
import { parseHubDerivatives, type HubDerivatives } from '../lineage/hub-derivatives.ts';
import { RELATIONS } from '../lineage/model.ts';
import type { Lineage, LineageEdge, ModelNode } from '../lineage/types.ts';

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
  return { format: SNAPSHOT_FORMAT, v: 1, ...meta, nodes: lineage.nodes, edges: lineage.edges };
}

export type SnapshotParse = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

const STATUSES = ['ok', 'missing', 'disabled'];
const GATED = ['', 'auto', 'manual'];

export function parseSnapshot(raw: unknown): SnapshotParse {
  const fail = (error: string): SnapshotParse => ({ ok: false, error: `snapshot: ${error}` });
  if (typeof raw !== 'object' || raw === null) return fail('not a JSON object');
  const s = raw as Partial<Snapshot>;
  if (s.format !== SNAPSHOT_FORMAT) return fail('not a Forkscope snapshot (format field)');
  if (s.v !== 1) return fail(`version ${String(s.v)} is not supported`);
  if (typeof s.hub !== 'string' || typeof s.crawledAt !== 'string') return fail('hub or crawledAt missing');
  if (!isStrings(s.orgs) || !isStrings(s.roots)) return fail('orgs or roots missing');
  if (!Array.isArray(s.nodes) || !Array.isArray(s.edges)) return fail('nodes or edges missing');
  const ids = new Set<string>();
  for (const [i, n] of s.nodes.entries()) {
    const why = nodeProblem(n);
    if (why) return fail(`node ${i}: ${why}`);
    ids.add(n.id);
  }
  for (const [i, e] of s.edges.entries()) {
    if (typeof e !== 'object' || e === null || !ids.has(e.parent) || !ids.has(e.child))
      return fail(`edge ${i} names an unknown model`);
    if (!(RELATIONS as readonly string[]).includes(e.relation)) return fail(`edge ${i}: unknown relation`);
    if (typeof e.cycle !== 'boolean') return fail(`edge ${i}: cycle flag missing`);
  }
  if (s.hubDerivatives !== undefined) {
    const table = parseHubDerivatives(s.hubDerivatives);
    if (!table.ok) return fail(table.error);
  }
  return { ok: true, snapshot: s as Snapshot };
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function nodeProblem(n: unknown): string | null {
  if (typeof n !== 'object' || n === null) return 'not an object';
  const m = n as Record<string, unknown>;
  for (const k of ['id', 'author', 'family', 'created_at', 'last_modified', 'pipeline_tag', 'library_name', 'license'])
    if (typeof m[k] !== 'string') return `${k} is not text`;
  for (const k of ['depth', 'downloads', 'likes'])
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k]) || (m[k] as number) < 0) return `${k} is not a count`;
  if (!STATUSES.includes(m.status as string)) return 'unknown status';
  if (!GATED.includes(m.gated as string)) return 'unknown gated value';
  return null;
}
