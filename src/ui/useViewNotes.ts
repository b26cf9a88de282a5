// What the page says about the view it opened on, as information rather than a problem: that the link was made on
// older data (counts may differ), and that the model it picks is not in the graph shown (removed or renamed on the
// Hub, or outside the families crawled). Whether the pick is there is judged only once the graph is whole and no
// crawl runs (a crawl under way may still bring it), and that judgement stands while a later crawl runs. A note
// dismissed stays dismissed, even when its numbers change (a refresh, a later crawl); the missing pick's takes the
// pick with it.
import { useState } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import type { SnapshotInfo } from '../store/db.ts';
import { dataMovedOn } from '../view/permalink.ts';
import { showsWhole, type CrawlPhase, type Layout } from './session/explorer-state.ts';

interface Options {
  graph: LineageGraph;
  layout: Layout | null;
  info: SnapshotInfo | null;
  phase: CrawlPhase;
  /** A snapshot is shown instead of the cache (it is whole as soon as it is laid out). */
  imported: boolean;
  /** The model the view picks, or null. */
  selected: string | null;
  /** When the opening link's data was crawled. */
  linkCrawledAt: string | null;
  /** Unpicks: a missing pick's note dismissed drops the pick, so the address and copied links stop naming it. */
  unpick(): void;
}

export interface ViewNotes {
  notes: string[];
  dismiss(): void;
}

export interface ViewNote {
  /** What stays the same when the note's numbers change: a dismissal is kept by it. */
  key: string;
  text: string;
}

export function useViewNotes(o: Options): ViewNotes {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [missing, setMissing] = useState<string | null>(null);
  const { layout, info, phase, imported, selected, graph } = o;
  const settled = layout !== null && (imported || (showsWhole(layout, info) && phase === 'idle'));
  // Judged while settled, kept as it was while not (React's state adjusted while rendering, not in an effect).
  const judged = settled ? (selected && !graph.hasNode(selected) ? selected : null) : missing;
  if (judged !== missing) setMissing(judged);
  const notes = viewNotes({
    movedOn: dataMovedOn(o.linkCrawledAt, info?.crawledAt ?? null),
    missing: missing !== null && missing === selected ? missing : null,
    models: layout?.ids.length ?? 0,
    dismissed,
  });
  return {
    notes: notes.map((n) => n.text),
    dismiss: () => {
      setDismissed((d) => new Set([...d, ...notes.map((n) => n.key)]));
      if (notes.some((n) => n.key.startsWith('missing:'))) o.unpick();
    },
  };
}

/** The notes to show: the data moved on since the link, the pick missing; less those dismissed. */
export function viewNotes(o: {
  movedOn: string | null;
  missing: string | null;
  models: number;
  dismissed: ReadonlySet<string>;
}): ViewNote[] {
  const notes: ViewNote[] = [];
  if (o.movedOn) notes.push({ key: 'moved-on', text: o.movedOn });
  if (o.missing) notes.push({ key: `missing:${o.missing}`, text: missingPick(o.missing, o.models) });
  return notes.filter((n) => !o.dismissed.has(n.key));
}

/** Says that the model a view picks is not among those shown. */
export function missingPick(id: string, models: number): string {
  return (
    `${id}, picked in this view, is not among the ${models.toLocaleString('en')} models here: the Hub may have ` +
    'removed or renamed it, or it lies outside the families crawled.'
  );
}
