// The crawl worker's owner: starts the worker with the first crawl, hands its events on, and turns a worker that
// fails (its script throws or cannot load, or a message cannot be read) into an 'error' event, so the status says
// what happened and offers to resume (the journal in IndexedDB keeps every page fetched). A crawl or the opening
// of a published dataset starts the worker; pause and cancel go only to a running worker: they never start one.
import type { CrawlCommand, CrawlEvent } from '../../workers/protocol.ts';
import { WorkerOwner, type WorkerLike } from './worker-owner.ts';

export class CrawlOwner {
  private readonly owner: WorkerOwner<CrawlCommand, CrawlEvent>;

  constructor(create: () => WorkerLike, onEvent: (ev: CrawlEvent) => void) {
    this.owner = new WorkerOwner(create, {
      message: onEvent,
      failed: (reason) =>
        onEvent({
          type: 'error',
          message: `The crawl stopped: ${reason}. Everything fetched so far is kept; resume to go on.`,
        }),
    });
  }

  send(cmd: CrawlCommand): void {
    if (cmd.type === 'start' || cmd.type === 'open-data' || this.owner.running) this.owner.post(cmd);
  }

  end(): void {
    this.owner.end();
  }
}

/** The app's crawl worker (bundled by Vite from this literal address). */
export function crawlWorker(): WorkerLike {
  return new Worker(new URL('../../workers/crawl.worker.ts', import.meta.url), { type: 'module' });
}
