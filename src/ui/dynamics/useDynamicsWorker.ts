// The panel's side of the dynamics worker (owned by dynamics-host.ts for the page's life): it asks when the lineage
// or the panel's settings change, unless the host has already asked the same (then it shows that answer, or waits
// for it), keeps only the answer to the latest request (its two parts: the first view's data, then the
// statistics), asks for a list's CSV, and turns a failure (an error answer, or the worker itself failing) into a
// message the panel shows; after a failure the next request starts a fresh worker.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AskedRequest, DynamicsHost, DynamicsLineage } from './dynamics-host.ts';
import type { DynamicsParams, StatsData, TimelineData } from '../../workers/dynamics.ts';
import type { StatTableName } from '../../workers/dynamics-tables.ts';

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

export function useDynamicsWorker(
  host: DynamicsHost,
  lineage: DynamicsLineage,
  params: DynamicsParams,
): DynamicsResult {
  const request = useMemo(() => ({ lineage, params }), [lineage, params]);
  // What the app prepared before the panel opened is shown at once (see dynamics-host.ts).
  const [answer, setAnswer] = useState<Answer>(() => answerSoFar(request, host.asked(lineage, params)) ?? EMPTY);
  const asked = useRef<{ id: number; request: object }>({ id: 0, request: {} });
  const tables = useRef({ waiting: new Map<number, Waiting>() });

  useEffect(() => {
    const waiting = tables.current.waiting;
    const settle = (id: number, csv: string | null, message = ''): void => {
      const w = waiting.get(id);
      waiting.delete(id);
      if (csv === null) w?.reject(new Error(message));
      else w?.resolve(csv);
    };
    const unlisten = host.listen({
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
        for (const id of [...waiting.keys()]) settle(id, null, `the statistics worker failed: ${reason}`);
        setAnswer((s) => failedAnswer(s, asked.current.request, `The statistics worker failed: ${reason}.`));
      },
    });
    return () => {
      unlisten();
      for (const id of [...waiting.keys()]) settle(id, null, 'the panel was closed');
    };
  }, [host]);

  useEffect(() => {
    // A request already asked (prepared before the panel opened, its answer shown or on its way) is not asked again.
    const before = host.asked(request.lineage, request.params);
    if (before) {
      asked.current = { id: before.id, request };
      // What arrived between the render and now (the listener was not there yet) comes again.
      host.replay();
      return;
    }
    asked.current = { id: host.ask(request.lineage, request.params), request };
  }, [host, request]);

  const statsId = answer.statsId;
  const tableCsv = useCallback(
    (name: StatTableName): Promise<string> =>
      new Promise((resolve, reject) => {
        const id = host.newId();
        tables.current.waiting.set(id, { resolve, reject });
        host.post({ type: 'table', id, answer: statsId, name });
      }),
    [host, statsId],
  );

  const current = answer.request === request;
  const stage = current ? null : answer.data === null ? (answer.stage ?? 'starting') : (answer.stage ?? 'computing');
  return { data: answer.data, stats: answer.stats, stage, error: current ? answer.error : null, tableCsv };
}

const EMPTY: Answer = { request: null, statsId: 0, data: null, stats: null, stage: null, error: null };

/** The panel's answer from a request already asked: in full once its statistics arrived, else its first part. */
function answerSoFar(request: object, r: AskedRequest | null): Answer | null {
  if (!r?.data) return null;
  if (!r.stats) return { ...EMPTY, data: r.data, stage: 'computing' };
  return { request, statsId: r.id, data: r.data, stats: r.stats, stage: null, error: null };
}

function failedAnswer(s: Answer, request: object, error: string): Answer {
  return { ...s, request, stage: null, error };
}
