// The dynamics worker's owner for the page's life (src/ui/dynamics/dynamics-host.ts): what the app prepares before
// the panel opens is asked once, the panel that then asks the same finds it (answered, or still computing) instead
// of asking again, the lineage is copied once per lineage, and a failed worker starts afresh with the lineage.
import { describe, expect, it } from 'vitest';
import { DynamicsHost } from '../../src/ui/dynamics/dynamics-host.ts';
import { dynamicsParams, paramsKey } from '../../src/ui/dynamics/params.ts';
import type { DynamicsResponse } from '../../src/workers/dynamics.worker.ts';
import type { StatsData, TimelineData } from '../../src/workers/dynamics.ts';
import { defaultView } from '../../src/view/state.ts';
import { syntheticLineage } from '../bench/synthetic.ts';
import { FakeWorker } from './fake-workers.ts';

function setUp() {
  const workers: FakeWorker[] = [];
  let settled = 0;
  const host = new DynamicsHost(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    () => void settled++,
  );
  const heard: DynamicsResponse[] = [];
  const failures: string[] = [];
  host.listen({ message: (r) => heard.push(r), failed: (reason) => failures.push(reason) });
  const types = () => workers.flatMap((w) => w.posted.map((m) => (m as { type: string }).type));
  return { host, workers, heard, failures, types, settled: () => settled };
}

const lineage = syntheticLineage(200, 2);
const view = defaultView();
const params = dynamicsParams(view, ['Qwen', 'meta-llama'], new Set());
// The worker's answers are opaque to the host: it keeps and hands them on as they came.
const timeline = { present: ['Qwen'] } as unknown as TimelineData;
const stats = { scope: 'all' } as unknown as StatsData;

