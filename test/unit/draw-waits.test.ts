// The session's waits on layouts being drawn (src/ui/session/draw-waits.ts): a layout drawn settles the waits on it
// and on every earlier one, and a closing session settles them all.
import { describe, expect, it } from 'vitest';
import { DrawWaits } from '../../src/ui/session/draw-waits.ts';

/** Which of `versions` have settled, once the microtasks queued so far have run. */
async function settledOf(waits: DrawWaits, versions: number[]): Promise<() => number[]> {
  const settled: number[] = [];
  for (const v of versions) void waits.until(v).then(() => settled.push(v));
  await Promise.resolve();
  return () => [...settled].sort((a, b) => a - b);
}

describe('waits on layouts being drawn', () => {
  it('settles a wait once its version or a later one is drawn, and at once for one already drawn', async () => {
    const waits = new DrawWaits();
    const settled = await settledOf(waits, [1, 2, 3]);
    waits.drawn(2);
    await expect.poll(settled).toEqual([1, 2]);
    const late = await settledOf(waits, [2]);
    await expect.poll(late).toEqual([2]);
    waits.drawn(3);
    await expect.poll(settled).toEqual([1, 2, 3]);
  });

  it('settles every wait when released, and counts versions again from the start', async () => {
    const waits = new DrawWaits();
    waits.drawn(5);
    const settled = await settledOf(waits, [6, 7]);
    waits.releaseAll();
    await expect.poll(settled).toEqual([6, 7]);
    const again = await settledOf(waits, [1]);
    expect(again()).toEqual([]);
    waits.drawn(1);
    await expect.poll(again).toEqual([1]);
  });
});
