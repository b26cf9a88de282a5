// Scheduling after the browser has drawn: what waits for a picture to be on screen (the dynamics worker's question
// after a reopen's first frame, the crawl's next partial graph after the last one's) runs in a task after the next
// animation frame, not in the task that asked sigma to draw.

/** Runs `job` in a task after the next frame is drawn; returns the canceller. A hidden tab draws no frames, so the
 * job waits until it is shown. */
export function afterFrame(job: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(job, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
