// Dynamics worker: holds the lineage's graph and index for the family-dynamics panel and answers its requests
// (./dynamics.ts) off the main thread. A new lineage replaces the old; each answer carries its request's id, and a
// failure is answered as an error with that id rather than left unanswered.
import { decodeLineage, type ColumnarLineage } from '../lineage/columnar.ts';
import type { Lineage } from '../lineage/types.ts';
import {
  computeDynamics,
  dynamicsSource,
  type DynamicsData,
  type DynamicsParams,
  type DynamicsSource,
} from './dynamics.ts';

export type DynamicsRequest =
  { type: 'lineage'; lineage: ColumnarLineage | Lineage } | { type: 'compute'; id: number; params: DynamicsParams };

export type DynamicsResponse =
  | { type: 'progress'; id: number; stage: 'indexing' | 'computing' }
  | { type: 'result'; id: number; data: DynamicsData; ms: number }
  | { type: 'error'; id: number; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<DynamicsRequest>) => void) | null;
  postMessage(message: DynamicsResponse): void;
}
const scope = self as unknown as WorkerScope;

let pending: ColumnarLineage | Lineage | null = null;
let source: DynamicsSource | null = null;
/** The latest request not yet answered: a burst of changes (a slider dragged) is answered once, for its last. */
let latest: { id: number; params: DynamicsParams } | null = null;

function run(): void {
  const req = latest;
  latest = null;
  if (!req) return;
  try {
    const started = performance.now();
    if (!source) {
      if (!pending) throw new Error('no lineage to compute on');
      scope.postMessage({ type: 'progress', id: req.id, stage: 'indexing' });
      source = dynamicsSource('v' in pending ? decodeLineage(pending) : pending);
      pending = null;
    }
    scope.postMessage({ type: 'progress', id: req.id, stage: 'computing' });
    const data = computeDynamics(source, req.params);
    scope.postMessage({ type: 'result', id: req.id, data, ms: performance.now() - started });
  } catch (err) {
    scope.postMessage({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'lineage') {
    // Indexed on the first request that needs it, so a lineage replaced before then costs nothing.
    [pending, source] = [req.lineage, null];
    return;
  }
  if (!latest) setTimeout(run, 0);
  latest = req;
};
