// The dynamics worker's one owner while forests are shown: the panel comes and goes, the worker and its index stay.
// It sends the lineage when it changes, numbers the requests (the statistics and the lists' CSV alike, page-wide,
// so an answer never reaches a later panel's request by its number), hands every answer to the panel listening,
// and keeps the latest request with what has arrived of its answer. usePreparedDynamics.ts asks (`prepare`) what
// the panel would ask first once the page is idle, so the panel opens on that answer, or on its computation
// already under way, instead of starting the worker, copying the lineage and indexing it (1.5 s at 200,000
// models) then. It tells its owner whenever the latest request is answered in full or lost (the worker failed or
// was let go), so the app draws the closed panel out of sight on that answer, or takes it down
// (usePreparedDynamics.ts). `release` lets go of the worker and the lineage it was sent (a crawl is replacing it).
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import type { DynamicsParams, StatsData, TimelineData } from '../../workers/dynamics.ts';
import type { DynamicsRequest, DynamicsResponse } from '../../workers/dynamics.worker.ts';
import { WorkerOwner, type WorkerLike } from '../session/worker-owner.ts';
import { paramsKey } from './params.ts';

export type DynamicsLineage = ColumnarLineage | Lineage;

/** When the app asks before the panel opens: once a lineage in columns is drawn, or once the view has rested. */
export type PrepareMoment = 'drawn' | 'rested';

export interface DynamicsListener {
  message(r: DynamicsResponse): void;
  failed(reason: string): void;
}

type Stage = Extract<DynamicsResponse, { type: 'progress' }>['stage'];

/** A request sent, and what has arrived of its answer (both parts once it is answered in full). */
export interface AskedRequest {
  id: number;
  data: TimelineData | null;
  stats: StatsData | null;
}

interface LastRequest extends AskedRequest {
  lineage: DynamicsLineage;
  key: string;
  stage: Stage | null;
  failed: boolean;
  prepared: boolean;
}

export class DynamicsHost {
  private readonly owner: WorkerOwner<DynamicsRequest, DynamicsResponse>;
  private sent: DynamicsLineage | null = null;
  private nextId = 0;
  private listener: DynamicsListener | null = null;
  private last: LastRequest | null = null;
  /** The lineage a worker failed on: not prepared again (a worker that ran out of memory would, on every change). */
  private failedOn: DynamicsLineage | null = null;

  /** `settled` is told when the latest request is answered in full (its statistics arrived) or lost. */
  constructor(
    create: () => WorkerLike,
    private readonly settled: () => void = () => undefined,
  ) {
    this.owner = new WorkerOwner(create, {
      message: (r) => {
        this.keep(r);
        this.listener?.message(r);
      },
      failed: (reason) => {
        // The next request starts a fresh worker, which is sent the lineage first.
        this.failedOn = this.sent;
        [this.sent, this.last] = [null, null];
        this.listener?.failed(reason);
        this.settled();
      },
    });
  }

  /** The panel listens while it is open; returns the unsubscriber. */
  listen(listener: DynamicsListener): () => void {
    this.listener = listener;
    return () => void (this.listener === listener && (this.listener = null));
  }

  /** A number for a request of the panel's own (a list's CSV), never one an earlier request had. */
  newId(): number {
    return ++this.nextId;
  }

  /** Creates the worker for `lineage`, so it starts at the page's first idle moment (worker-owner.ts), even before
   * it is asked; not for a lineage a worker failed on (prepare would not ask about it). */
  warm(lineage: DynamicsLineage): void {
    if (this.owner.running || lineage === this.failedOn) return;
    this.owner.warm();
    // For tests (usePreparedDynamics.ts creates it before a reopened lineage is drawn).
    performance.mark('forkscope:dynamics-started');
  }

  /** Sends a request (and the lineage first, when it is another one); returns its id. `prepared`: asked before
   * the panel opened, when (for tests and benchmarks). */
  ask(lineage: DynamicsLineage, params: DynamicsParams, prepared: PrepareMoment | null = null): number {
    // The lineage is copied to the worker once per lineage (its typed arrays in a few large blocks).
    if (this.sent !== lineage) this.owner.post({ type: 'lineage', lineage });
    this.sent = lineage;
    const id = this.newId();
    const key = paramsKey(params);
    this.last = { id, lineage, key, data: null, stats: null, stage: null, failed: false, prepared: prepared !== null };
    // For tests: usePreparedDynamics.ts asks as a lineage in columns is drawn, or once the view has rested.
    if (prepared) performance.mark('forkscope:dynamics-asked', { detail: { when: prepared } });
    this.owner.post({ type: 'compute', id, params });
    return id;
  }

  /** The latest request, when it asked this of this lineage and has not failed: answered, or still computing. */
  asked(lineage: DynamicsLineage, params: DynamicsParams): AskedRequest | null {
    const l = this.latest(lineage, paramsKey(params));
    return l && { id: l.id, data: l.data, stats: l.stats };
  }

  /** Whether the latest request asked the question of this key (params.ts) of this lineage and its answer has
   * arrived in full. By key: the app asks on each render, and its key is already made. */
  hasAnswered(lineage: DynamicsLineage, key: string): boolean {
    return this.latest(lineage, key)?.stats != null;
  }

  /** The latest request, when it asked the question of this key of this lineage and has not failed. */
  private latest(lineage: DynamicsLineage, key: string): LastRequest | null {
    const l = this.last;
    return l && !l.failed && l.lineage === lineage && l.key === key ? l : null;
  }

  /** Asks what the panel would ask first, unless that is already asked (or a worker failed on this lineage). */
  prepare(lineage: DynamicsLineage, params: DynamicsParams, when: PrepareMoment): void {
    if (lineage !== this.failedOn && !this.asked(lineage, params)) this.ask(lineage, params, when);
  }

  /** Hands the listener again what has arrived of the latest request's answer, and the stage it is at. */
  replay(): void {
    const [l, to] = [this.last, this.listener];
    if (!l || !to) return;
    if (l.stage) to.message({ type: 'progress', id: l.id, stage: l.stage });
    if (l.data) to.message({ type: 'timeline', id: l.id, data: l.data });
    if (l.stats) to.message({ type: 'stats', id: l.id, data: l.stats, ms: 0 });
  }

  /** Posts anything else (a list's CSV, numbered by `newId`). */
  post(request: DynamicsRequest): void {
    this.owner.post(request);
  }

  /** Ends the worker and forgets the lineage it was sent; the next request starts afresh. */
  release(): void {
    if (!this.owner.running && !this.sent) return;
    this.owner.end();
    [this.sent, this.last, this.failedOn] = [null, null, null];
    this.listener?.failed('the statistics worker was ended');
    this.settled();
  }

  private keep(r: DynamicsResponse): void {
    const l = this.last;
    if (!l || r.id !== l.id) return;
    if (r.type === 'progress') l.stage = r.stage;
    else if (r.type === 'timeline') l.data = r.data;
    else if (r.type === 'stats') {
      [l.stats, l.stage] = [r.data, null];
      // For benchmarks and tests (one entry, the latest): the panel would now open on its whole answer.
      if (l.prepared) {
        performance.clearMarks('forkscope:dynamics-prepared');
        performance.mark('forkscope:dynamics-prepared', { detail: { id: l.id } });
      }
      this.settled();
    } else if (r.type === 'error') {
      l.failed = true;
      this.settled();
    }
  }
}

export function createDynamicsWorker(): WorkerLike {
  return new Worker(new URL('../../workers/dynamics.worker.ts', import.meta.url), { type: 'module' });
}
