// The one owner of the dynamics worker: started with the panel and ended with it, it sends the lineage when it
// changes and the panel's settings when they change, keeps only the answer to the latest request, and turns a
// failure (an error answer, or the worker itself failing: ui/session/worker-owner.ts) into a message the panel
// shows; after a failure the next request starts a fresh worker.
import { useEffect, useMemo, useRef, useState } from 'react';
import { WorkerOwner } from '../session/worker-owner.ts';
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import type { DynamicsData, DynamicsParams } from '../../workers/dynamics.ts';
import type { DynamicsRequest, DynamicsResponse } from '../../workers/dynamics.worker.ts';

export interface DynamicsResult {
  /** The latest answer; it stays shown (marked as being recomputed) while a newer request runs. */
  data: DynamicsData | null;
  /** What the worker is doing for the latest request, or null when it has answered it. */
  stage: 'starting' | 'indexing' | 'computing' | null;
  error: string | null;
}

type DynamicsOwner = WorkerOwner<DynamicsRequest, DynamicsResponse>;

interface Answer {
  /** The request answered (the object made for it below), so a newer one shows as still computing. */
  request: object | null;
  data: DynamicsData | null;
  stage: 'indexing' | 'computing' | null;
  error: string | null;
}

export function useDynamicsWorker(lineage: ColumnarLineage | Lineage, params: DynamicsParams): DynamicsResult {
  const asked = useRef<{ id: number; request: object }>({ id: 0, request: {} });
  const sent = useRef<ColumnarLineage | Lineage | null>(null);
  const [answer, setAnswer] = useState<Answer>({ request: null, data: null, stage: null, error: null });
  const request = useMemo(() => ({ lineage, params }), [lineage, params]);
  const owner = useRef<DynamicsOwner | null>(null);

  useEffect(() => {
    const own = new WorkerOwner<DynamicsRequest, DynamicsResponse>(
      () => new Worker(new URL('../../workers/dynamics.worker.ts', import.meta.url), { type: 'module' }),
      {
        message: (r) => {
          const { id, request: asking } = asked.current;
          if (r.id !== id) return;
          if (r.type === 'progress') setAnswer((s) => ({ ...s, stage: r.stage }));
          else if (r.type === 'result') setAnswer({ request: asking, data: r.data, stage: null, error: null });
          else setAnswer((s) => failedAnswer(s, asking, `The statistics could not be computed: ${r.message}`));
        },
        failed: (reason) => {
          // The next request starts a fresh worker, which is sent the lineage first.
          sent.current = null;
          setAnswer((s) => failedAnswer(s, asked.current.request, `The statistics worker failed: ${reason}.`));
        },
      },
    );
    owner.current = own;
    return () => {
      own.end();
      owner.current = null;
      sent.current = null;
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

  const current = answer.request === request;
  return {
    data: answer.data,
    stage: current ? null : answer.data === null ? (answer.stage ?? 'starting') : (answer.stage ?? 'computing'),
    error: current ? answer.error : null,
  };
}

function failedAnswer(s: Answer, request: object, error: string): Answer {
  return { ...s, request, stage: null, error };
}
