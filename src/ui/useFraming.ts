// When the camera moves by itself: after a filter (or folding leaves in or out), a focus (once its layout is drawn) or "Show all" it frames what is
// visible; after a selection, the selected models; the Fit view button and the 0 key frame everything visible. What a
// request frames is view/framing.ts's rule; the first view (fitted by the renderer, or set by a link) is left alone.
// The time slider is left out: a replay steps a month every half second, and a camera framing each step would keep
// the edges hidden (they are not drawn while the camera moves).
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import type { Selection } from '../view/selection.ts';
import type { Filters } from '../view/state.ts';
import type { Positions } from './useFocusLayout.ts';

interface Seen {
  filters: string;
  focus: string | null;
  selection: Selection;
}

export function useFraming(
  rendererRef: RefObject<LineageRenderer | null>,
  /** What is drawn: the positions and the focus they are for (null before anything is drawn). */
  drawn: Pick<Positions, 'focus' | 'xy'> | null,
  filters: Filters,
  fold: boolean,
  selection: Selection,
  selectedIds: ReadonlySet<string> | null,
): () => void {
  const seen = useRef<Seen | null>(null);
  const filtersKey = JSON.stringify({ ...filters, asOf: null, fold });
  const [focus, xy] = [drawn?.focus ?? null, drawn?.xy];

  useEffect(() => {
    const renderer = rendererRef.current;
    // Until the renderer exists (the first layout can be empty), nothing is seen yet.
    if (!renderer || !xy) return;
    const before = seen.current;
    seen.current = { filters: filtersKey, focus, selection };
    if (!before) return;
    if (selection !== before.selection && selectedIds && selectedIds.size > 0)
      renderer.frame({ kind: 'ids', ids: [...selectedIds] });
    else if (filtersKey !== before.filters || focus !== before.focus) renderer.frame({ kind: 'visible' });
  }, [rendererRef, focus, xy, filtersKey, selection, selectedIds]);

  const fit = useCallback(() => rendererRef.current?.frame({ kind: 'visible' }), [rendererRef]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '0' || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
      fit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit]);
  return fit;
}
