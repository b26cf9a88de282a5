// The graph from the keyboard: with the graph focused, the arrow keys (and [ ]) walk the lineage from the picked
// model (src/view/lineage-keys.ts), picking as a click does; with nothing picked, the first key picks the most
// downloaded root shown. What is picked is announced in words for screen readers.
import { useCallback, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import { siblingPosition, startOfWalk, stepFrom, stepOfKey } from '../view/lineage-keys.ts';
import { madeBy } from '../view/filters.ts';
import { hoverText } from './hoverText.ts';
import type { PositionOf } from './usePositionOf.ts';

export function useLineageKeys(
  graph: LineageGraph,
  ids: readonly string[],
  positionOf: PositionOf,
  visible: Uint8Array,
  picked: string | null,
  onPick: (id: string) => void,
  /** The time slider's month, or null: a parent's children counted in the announcement are those made by then. */
  asOf: string | null = null,
): { onKeyDown(e: KeyboardEvent): void; announcement: string } {
  const shown = useCallback((id: string) => visible[positionOf(id)] === 1, [visible, positionOf]);
  const roots = useCallback(
    () => ids.filter((id) => shown(id) && !graph.inNeighbors(id).some((p) => p !== id && shown(p))),
    [graph, ids, shown],
  );
  /** The child the walk last came up from, per parent: Down goes back to it. */
  const cameFrom = useRef(new Map<string, string>());
  const onKeyDown = useCallback(
    (e: KeyboardEvent): void => {
      const step = stepOfKey(e.key);
      if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const from = picked && graph.hasNode(picked) && shown(picked) ? picked : null;
      const to = from
        ? stepFrom(graph, from, step, shown, roots, cameFrom.current.get(from))
        : startOfWalk(roots(), graph);
      if (!to) return;
      if (from && step === 'parent') cameFrom.current.set(to, from);
      onPick(to);
    },
    [graph, picked, shown, roots, onPick],
  );
  const announcement =
    picked && graph.hasNode(picked)
      ? `Picked ${hoverText(graph, picked)}${shown(picked) ? '' : ' (not drawn: outside the filters or the focus)'}. ${siblingPosition(graph, picked, shown, madeBy(graph, asOf))}`.trim()
      : '';
  return { onKeyDown, announcement };
}
