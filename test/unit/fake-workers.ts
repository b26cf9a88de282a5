// Workers for Node tests of the explorer session: a fake with the Worker surface the owners use, and an
// in-process layout worker that runs the real worker's job (workers/layout-job.ts) against fake-indexeddb.
import { answerLayout, storeOpener } from '../../src/workers/layout-job.ts';
import type { WorkerLike } from '../../src/ui/session/worker-owner.ts';

type Listener = (e: Event) => void;

export class FakeWorker implements WorkerLike {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly onPost: (data: unknown, worker: FakeWorker) => void = () => undefined) {}

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(data: unknown): void {
    if (this.terminated) return;
    this.posted.push(data);
    queueMicrotask(() => this.onPost(data, this));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** A message from the worker (none once it is terminated, as with a real one). */
  send(data: unknown): void {
    if (!this.terminated) this.dispatch(new MessageEvent('message', { data }));
  }

  /** The worker's script threw: an `error` event with a message, as ErrorEvent carries it. */
  fail(message: string): void {
    this.dispatch(Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  dispatch(e: Event): void {
    for (const l of this.listeners.get(e.type) ?? []) l(e);
  }
}

/** Workers made by a factory, newest last. */
export function workerFactory(onPost?: (data: unknown, worker: FakeWorker) => void) {
  const made: FakeWorker[] = [];
  const create = (): FakeWorker => {
    const w = new FakeWorker(onPost);
    made.push(w);
    return w;
  };
  return { made, create };
}

/** A layout worker running the real job; `stored` settles once every store it began is written. */
export function inProcessLayout(options: { store: boolean } = { store: true }) {
  const openStore = storeOpener();
  const writes: Promise<void>[] = [];
  const factory = workerFactory((data, worker) => {
    const request = options.store ? data : { ...(data as object), cache: null };
    void answerLayout(request, openStore).then(({ response, stored }) => {
      writes.push(stored);
      worker.send(response);
    });
  });
  return { ...factory, stored: () => Promise.all(writes) };
}
