// Dynamics worker: holds the lineage's index for the family-dynamics panel and answers its requests (./dynamics.ts)
// off the main thread, in two parts: first what the panel's first view shows (the monthly chart's data), then the
// statistics. A new lineage replaces the old; each answer carries its request's id, and a failure is answered as an
// error with that id rather than left unanswered. The lists behind the latest statistics stay here, for their CSV.
import type { ColumnarLineage } from '../lineage/columnar.ts';
import type { Lineage } from '../lineage/types.ts';
import {
  computeStats,
  computeTimeline,
  dynamicsSource,
  requestScope,
  type DynamicsParams,
  type DynamicsSource,
  type RequestScope,
  type StatsData,
  type TimelineData,
} from './dynamics.ts';
import { listCsv, type ScopeLists, type StatTableName } from './dynamics-tables.ts';

export type DynamicsRequest =
  | { type: 'lineage'; lineage: ColumnarLineage | Lineage }
  | { type: 'compute'; id: number; params: DynamicsParams }
  /** A list of the statistics answered to request `answer`, as CSV; `id` numbers the CSV requests. */
  | { type: 'table'; id: number; answer: number; name: StatTableName };

export type DynamicsResponse =
  | { type: 'progress'; id: number; stage: 'indexing' | 'computing' | 'statistics' }
  | { type: 'timeline'; id: number; data: TimelineData }
  | { type: 'stats'; id: number; data: StatsData; ms: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'table'; id: number; csv: string }
  | { type: 'table-error'; id: number; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<DynamicsRequest>) => void) | null;
  postMessage(message: DynamicsResponse): void;
}
const scope = self as unknown as WorkerScope;

let pending: ColumnarLineage | Lineage | null = null;
let source: DynamicsSource | null = null;
/** The latest request not yet answered: a burst of changes (a slider dragged) is answered once, for its last. */
let latest: { id: number; params: DynamicsParams } | null = null;
/** The lists behind the latest statistics sent, and the request they answered. */
let kept: { answer: number; lists: ScopeLists } | null = null;

const fail = (id: number, err: unknown): void =>
  scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });

function run(): void {
  const req = latest;
  latest = null;
  if (!req) return;
  try {
    const started = performance.now();
    if (!source) {
      if (!pending) throw new Error('no lineage to compute on');
      scope.postMessage({ type: 'progress', id: req.id, stage: 'indexing' });
      source = dynamicsSource(pending);
      pending = null;
    }
    scope.postMessage({ type: 'progress', id: req.id, stage: 'computing' });
    const r = requestScope(source, req.params);
    scope.postMessage({ type: 'timeline', id: req.id, data: computeTimeline(source, req.params, r) });
    scope.postMessage({ type: 'progress', id: req.id, stage: 'statistics' });
    // The statistics in a task of their own, skipped when a newer request came in meanwhile.
    const src = source;
    setTimeout(() => statistics(src, req, r, started), 0);
  } catch (err) {
    fail(req.id, err);
  }
}

function statistics(
  src: DynamicsSource,
  req: { id: number; params: DynamicsParams },
  r: RequestScope,
  started: number,
): void {
  if (latest || src !== source) return;
  try {
    const { data, lists } = computeStats(src, req.params, r);
    kept = { answer: req.id, lists };
    scope.postMessage({ type: 'stats', id: req.id, data, ms: performance.now() - started });
  } catch (err) {
    fail(req.id, err);
  }
}

function table(req: Extract<DynamicsRequest, { type: 'table' }>): void {
  if (kept?.answer !== req.answer) {
    const message = 'the statistics changed since; ask again once they are shown';
    scope.postMessage({ type: 'table-error', id: req.id, message });
    return;
  }
  scope.postMessage({ type: 'table', id: req.id, csv: listCsv(req.name, kept.lists) });
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'lineage') {
    // Indexed on the first request that needs it, so a lineage replaced before then costs nothing.
    [pending, source, kept] = [req.lineage, null, null];
    return;
  }
  if (req.type === 'table') return table(req);
  if (!latest) setTimeout(run, 0);
  latest = req;
};
