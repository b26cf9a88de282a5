// Scheduling after the browser has drawn: what waits for a picture to be drawn (the dynamics worker's question
// after a reopen's first frame, the crawl's next partial graph after the last one's) runs in a task after the next
// animation frame, not in the task that asked sigma to draw.

/** Runs `job` once, in a task after the next frame is produced; returns the canceller. A hidden tab produces no
 * frames: there the job runs in the next task (also when the tab is hidden while it waits), so nothing waits on a
 * tab nobody looks at (the crawl would count the time hidden as the drawing's cost, nineteen times over). */
export function afterFrame(job: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const run = (): void => {
    stop();
    timer = setTimeout(job, 0);
  };
  const onVisibility = (): void => void (document.hidden && run());
  const stop = (): void => {
    cancelAnimationFrame(frame);
    document.removeEventListener('visibilitychange', onVisibility);
  };
  if (document.hidden) run();
  else {
    frame = requestAnimationFrame(run);
    document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    stop();
    clearTimeout(timer);
  };
}
