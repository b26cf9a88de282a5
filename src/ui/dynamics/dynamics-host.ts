// The dynamics worker's one owner for the page's life: the panel comes and goes, the worker and its index stay.
// It sends the lineage when it changes, numbers the requests, hands every answer to the panel listening, and keeps
// the latest request with what has arrived of its answer. Once the forests are drawn and the page is idle, the app
// asks (`prepare`) what the panel would ask first, so the panel opens on that answer, or on its computation already
// under way, instead of starting the worker, copying the lineage and indexing it (1.5 s at 200,000 models) then.
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import type { DynamicsParams, StatsData, TimelineData } from '../../workers/dynamics.ts';
import type { DynamicsRequest, DynamicsResponse } from '../../workers/dynamics.worker.ts';
import { WorkerOwner, type WorkerLike } from '../session/worker-owner.ts';
import { paramsKey } from './params.ts';

export type DynamicsLineage = ColumnarLineage | Lineage;

export interface DynamicsListener {
  message(r: DynamicsResponse): void;
  failed(reason: string): void;
}

/** A request sent, and what has arrived of its answer (both parts once it is answered in full). */
export interface AskedRequest {
  id: number;
  data: TimelineData | null;
  stats: StatsData | null;
}

export class DynamicsHost {
  private readonly owner: WorkerOwner<DynamicsRequest, DynamicsResponse>;
  private sent: DynamicsLineage | null = null;
  private nextId = 0;
  private listener: DynamicsListener | null = null;
  private last: (AskedRequest & { lineage: DynamicsLineage; key: string; failed: boolean; prepared: boolean }) | null =
    null;

  constructor(create: () => WorkerLike) {
    this.owner = new WorkerOwner(create, {
      message: (r) => {
        this.keep(r);
        this.listener?.message(r);
      },
      failed: (reason) => {
        // The next request starts a fresh worker, which is sent the lineage first.
        this.sent = null;
        this.last = null;
        this.listener?.failed(reason);
      },
    });
  }

  /** The panel listens while it is open; returns the unsubscriber. */
  listen(listener: DynamicsListener): () => void {
    this.listener = listener;
    return () => void (this.listener === listener && (this.listener = null));
  }

  /** Sends a request (and the lineage first, when it is another one); returns its id. */
  ask(lineage: DynamicsLineage, params: DynamicsParams, prepared = false): number {
    // The lineage is copied to the worker once per lineage (its typed arrays in a few large blocks).
    if (this.sent !== lineage) this.owner.post({ type: 'lineage', lineage });
    this.sent = lineage;
    const id = ++this.nextId;
    this.last = { id, lineage, key: paramsKey(params), data: null, stats: null, failed: false, prepared };
    this.owner.post({ type: 'compute', id, params });
    return id;
  }

  /** The latest request, when it asked this of this lineage and has not failed: answered, or still computing. */
  asked(lineage: DynamicsLineage, params: DynamicsParams): AskedRequest | null {
    const l = this.last;
    if (!l || l.failed || l.lineage !== lineage || l.key !== paramsKey(params)) return null;
    return { id: l.id, data: l.data, stats: l.stats };
  }

  /** Asks what the panel would ask first, unless that is already asked. */
  prepare(lineage: DynamicsLineage, params: DynamicsParams): void {
    if (!this.asked(lineage, params)) this.ask(lineage, params, true);
  }

  /** Hands the listener again what has arrived of the latest request's answer. */
  replay(): void {
    const l = this.last;
    if (!l || !this.listener) return;
    if (l.data) this.listener.message({ type: 'timeline', id: l.id, data: l.data });
    if (l.stats) this.listener.message({ type: 'stats', id: l.id, data: l.stats, ms: 0 });
  }

  /** Posts anything else (a list's CSV). */
  post(request: DynamicsRequest): void {
    this.owner.post(request);
  }

  end(): void {
    this.owner.end();
    this.sent = null;
    this.last = null;
  }

  private keep(r: DynamicsResponse): void {
    const l = this.last;
    if (!l || r.id !== l.id) return;
    if (r.type === 'timeline') l.data = r.data;
    else if (r.type === 'stats') {
      l.stats = r.data;
      // For benchmarks and tests: the panel would now open on its whole answer.
      if (l.prepared) performance.mark('forkscope:dynamics-prepared', { detail: { id: l.id } });
    } else if (r.type === 'error') l.failed = true;
  }
}

export function createDynamicsWorker(): WorkerLike {
  return new Worker(new URL('../../workers/dynamics.worker.ts', import.meta.url), { type: 'module' });
}
