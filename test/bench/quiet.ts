// Waits until the machine is quiet before a timed run: a tab just closed (its renderer freeing a heap of a million
// objects), the GPU process letting go of its buffers, or the seeding of a cache still use the two cores a moment
// after the call that started them returns. Quiet means most of a half-second window idle (Linux's /proc/stat;
// elsewhere there is nothing to read and nothing is waited for).
import { readFile } from 'node:fs/promises';

/** Idle and total CPU time since boot, in clock ticks; null where /proc/stat cannot be read. */
async function cpuTimes(): Promise<{ idle: number; total: number } | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null);
  const fields = text?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return null;
  // idle and iowait
  return { idle: (fields[3] as number) + (fields[4] as number), total: fields.reduce((a, b) => a + b, 0) };
}

/** Resolves once a half-second window is at least `idleShare` idle, or after `maxMs`; gives the ms waited. */
export async function untilQuiet(idleShare = 0.85, maxMs = 60_000): Promise<number> {
  const started = Date.now();
  let before = await cpuTimes();
  while (before && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await cpuTimes();
    if (!now) break;
    const total = now.total - before.total;
    if (total > 0 && (now.idle - before.idle) / total >= idleShare) break;
    before = now;
  }
  return Date.now() - started;
}
