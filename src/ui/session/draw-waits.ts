// Layouts the session has handed out, waited on until the graph view says it has drawn them (layoutDrawn). The
// crawl worker builds its next partial lineage only once the last one is drawn, and pauses after it for a multiple
// of what it cost (workers/crawl-updates.ts): the cost must include sigma processing every model and the frame,
// which at 300,000 models in software WebGL outweigh laying the lineage out.

export class DrawWaits {
  private waits: { version: number; done: () => void }[] = [];
  /** The latest layout version reported drawn. */
  private drawnUpTo = 0;

  /** Settles once layout `version`, or a later one, has been drawn, or everything is released. */
  until(version: number): Promise<void> {
    if (version <= this.drawnUpTo) return Promise.resolve();
    return new Promise((done) => this.waits.push({ version, done }));
  }

  /** Layout `version` is on screen: it and every earlier one are done with. */
  drawn(version: number): void {
    this.drawnUpTo = Math.max(this.drawnUpTo, version);
    this.settle((w) => w.version <= version);
  }

  /** Nothing will be drawn for what is waiting: the session closed (and its next cache may count versions from
   * the start again, as an emptied one does). */
  releaseAll(): void {
    this.drawnUpTo = 0;
    this.settle(() => true);
  }

  private settle(due: (w: { version: number }) => boolean): void {
    const now = this.waits.filter(due);
    this.waits = this.waits.filter((w) => !due(w));
    for (const w of now) w.done();
  }
}
