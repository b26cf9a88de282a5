// The graph canvas: derives the render arrays from the layout (or the focused subtree's own layout) and the view
// state and hands them to the sigma renderer, creating it once. Hover lights up a lineage; a click selects a model.
// The camera frames what the view shows (useFraming); "Fit view" frames everything visible.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import type { Lineage } from '../lineage/types.ts';
import {
  computeColors,
  computeFolding,
  countFolds,
  computeSizes,
  descendantShares,
  drawnLegend,
  incomingRelations,
  labelsWithFolds,
  unfoldAt,
  type LegendEntry,
} from '../view/encoding.ts';
import { LineageRenderer } from '../render/renderer.ts';
import { computeVisible, lineageOfInterest, withoutFolded } from '../view/visibility.ts';
import { rowsOfLayout } from '../view/rows.ts';
import type { ViewState } from '../view/state.ts';
import type { Layout } from './useExplorer.ts';
import { hoverText } from './hoverText.ts';
import { useFocusLayout } from './useFocusLayout.ts';
import { useFraming } from './useFraming.ts';
import { GRAPH_THEMES } from '../view/palette.ts';
import { useColorScheme } from './useColorScheme.ts';
import { useLineageKeys } from './useLineageKeys.ts';
import { usePositionOf } from './usePositionOf.ts';
import { LINEAGE_KEYS } from '../view/lineage-keys.ts';
import { afterFrame } from './frames.ts';
import { coveringBoxes, watchCovering } from './over-graph.ts';

const NO_LINEAGE: Lineage = { nodes: [], edges: [] };
const KEYS_HELP = `Keys, with the graph focused: ${LINEAGE_KEYS.map((k) => k.words).join(', ')}; Escape unpicks.`;

export interface GraphSummary {
  legend: LegendEntry[];
  /** The legend counting only what is drawn (pictures of the view carry it), counted when a picture asks: not a
   * pass over every model on each change of what is shown. */
  legendOfDrawn(): LegendEntry[];
  folded: { quantizations: number; adapters: number } | null;
  visible: number;
  total: number;
}

interface Props {
  graph: LineageGraph;
  layout: Layout | null;
  view: ViewState;
  familyOrder: readonly string[];
  onSelect(id: string | null): void;
  onBox(box: { x0: number; y0: number; x1: number; y1: number }): void;
  onSummary(s: GraphSummary): void;
  rendererRef: React.RefObject<LineageRenderer | null>;
  /** When a selection exists, models outside it are drawn grey. */
  selectedIds: ReadonlySet<string> | null;
  /** Models marked until unmarked (the picked one): a ring and a label at any zoom. */
  marked: readonly string[];
  /** A layout is on screen: called with its version after the frame that drew it. */
  onDrawn(version: number): void;
}

