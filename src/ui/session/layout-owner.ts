// The layout worker's owner: one request at a time is matched to its answer by id; a worker that fails (its
// script throws, cannot load, or sends what cannot be read) rejects every request waiting on it with a clear
// message instead of leaving the view waiting, and the next layout starts a fresh worker.
import type { LayoutInput } from '../../layout/radial.ts';
import type { LayoutRequest, LayoutResponse } from '../../workers/protocol.ts';
import { WorkerOwner, type WorkerLike } from './worker-owner.ts';

interface Waiting {
  resolve(placed: Float32Array): void;
  reject(e: Error): void;
}

export class LayoutOwner {
  private readonly owner: WorkerOwner<LayoutRequest, LayoutResponse>;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor(create: () => WorkerLike) {
    this.owner = new WorkerOwner(create, {
      message: (r) => this.answer(r),
      failed: (reason) => this.rejectAll(`The layout failed: ${reason}.`),
    });
  }

  /** Positions then room for every node (see workers/layout-job.ts); the worker stores them under `cache`. */
  run(input: LayoutInput, cache: LayoutRequest['cache']): Promise<Float32Array> {
    const id = ++this.nextId;
    const buffers = [input.depth, input.family, input.downloads, input.rank, input.edgeParent, input.edgeChild].map(
      (a) => a.buffer as ArrayBuffer,
    );
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.owner.post({ id, input, cache }, buffers);
    });
  }

  /** Ends the worker; layouts still waiting are told so. */
  end(): void {
    this.owner.end();
    this.rejectAll('The layout was stopped.');
  }

  private answer(r: LayoutResponse): void {
    if (!r.ok && r.id === -1) return this.rejectAll(`The layout failed: ${r.message}.`);
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    if (r.ok) w.resolve(r.placed);
    else w.reject(new Error(`The layout failed: ${r.message}.`));
  }

  private rejectAll(message: string): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(new Error(message));
  }
}

/** The app's layout worker (bundled by Vite from this literal address). */
export function layoutWorker(): WorkerLike {
  return new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
}
