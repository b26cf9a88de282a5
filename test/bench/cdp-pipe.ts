// A bare DevTools-protocol connection to Chromium over --remote-debugging-pipe, for the benchmarks that time the
// app's own network work. playwright enables the Network domain on every page and worker it attaches to, so each
// request the crawl worker makes also becomes protocol events (sent, received, each chunk of data, finished):
// at 800,000 models that cost the browser's crawl about 10 s of its 64 s. This connection enables only what the
// bench asks for (Runtime, Page, Performance), as a researcher's browser has no such observer.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS } from '../e2e/browser.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffered = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    /** The page's session: every call goes to the page unless another session is named. */
    private session = '',
  ) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('Chromium exited'));
      this.pending.clear();
    });
  }

  /** Starts Chromium (the workplace's flags, a fresh profile) on about:blank and attaches to its page. */
  static async launch(extraArgs: string[] = []): Promise<CdpPipe> {
    const profile = await mkdtemp(join(tmpdir(), 'forkscope-cdp-'));
    const args = [...CHROMIUM_ARGS, ...extraArgs, `--user-data-dir=${profile}`, '--remote-debugging-pipe'];
    const child = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [...args, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    const cdp = new CdpPipe(child, profile);
    const { targetInfos } = (await cdp.send('Target.getTargets', {}, '')) as {
      targetInfos: { type: string; targetId: string }[];
    };
    const page = targetInfos.find((t) => t.type === 'page');
    if (!page) throw new Error('cdp-pipe: Chromium opened no page');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true }, '')) as {
      sessionId: string;
    };
    cdp.session = sessionId;
    return cdp;
  }

  /** Calls a protocol method on the page (or on `session`: '' is the browser). */
  send(method: string, params: Record<string, unknown> = {}, session = this.session): Promise<unknown> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(session ? { sessionId: session } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** The value of an expression in the page (promises awaited); an exception in the page is thrown here. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`cdp-pipe: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** Polls an expression until it is truthy (every `everyMs`), or throws after `timeoutMs`. */
  async waitFor(expression: string, { everyMs = 100, timeoutMs = 3_600_000 } = {}): Promise<void> {
    const end = performance.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
      if (performance.now() > end) throw new Error(`cdp-pipe: timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks Chromium to close, which waits for its other processes; a signal to the browser process alone left the
   * renderer still writing the profile while it was being removed (ENOTEMPTY). Killed if it does not close. */
  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    const closed = this.send('Browser.close', {}, '').catch(() => undefined);
    const late = setTimeout(() => this.child.kill(), 30_000);
    await Promise.all([closed, exited]);
    clearTimeout(late);
    await rm(this.profile, { recursive: true, force: true });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffered.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      this.buffered = this.buffered.slice(end + 1);
      const p = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!p || message.id === undefined) continue;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`cdp-pipe: ${message.error.message}`));
      else p.resolve(message.result);
    }
  }
}