export function GraphView({
  graph,
  layout,
  view,
  familyOrder,
  onSelect,
  onBox,
  onSummary,
  rendererRef,
  selectedIds,
  marked,
  onDrawn,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const onSelectRef = useRef(onSelect);
  const onBoxRef = useRef(onBox);
  const onDrawnRef = useRef(onDrawn);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onBoxRef.current = onBox;
    onDrawnRef.current = onDrawn;
  }, [onSelect, onBox, onDrawn]);
  // The laid-out models by position: from the layout's own records when they line up with its ids (a reopen), so
  // no encoding looks a model up by id.
  const ids = useMemo(() => layout?.ids ?? [], [layout]);
  const rows = useMemo(
    () => rowsOfLayout(graph, ids, layout?.lineage ?? NO_LINEAGE, layout?.columnar ?? null),
    [graph, ids, layout],
  );
  // Positions and the focus they are for change together: the focused subtree is drawn once its layout is ready.
  const positions = useFocusLayout(graph, layout, rows, view.focus);
  const focus = positions?.focus ?? null;
  const relations = useMemo(() => incomingRelations(rows), [rows]);
  // Counted only when discs are sized by them: a walk of every subtree, the slowest step of a reopen otherwise.
  const bySubtree = view.sizeBy === 'descendants';
  const descendants = useMemo(
    () => (bySubtree ? descendantShares(rows, (i) => rows.node(i).depth) : null),
    [rows, bySubtree],
  );
  // What the filters, the time slider and a focus let through; folding then hides some of it, and counts what.
  const passing = useMemo(
    () => computeVisible(graph, rows, relations, view.filters, focus),
    [graph, rows, relations, view.filters, focus],
  );
  const folding = useMemo(() => (view.fold ? computeFolding(rows, relations) : null), [rows, relations, view.fold]);
  const folds = useMemo(
    () => folding && countFolds(rows, relations, folding.folded, passing),
    [rows, relations, folding, passing],
  );
  const colors = useMemo(
    () => computeColors(rows, view.colorBy, relations, familyOrder),
    [rows, view.colorBy, relations, familyOrder],
  );
  const unselected = GRAPH_THEMES[useColorScheme()].unselected;
  const shownColors = useMemo(
    () =>
      selectedIds ? colors.colors.map((c, i) => (selectedIds.has(ids[i] as string) ? c : unselected)) : colors.colors,
    [colors, selectedIds, ids, unselected],
  );
  const sizes = useMemo(() => computeSizes(rows, view.sizeBy, descendants), [rows, view.sizeBy, descendants]);
  const labels = useMemo(() => labelsWithFolds(ids, folds), [ids, folds]);
  const positionOf = usePositionOf(ids);
  // A picked or searched model folded into its parent is drawn after all: its mark and label must be seen. (By key:
  // visibility is computed again only when which folded models are marked changes.)
  const unfolded = folding ? marked.map(positionOf).filter((i) => folding.folded[i] === 1) : [];
  const unfoldedKey = unfolded.join(',');
  const shownFolding = useMemo(
    () => unfoldAt(folding, unfoldedKey ? unfoldedKey.split(',').map(Number) : []),
    [folding, unfoldedKey],
  );
  const visible = useMemo(() => withoutFolded(passing, shownFolding), [passing, shownFolding]);

  useEffect(() => {
    if (!positions || !container.current || ids.length === 0) return;
    const { xy, room, disc } = positions;
    const arrays = { ids, xy, room, disc, size: sizes, color: shownColors, label: labels, visible };
    const current = rendererRef.current;
    if (!current) {
      rendererRef.current = new LineageRenderer(container.current, graph, arrays, {
        onHover: (id) => {
          const lineage = id ? lineageOfInterest(graph, id) : null;
          rendererRef.current?.highlight(lineage?.lit ?? null, lineage?.labelled, lineage?.boxed, id);
          setHovered(id);
        },
        onClick: (id) => onSelectRef.current(id),
        onBox: (box) => onBoxRef.current(box),
        covered: () => (container.current ? coveringBoxes(container.current) : []),
      });
    } else current.setArrays(arrays);
    // Visibility and labels are applied separately below, so only the models that flip or are renamed get refreshed.
  }, [graph, positions?.xy, ids, sizes, shownColors, rendererRef]); // eslint-disable-line react-hooks/exhaustive-deps

  // Each new layout is reported after the frame that follows the effect above (which draws it, or draws nothing when
  // it has no models; in a focus, the focused layout is drawn later and not waited for). A newer layout cancels it.
  useEffect(() => {
    if (!layout) return;
    const { version } = layout;
    return afterFrame(() => onDrawnRef.current(version));
  }, [layout]);

  useEffect(() => {
    rendererRef.current?.setVisible(visible, labels);
    let count = 0;
    for (const v of visible) count += v;
    onSummary({
      legend: colors.legend,
      legendOfDrawn: () => drawnLegend(colors.legend, colors.colors, visible),
      folded: folds ? { quantizations: folds.quantizations, adapters: folds.adapters } : null,
      visible: count,
      total: ids.length,
    });
  }, [visible, labels, colors, folds, ids, onSummary, rendererRef]);

  useEffect(() => rendererRef.current?.mark(marked), [marked, layout, rendererRef]);
  useEffect(() => {
    const graphBox = container.current;
    return graphBox ? watchCovering(graphBox, () => rendererRef.current?.coveringChanged()) : undefined;
  }, [rendererRef]);
  const keys = useLineageKeys(graph, ids, positionOf, visible, marked[0] ?? null, onSelect, view.filters.asOf);

  const fit = useFraming(rendererRef, positions, view.filters, view.fold, view.selection, selectedIds);

  useEffect(
    () => () => {
      rendererRef.current?.kill();
      rendererRef.current = null;
    },
    [rendererRef],
  );

  return (
    <>
      <div
        ref={container}
        data-testid="graph"
        className="graph"
        role="application"
        aria-roledescription="lineage graph"
        aria-label={`Lineage graph of ${ids.length.toLocaleString('en')} models`}
        aria-describedby="graph-keys"
        tabIndex={0}
        onKeyDown={keys.onKeyDown}
      />
      {ids.length > 0 && (
        <button type="button" className="fit-view" data-over-graph onClick={fit} title="Frame everything shown (key 0)">
          Fit view
        </button>
      )}
      <p id="graph-keys" className="graph-keys" data-testid="graph-keys">
        {KEYS_HELP}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="graph-announce">
        {keys.announcement}
      </p>
      <p className="hover-info" aria-live="polite" data-testid="hover-info">
        {hovered && graph.hasNode(hovered) ? hoverText(graph, hovered) : ''}
      </p>
    </>
  );
}
