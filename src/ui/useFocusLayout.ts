// Where models are drawn: the whole-graph layout, or, while a subtree is focused, that subtree laid out on its own
// (layout/focus.ts) in a layout worker of its own (its owner, session/layout-owner.ts, starts it at the first focus
// and names its failures); nothing of it is cached. The positions and the focus they are
// for change together, so the graph view switches visibility and positions in one step: until the focused layout
// arrives, the previous picture stays.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import { prepareFocusLayout, spreadFocus } from '../layout/focus.ts';
import { familyDiscs } from '../view/framing.ts';
import type { ModelRows } from '../view/rows.ts';
import { LayoutOwner, layoutWorker } from './session/layout-owner.ts';
import type { Layout } from './useExplorer.ts';

export interface Positions {
  /** The focus these positions are for (null: the whole graph). */
  focus: string | null;
  ids: string[];
  xy: Float32Array;
  room: Float32Array;
  /** The disc each model is drawn in (view/framing.ts: a pick frames its own disc only). */
  disc: Uint32Array;
}

/** What is shown, and on which layout. */
interface Shown {
  layout: Layout;
  positions: Positions;
}

/** `rows`: the models of `layout`, by position (view/rows.ts). */
export function useFocusLayout(
  graph: LineageGraph,
  layout: Layout | null,
  rows: ModelRows,
  focus: string | null,
): Positions | null {
  const whole = useMemo<Positions | null>(
    () =>
      layout && {
        focus: null,
        ids: layout.ids,
        xy: layout.xy,
        room: layout.room,
        disc: familyDiscs(rows),
      },
    [layout, rows],
  );
  const [shown, setShown] = useState<Shown | null>(null);
  const [owner] = useState(() => new LayoutOwner(layoutWorker));
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    if (!layout || !whole) return;
    const show = (positions: Positions): void => void (id === seq.current && setShown({ layout, positions }));
    if (!focus || !graph.hasNode(focus)) return void Promise.resolve().then(() => show(whole));
    const prepared = prepareFocusLayout(graph, focus);
    owner
      .run(prepared.input, null)
      .then((placed) => show({ focus, ids: layout.ids, ...spreadFocus(layout.ids, prepared, placed) }))
      // A failed layout draws the focus at the whole graph's positions.
      .catch(() => show({ ...whole, focus }));
  }, [graph, layout, whole, focus, owner]);

  useEffect(() => () => owner.end(), [owner]);

  if (!whole || !layout) return null;
  if (!focus || !graph.hasNode(focus)) return whole;
  // While the focused layout is computed, what was shown on this layout stays; after a new layout (a crawl went on),
  // the focus is drawn at the whole graph's positions meanwhile.
  if (shown?.layout === layout) return shown.positions;
  return { ...whole, focus };
}