describe('the dynamics host', () => {
  it('asks once what it prepares; the panel asking the same finds it, computing and then answered', () => {
    const { host, workers, heard, types } = setUp();
    host.prepare(lineage, params, 'rested');
    host.prepare(lineage, dynamicsParams(view, ['Qwen', 'meta-llama'], new Set(['x'])), 'rested');
    expect(types()).toEqual(['lineage', 'compute']);
    const asked = host.asked(lineage, { ...params });
    expect(asked).toEqual({ id: 1, data: null, stats: null });
    const worker = workers[0] as FakeWorker;
    worker.send({ type: 'timeline', id: 1, data: timeline });
    worker.send({ type: 'stats', id: 1, data: stats, ms: 5 });
    expect(host.asked(lineage, params)).toEqual({ id: 1, data: timeline, stats });
    expect(heard.map((r) => r.type)).toEqual(['timeline', 'stats']);
    // A panel that starts listening now gets what arrived before it did.
    host.replay();
    expect(heard.map((r) => r.type)).toEqual(['timeline', 'stats', 'timeline', 'stats']);
    // Another question, or the same of another lineage, is not the one asked.
    expect(host.asked(lineage, { ...params, scope: 'Qwen' })).toBeNull();
    expect(host.asked(syntheticLineage(200, 2), params)).toBeNull();
  });

  it('creates its worker before anything is asked, once, and asks that worker', () => {
    const { host, workers, types } = setUp();
    host.warm(lineage);
    host.warm(lineage);
    expect(workers).toHaveLength(1);
    expect(types()).toEqual([]);
    host.prepare(lineage, params, 'drawn');
    expect(workers).toHaveLength(1);
    expect(types()).toEqual(['lineage', 'compute']);
    // For tests and benchmarks: when the question was asked before the panel opened.
    const asked = performance.getEntriesByName('forkscope:dynamics-asked').at(-1) as PerformanceMark;
    expect(asked.detail).toEqual({ when: 'drawn' });
    // No worker is made again for a lineage one failed on (prepare would not ask about it).
    (workers[0] as FakeWorker).fail('out of memory');
    host.warm(lineage);
    expect(workers).toHaveLength(1);
    host.warm(syntheticLineage(50, 2));
    expect(workers).toHaveLength(2);
  });

  it('tells its owner when the latest request is answered in full or lost, so the closed panel follows it', () => {
    const { host, workers, settled } = setUp();
    host.prepare(lineage, params, 'rested');
    const worker = workers[0] as FakeWorker;
    worker.send({ type: 'timeline', id: 1, data: timeline });
    expect([settled(), host.hasAnswered(lineage, paramsKey(params))]).toEqual([0, false]);
    worker.send({ type: 'stats', id: 1, data: stats, ms: 5 });
    expect([settled(), host.hasAnswered(lineage, paramsKey(params))]).toEqual([1, true]);
    // Only of that question and that lineage; a newer request makes the answer no longer the latest.
    expect(host.hasAnswered(syntheticLineage(200, 2), paramsKey(params))).toBe(false);
    host.ask(lineage, { ...params, scope: 'Qwen' });
    expect(host.hasAnswered(lineage, paramsKey(params))).toBe(false);
    // An answer to an older request is not one.
    worker.send({ type: 'stats', id: 1, data: stats, ms: 5 });
    expect(settled()).toBe(1);
    // An error answer, a failed worker and a worker let go are each told.
    worker.send({ type: 'error', id: 2, message: 'boom' });
    expect(settled()).toBe(2);
    host.ask(lineage, params);
    worker.send({ type: 'stats', id: 3, data: stats, ms: 5 });
    worker.fail('out of memory');
    expect([settled(), host.hasAnswered(lineage, paramsKey(params))]).toEqual([4, false]);
    host.ask(lineage, params);
    host.release();
    expect(settled()).toBe(5);
  });

  it('copies a lineage once, a new one before its first request', () => {
    const { host, types } = setUp();
    host.ask(lineage, params);
    host.ask(lineage, { ...params, scope: 'Qwen' });
    const next = syntheticLineage(300, 2);
    host.ask(next, params);
    expect(types()).toEqual(['lineage', 'compute', 'compute', 'lineage', 'compute']);
  });

  it('forgets an answer that failed; after a worker failed it prepares nothing more of that lineage', () => {
    const { host, workers, failures, types } = setUp();
    host.prepare(lineage, params, 'rested');
    (workers[0] as FakeWorker).send({ type: 'error', id: 1, message: 'boom' });
    expect(host.asked(lineage, params)).toBeNull();
    host.prepare(lineage, params, 'rested');
    (workers[0] as FakeWorker).fail('out of memory');
    expect(failures).toEqual(['out of memory']);
    // A worker that ran out of memory would do so again on every change of the view: not prepared again...
    host.prepare(lineage, params, 'rested');
    expect(workers).toHaveLength(1);
    // ...but the panel's own request starts a fresh worker, sent the lineage first; so does a new lineage.
    host.ask(lineage, params);
    expect(workers).toHaveLength(2);
    host.prepare(syntheticLineage(300, 2), params, 'rested');
    expect(types()).toEqual(['lineage', 'compute', 'compute', 'lineage', 'compute', 'lineage', 'compute']);
  });

  it('numbers the lists’ CSV requests apart from every other request, and lets go of the worker on release', () => {
    const { host, workers, failures } = setUp();
    const asked = host.ask(lineage, params);
    const csv = [host.newId(), host.newId()];
    expect(new Set([asked, ...csv]).size).toBe(3);
    // A CSV answer with its own number is not taken for the statistics' answer.
    (workers[0] as FakeWorker).send({ type: 'table', id: csv[0], csv: 'a,b' });
    expect(host.asked(lineage, params)).toEqual({ id: asked, data: null, stats: null });
    host.release();
    expect(workers[0]?.terminated).toBe(true);
    expect(failures).toEqual(['the statistics worker was ended']);
    expect(host.asked(lineage, params)).toBeNull();
    host.prepare(lineage, params, 'rested');
    expect(workers).toHaveLength(2);
  });
});
