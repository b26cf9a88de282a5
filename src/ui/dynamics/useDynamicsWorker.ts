// The one owner of the dynamics worker: started with the panel and ended with it, it sends the lineage when it
// changes and the panel's settings when they change, keeps only the answer to the latest request (its two parts:
// the first view's data, then the statistics), asks for a list's CSV, and turns a failure (an error answer, or the
// worker itself failing: ui/session/worker-owner.ts) into a message the panel shows; after a failure the next
// request starts a fresh worker.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { WorkerOwner } from '../session/worker-owner.ts';
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import type { DynamicsParams, StatsData, TimelineData } from '../../workers/dynamics.ts';
import type { StatTableName } from '../../workers/dynamics-tables.ts';
import type { DynamicsRequest, DynamicsResponse } from '../../workers/dynamics.worker.ts';

export type DynamicsStage = 'starting' | 'indexing' | 'computing' | 'statistics';

export interface DynamicsResult {
  /** The latest answers; they stay shown (marked as being recomputed) while a newer request runs. */
  data: TimelineData | null;
  stats: StatsData | null;
  /** What the worker is doing for the latest request, or null when it has answered it in full. */
  stage: DynamicsStage | null;
  error: string | null;
  /** A list of the statistics shown, as CSV (made in the worker); rejects when they are being recomputed. */
  tableCsv(name: StatTableName): Promise<string>;
}

type DynamicsOwner = WorkerOwner<DynamicsRequest, DynamicsResponse>;

interface Answer {
  /** The request answered (the object made for it below), so a newer one shows as still computing. */
  request: object | null;
  /** The id of the request whose statistics are shown. */
  statsId: number;
  data: TimelineData | null;
  stats: StatsData | null;
  stage: Exclude<DynamicsStage, 'starting'> | null;
  error: string | null;
}

interface Waiting {
  resolve(csv: string): void;
  reject(e: Error): void;
}

export function useDynamicsWorker(lineage: ColumnarLineage | Lineage, params: DynamicsParams): DynamicsResult {
  const asked = useRef<{ id: number; request: object }>({ id: 0, request: {} });
  const sent = useRef<ColumnarLineage | Lineage | null>(null);
  const [answer, setAnswer] = useState<Answer>(EMPTY);
  const request = useMemo(() => ({ lineage, params }), [lineage, params]);
  const owner = useRef<DynamicsOwner | null>(null);
  const tables = useRef({ next: 0, waiting: new Map<number, Waiting>() });

  useEffect(() => {
    const waiting = tables.current.waiting;
    const settle = (id: number, csv: string | null, message = ''): void => {
      const w = waiting.get(id);
      waiting.delete(id);
      if (csv === null) w?.reject(new Error(message));
      else w?.resolve(csv);
    };
    const own = new WorkerOwner<DynamicsRequest, DynamicsResponse>(
      () => new Worker(new URL('../../workers/dynamics.worker.ts', import.meta.url), { type: 'module' }),
      {
        message: (r) => {
          if (r.type === 'table') return settle(r.id, r.csv);
          if (r.type === 'table-error') return settle(r.id, null, r.message);
          const { id, request: asking } = asked.current;
          if (r.id !== id) return;
          if (r.type === 'progress') setAnswer((s) => ({ ...s, stage: r.stage }));
          else if (r.type === 'timeline') setAnswer((s) => ({ ...s, data: r.data, error: null }));
          else if (r.type === 'stats')
            setAnswer((s) => ({ ...s, request: asking, statsId: id, stats: r.data, stage: null, error: null }));
          else setAnswer((s) => failedAnswer(s, asking, `The statistics could not be computed: ${r.message}`));
        },
        failed: (reason) => {
          // The next request starts a fresh worker, which is sent the lineage first.
          sent.current = null;
          for (const id of [...waiting.keys()]) settle(id, null, `the statistics worker failed: ${reason}`);
          setAnswer((s) => failedAnswer(s, asked.current.request, `The statistics worker failed: ${reason}.`));
        },
      },
    );
    owner.current = own;
    return () => {
      own.end();
      owner.current = null;
      sent.current = null;
      for (const id of [...waiting.keys()]) settle(id, null, 'the panel was closed');
    };
  }, []);

  useEffect(() => {
    const own = owner.current;
    if (!own) return;
    asked.current = { id: asked.current.id + 1, request };
    // The lineage is copied to the worker once per lineage (its typed arrays in a few large blocks).
    if (sent.current !== request.lineage) own.post({ type: 'lineage', lineage: request.lineage });
    sent.current = request.lineage;
    own.post({ type: 'compute', id: asked.current.id, params: request.params });
  }, [request]);

  const statsId = answer.statsId;
  const tableCsv = useCallback(
    (name: StatTableName): Promise<string> =>
      new Promise((resolve, reject) => {
        const own = owner.current;
        if (!own) return reject(new Error('the panel was closed'));
        const id = ++tables.current.next;
        tables.current.waiting.set(id, { resolve, reject });
        own.post({ type: 'table', id, answer: statsId, name });
      }),
    [statsId],
  );

  const current = answer.request === request;
  const stage = current ? null : answer.data === null ? (answer.stage ?? 'starting') : (answer.stage ?? 'computing');
  return { data: answer.data, stats: answer.stats, stage, error: current ? answer.error : null, tableCsv };
}

const EMPTY: Answer = { request: null, statsId: 0, data: null, stats: null, stage: null, error: null };

function failedAnswer(s: Answer, request: object, error: string): Answer {
  return { ...s, request, stage: null, error };
}
