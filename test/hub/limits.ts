// The Hub's fixed-window rate limiter (per IP anonymous, per token otherwise) and the fault injector that
// replaces responses with 5xx, 504s (the app's, or the gateway's without CORS headers), dropped connections,
// truncated bodies, CORS-less 429s or stalled connections (faults.ts writes them).
import { createRng, type Rng } from './random.ts';

export class FixedWindowLimiter {
  private readonly used = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns what is left and when the window resets (the `RateLimit` header's r and t). */
  take(bucket: string, quota: number): { allowed: boolean; remaining: number; resetSeconds: number; quota: number } {
    const windowMs = this.windowSeconds * 1000;
    const now = this.now();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const entry = this.used.get(bucket);
    const state = entry && entry.windowStart === windowStart ? entry : { windowStart, count: 0 };
    state.count++;
    this.used.set(bucket, state);
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    return { allowed: state.count <= quota, remaining: Math.max(0, quota - state.count), resetSeconds, quota };
  }

  reset(): void {
    this.used.clear();
  }
}

export const FAULT_KINDS = [
  'error500',
  'error503',
  'timeout504',
  'gateway504',
  'drop',
  'truncate',
  'rateLimitNoCors',
  'stall',
  'stallBody',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** The kinds `rate` draws from unless told otherwise. */
export const DEFAULT_FAULT_KINDS: FaultKind[] = ['error500', 'error503', 'timeout504', 'drop', 'truncate'];

export interface FaultOptions {
  /** Fraction of API responses replaced by a fault, drawn from `kinds` with a seeded generator. */
  rate?: number;
  kinds?: FaultKind[];
  /** Fraction of API requests that stall (no answer, or headers and half a body, then nothing), drawn apart. */
  stallRate?: number;
  seed?: number;
}

export class FaultInjector {
  private readonly rng: Rng;
  private readonly queued: FaultKind[] = [];

  constructor(private options: FaultOptions = {}) {
    this.rng = createRng(options.seed ?? 1);
  }

  configure(options: FaultOptions): void {
    this.options = options;
  }

  /** Makes the next `count` API requests fail with `kind`, whatever the random rate says. */
  injectNext(kind: FaultKind, count = 1): void {
    for (let i = 0; i < count; i++) this.queued.push(kind);
  }

  next(): FaultKind | undefined {
    const queued = this.queued.shift();
    if (queued) return queued;
    if (this.options.stallRate && this.rng.chance(this.options.stallRate))
      return this.rng.chance(0.5) ? 'stall' : 'stallBody';
    const kinds = this.options.kinds ?? DEFAULT_FAULT_KINDS;
    if (!this.options.rate || kinds.length === 0) return undefined;
    return this.rng.chance(this.options.rate) ? this.rng.pick(kinds) : undefined;
  }
}
