// What the page says about the view it opened on, as information rather than a problem: that the link was made on
// older data (counts may differ), and that the model it picks is not in the graph shown (removed or renamed on the
// Hub, or outside the families crawled). The pick is said only once the graph is whole and no crawl is running
// (a crawl under way may still bring it); each note stays until dismissed, and a dismissed one does not come back.
import { useState } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import { dataMovedOn } from '../view/permalink.ts';

interface Options {
  graph: LineageGraph;
  /** The model the view picks, or null. */
  selected: string | null;
  /** The graph shown is the whole one and no crawl or data opening is under way. */
  settled: boolean;
  /** How many models the graph shown holds. */
  models: number;
  /** When the opening link's data and the cache's were crawled. */
  linkCrawledAt: string | null;
  cacheCrawledAt: string | null;
}

export interface ViewNotes {
  notes: string[];
  dismiss(): void;
}

export function useViewNotes(o: Options): ViewNotes {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const movedOn = dataMovedOn(o.linkCrawledAt, o.cacheCrawledAt);
  const missing = o.settled && o.selected && !o.graph.hasNode(o.selected) ? missingPick(o.selected, o.models) : null;
  const notes = [movedOn, missing].filter((n): n is string => n !== null && !dismissed.has(n));
  return { notes, dismiss: () => setDismissed((d) => new Set([...d, ...notes])) };
}

/** Says that the model a view picks is not among those shown. */
export function missingPick(id: string, models: number): string {
  return (
    `${id}, picked in this view, is not among the ${models.toLocaleString('en')} models here: the Hub may have ` +
    'removed or renamed it, or it lies outside the families crawled.'
  );
}
