// Scheduling after a frame (src/ui/frames.ts): a job waits for the next animation frame and then a task, except in a
// hidden tab, which produces no frames: there it runs in the next task, also when the tab is hidden while it waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFrame } from '../../src/ui/frames.ts';

/** A document whose visibility the test sets, and animation frames the test draws. */
function fakePage(hidden: boolean) {
  const doc = Object.assign(new EventTarget(), { hidden });
  const frames = new Map<number, () => void>();
  let next = 0;
  vi.stubGlobal('document', doc);
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => (frames.set(++next, fn), next));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return {
    drawFrame: () => {
      const due = [...frames.values()];
      frames.clear();
      for (const fn of due) fn();
    },
    hide: () => {
      doc.hidden = true;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    framesAsked: () => frames.size,
  };
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => void vi.unstubAllGlobals());

describe('a job after the next frame', () => {
  it('runs in a task after the frame is drawn, not before, and never once cancelled', async () => {
    const page = fakePage(false);
    const ran: string[] = [];
    afterFrame(() => ran.push('a'));
    const cancel = afterFrame(() => ran.push('b'));
    await nextTask();
    expect(ran).toEqual([]);
    cancel();
    page.drawFrame();
    expect(ran).toEqual([]);
    await nextTask();
    expect(ran).toEqual(['a']);
  });

  it('runs in the next task in a hidden tab, and when the tab is hidden while it waits', async () => {
    const page = fakePage(true);
    const ran: string[] = [];
    afterFrame(() => ran.push('hidden'));
    expect(page.framesAsked()).toBe(0);
    await nextTask();
    expect(ran).toEqual(['hidden']);

    const later = fakePage(false);
    afterFrame(() => ran.push('hidden later'));
    later.hide();
    await nextTask();
    expect(ran).toEqual(['hidden', 'hidden later']);
    // Its frame was given up: drawing one runs nothing twice.
    later.drawFrame();
    await nextTask();
    expect(ran).toEqual(['hidden', 'hidden later']);
  });
});
