// The one owner of the dynamics worker: started with the panel and ended with it, it sends the lineage when it
// changes and the panel's settings when they change, keeps only the answer to the latest request, and turns a
// failure (an error answer, or the worker itself failing) into a message the panel shows.
import { useEffect, useMemo, useRef, useState } from 'react';
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

interface Answer {
  /** The request answered (the object made for it below), so a newer one shows as still computing. */
  request: object | null;
  data: DynamicsData | null;
  stage: 'indexing' | 'computing' | null;
  error: string | null;
}

export function useDynamicsWorker(lineage: ColumnarLineage | Lineage, params: DynamicsParams): DynamicsResult {
  const worker = useRef<Worker | null>(null);
  const asked = useRef<{ id: number; request: object }>({ id: 0, request: {} });
  const [answer, setAnswer] = useState<Answer>({ request: null, data: null, stage: null, error: null });
  const request = useMemo(() => ({ lineage, params }), [lineage, params]);

  useEffect(() => {
    const w = new Worker(new URL('../../workers/dynamics.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<DynamicsResponse>) => {
      const r = e.data;
      const { id, request: asking } = asked.current;
      if (r.id !== id) return;
      if (r.type === 'progress') setAnswer((s) => ({ ...s, stage: r.stage }));
      else if (r.type === 'result') setAnswer({ request: asking, data: r.data, stage: null, error: null });
      else
        setAnswer((s) => ({
          ...s,
          request: asking,
          stage: null,
          error: `The statistics could not be computed: ${r.message}`,
        }));
    };
    const failed = (message: string) =>
      setAnswer((s) => ({ ...s, request: asked.current.request, stage: null, error: message }));
    w.onerror = (e) => failed(`The statistics worker failed: ${e.message || 'unknown error'}`);
    w.onmessageerror = () => failed('The statistics worker sent an answer that could not be read.');
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  // The lineage is copied to the worker once per lineage (its typed arrays in a few large blocks).
  useEffect(() => {
    worker.current?.postMessage({ type: 'lineage', lineage } satisfies DynamicsRequest);
  }, [lineage]);

  useEffect(() => {
    asked.current = { id: asked.current.id + 1, request };
    const message: DynamicsRequest = { type: 'compute', id: asked.current.id, params: request.params };
    worker.current?.postMessage(message);
  }, [request]);

  const current = answer.request === request;
  return {
    data: answer.data,
    stage: current ? null : answer.data === null ? (answer.stage ?? 'starting') : (answer.stage ?? 'computing'),
    error: current ? answer.error : null,
  };
}
