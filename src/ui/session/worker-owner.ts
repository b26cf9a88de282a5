// One owner per worker: it creates the worker when first needed, hands its messages on, turns its failures
// (`error`: the script threw or could not load; `messageerror`: a message could not be read) into one call of
// `failed` with words a researcher can read, and ends it. After a failure or an end the next post starts a fresh
// worker. The layout, crawl, export, snapshot-reading and dynamics workers are owned through it; it takes a factory,
// so Node tests pass fakes.

/** What the owner needs of a Worker (a real one, or a test's fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (e: Event) => void): void;
  terminate(): void;
}

export interface WorkerHandlers<Out> {
  message(data: Out): void;
  /** The worker failed and was ended; `reason` says why. */
  failed(reason: string): void;
}

export class WorkerOwner<In, Out> {
  private worker: WorkerLike | null = null;

  constructor(
    private readonly create: () => WorkerLike,
    private readonly handlers: WorkerHandlers<Out>,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  post(message: In, transfer: Transferable[] = []): void {
    this.warm().postMessage(message, transfer);
  }

  /** Creates the worker now, before anything is posted to it: a browser may only start it once the page's thread
   * is idle for a moment, so a worker created early is ready sooner after a long task. */
  warm(): WorkerLike {
    return (this.worker ??= this.start());
  }

  /** Ends the worker (whatever it was doing); nothing it sent afterwards is handed on. */
  end(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): WorkerLike {
    const worker = this.create();
    const mine = (): boolean => worker === this.worker;
    const fail = (reason: string): void => {
      if (!mine()) return;
      this.end();
      this.handlers.failed(reason);
    };
    worker.addEventListener('message', (e) => {
      if (mine()) this.handlers.message((e as MessageEvent<Out>).data);
    });
    worker.addEventListener('error', (e) => {
      // Handled here: the browser need not report it again as an uncaught error.
      e.preventDefault();
      fail((e as ErrorEvent).message || 'the worker stopped or could not be loaded');
    });
    worker.addEventListener('messageerror', () => fail('a message from the worker could not be read'));
    return worker;
  }
}
