// The sigma renderer of the lineage graph. The graph's attributes are never written for display: positions,
// colours, sizes, labels and visibility live in typed arrays read by the reducers, hover or filter changes refresh
// only the models they touch (sigma re-indexes everything on attribute writes), and a new picture (a layout, a graph,
// a resize) is one whole refresh, drawn with sigma detached from the graph until it is ready (drawAnew).
import Sigma from 'sigma';
import type { CameraState, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import {
  applyPositions,
  createLineageGraph,
  type EdgeAttributes,
  type GraphNode,
  type LineageGraph,
} from '../graph/graph.ts';
import type { FrameRequest } from '../view/framing.ts';
import { enableBoxSelect } from './box-select.ts';
import { followResizes, Framer, layoutExtent, viewportNodes } from './camera.ts';
import { DiscScale } from './disc-scale.ts';
import { LabelPlacer } from './labels.ts';
import { changedModels, LitModels } from './lit.ts';
import { exposeProbes, programSettings, STATIC_SETTINGS, type RenderArrays, type RendererEvents } from './settings.ts';
import { SchemeFollower } from './theme.ts';
import type { GraphTheme } from '../view/palette.ts';

/** The smallest disc radius drawn, in pixels: below it a filtered or focused view turns to dust; dense forests seen
 * whole may overlap at this size, never above it. */
const MIN_PX = 3;

export class LineageRenderer {
  readonly sigma: Sigma<GraphNode, EdgeAttributes>;
  private arrays: RenderArrays;
  private index = new Map<string, number>();
  /** The lineage a hover lights up and the marked models (./lit.ts). */
  private readonly lit = new LitModels();
  private readonly labels = new LabelPlacer();
  /** The scale discs are sized at (./disc-scale.ts). */
  private readonly scale = new DiscScale<GraphNode, EdgeAttributes>();
  private readonly framer: Framer;
  private readonly stopResizing: () => void;
  /** The colours of the system's scheme, followed as it changes (./theme.ts). */
  private readonly scheme: SchemeFollower;
  private readonly onHover: RendererEvents['onHover'];
  /** The empty graph sigma holds while the lineage's is being changed. */
  private readonly detached = createLineageGraph();

  constructor(
    container: HTMLElement,
    private readonly graph: LineageGraph,
    arrays: RenderArrays,
    events: RendererEvents,
  ) {
    this.arrays = arrays;
    this.reindex();
    this.scheme = new SchemeFollower(container);
    // Built detached: the lineage's graph is given to sigma once positions, box, camera and scale are set (drawAnew).
    this.sigma = new Sigma(this.detached, container, {
      ...STATIC_SETTINGS,
      ...programSettings<GraphNode, EdgeAttributes>(),
      defaultDrawNodeLabel: this.labels.draw,
      defaultDrawNodeHover: this.labels.drawHover,
      ...this.scheme.settings,
      nodeReducer: (node, attr) => this.reduceNode(node, attr),
      edgeReducer: (edge, attr) => this.reduceEdge(edge, attr),
    });
    this.sigma.on('beforeRender', () => this.labels.reset(this.sigma, this.lit.forced(), this.lit.labelled));
    // sigma has offered the frame's every label by then (./labels.ts places them by rank).
    this.sigma.on('afterRender', () => this.labels.flush());
    // The bigger a model's encoded disc (its downloads, unless the researcher chose another size), the sooner named.
    this.labels.rank = (key) => this.arrays.size[this.index.get(key) ?? -1] ?? 0;
    if (events.covered) this.labels.covered = events.covered;
    this.scale.attach(this.sigma);
    this.onHover = events.onHover;
    this.sigma.on('enterNode', ({ node }) => events.onHover(node));
    this.sigma.on('leaveNode', () => events.onHover(null));
    this.sigma.on('clickNode', ({ node }) => events.onClick(node));
    this.sigma.on('clickStage', () => events.onClick(null));
    if (events.onBox) enableBoxSelect(this.sigma, container, events.onBox);
    this.framer = new Framer(
      this.sigma,
      graph,
      () => ({ ...this.arrays, index: this.index }),
      () => this.labels.covered(),
    );
    // The first view fits every family.
    this.drawAnew(() => this.framer.frame({ kind: 'visible' }, false));
    // The session rebuilds the graph in place for each new lineage: sigma lets go of it first (see drawAnew).
    graph.on('cleared', this.detach);
    this.stopResizing = followResizes(this.sigma, container, () => this.drawAnew(() => this.framer.redo()));
    this.scheme.attach(this.sigma, this.labels, () => this.sigma.refresh());
    exposeProbes(container, {
      labelBoxes: () => this.labels.boxes,
      settling: () => this.scale.settling,
      viewportBoxes: (ids) => viewportNodes(this.sigma, ids),
    });
  }

  /** sigma draws synchronously when built and refreshed: a User Timing mark says when a graph or layout was first
   * drawn, and of how many models (the benchmarks read it). */
  private markDrawn(): void {
    performance.mark('forkscope:drawn', { detail: { models: this.arrays.ids.length } });
  }

  /** The controls over the canvas may have come, gone or moved (ui/over-graph.ts): if they did, the labels are
   * placed again, on their own canvas (./labels.ts), or in a whole frame when a lit label must move. */
  coveringChanged(): void {
    if (this.labels.coveredMoved() && !this.labels.relabel()) this.sigma.scheduleRender();
  }

  /** New positions, encodings or graph: everything is recomputed once. */
  setArrays(arrays: RenderArrays): void {
    const moved = arrays.xy !== this.arrays.xy || arrays.ids !== this.arrays.ids;
    this.arrays = arrays;
    this.reindex();
    if (moved || this.sigma.getGraph() !== this.graph) this.drawAnew(() => this.framer.redo());
    else this.sigma.refresh();
  }

  /** Draws the graph anew: with sigma detached (on an empty graph), positions are written, the box is set to the
   * laid-out positions' own, the camera framed and the disc scale read; then sigma takes the graph back and draws it
   * once. Attached, sigma processes every model again for each attribute written and each model the session adds
   * (several whole passes over 200,000 models per new layout), and a frame drawn before the camera and scale are
   * set is drawn again at once. The box: sigma's default, every node's, would let models a crawl added since the
   * layout (at no position yet) change the scale of what is drawn, and a permalink's camera with it. */
  private drawAnew(frame: () => void): void {
    this.detach();
    // sigma forgets its hovered model when it is given a graph, without a leaveNode: the hover goes here too (the
    // read-out and the lineage lit), until the pointer, or the Framer after the framing below, finds one again.
    if (this.lit.hovered !== null) this.onHover(null);
    applyPositions(this.graph, this.arrays.ids, this.arrays.xy);
    this.sigma.setCustomBBox(layoutExtent(this.arrays.xy));
    this.sigma.refresh();
    frame();
    this.scale.measure(this.sigma);
    this.sigma.setGraph(this.graph);
    this.markDrawn();
  }

  private readonly detach = (): void => {
    if (this.sigma.getGraph() !== this.detached) this.sigma.setGraph(this.detached);
  };

  /** Visibility (filters, focus, folding) or labels (fold counts follow the filters) changed: only the models whose
   * visibility or label changed are refreshed, a renamed one without its edges. */
  setVisible(visible: Uint8Array, label: string[] = this.arrays.label): void {
    const { flipped, renamed } = changedModels(this.arrays.ids, this.arrays, { visible, label });
    this.arrays = { ...this.arrays, visible, label };
    // A refresh, even of no model, makes sigma process every model again.
    if (flipped.length + renamed.length > 0) this.refreshPartial(flipped, renamed);
  }

  /** Highlights a lineage: `boxed` models (the ancestry) drawn as hovered, `labelled` ones with a label, and the
   * edges among all `nodes`; null clears it. */
  highlight(
    nodes: readonly string[] | null,
    labelled: readonly string[] = nodes ?? [],
    boxed: readonly string[] = labelled,
    hovered: string | null = null,
  ): void {
    const partialGraph = this.lit.light(this.graph, nodes, labelled, boxed, hovered);
    // Detached (a new picture being made), sigma holds none of them: the whole refresh to come draws them.
    if (this.sigma.getGraph() === this.graph) this.sigma.refresh({ partialGraph, skipIndexation: true });
  }

  /** Marks models until they are unmarked (the picked one, search hits): a ring and a label at any zoom. */
  mark(ids: readonly string[]): void {
    const changed = this.lit.mark(ids.filter((id) => this.index.has(id)));
    if (changed) this.sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: false });
  }

  /** Moves the camera to what a request names (view/framing.ts), animated unless `animate` is false. */
  frame(request: FrameRequest, animate = true): void {
    this.framer.frame(request, animate);
  }

  getCamera(): CameraState {
    return this.sigma.getCamera().getState();
  }

  /** A camera set from outside (a link): framings are no longer redone. */
  setCamera(state: Partial<CameraState>): void {
    this.framer.release();
    this.sigma.getCamera().setState(state);
  }

  /** What the last frame drew and in which colours, for pictures out (./picture.ts). */
  get drawn(): { theme: GraphTheme; labels: LabelPlacer['labels']; arrays: Readonly<RenderArrays> } {
    return { theme: this.scheme.current, labels: this.labels.labels, arrays: this.arrays };
  }

  kill(): void {
    this.graph.off('cleared', this.detach);
    this.scale.stop();
    this.stopResizing();
    this.scheme.dispose();
    this.sigma.kill();
  }

  private reindex(): void {
    this.index = new Map(this.arrays.ids.map((id, i) => [id, i]));
  }

  /** Refreshes `nodes` and their edges, and `alone` without theirs. */
  private refreshPartial(nodes: string[], alone: string[] = []): void {
    const edges = new Set<string>();
    for (const n of nodes) this.graph.forEachEdge(n, (e) => void edges.add(e));
    this.sigma.refresh({ partialGraph: { nodes: [...nodes, ...alone], edges: [...edges] }, skipIndexation: false });
  }

  /** sigma hands the reducer its own shallow copy of the attributes, so writing into it allocates nothing. */
  private reduceNode(node: string, data: GraphNode): Partial<NodeDisplayData> {
    const attr = data as unknown as NodeDisplayData;
    const i = this.index.get(node);
    // A model added since the last layout is not drawn until its position arrives.
    if (i === undefined || data.x === undefined || data.y === undefined) {
      attr.x = 0;
      attr.y = 0;
      attr.hidden = true;
      return attr;
    }
    const a = this.arrays;
    // A disc's radius on screen: its encoded size, but never past its room at this zoom (so no two discs meet),
    // and never under MIN_PX (so a dense forest still shows as points). sigma divides by the ratio.
    const { unitPx, sizedAt } = this.scale;
    const roomPx = ((a.room?.[i] ?? Infinity) * unitPx) / sizedAt;
    attr.size = Math.max(MIN_PX, Math.min(a.size[i] as number, roomPx)) * sizedAt;
    attr.color = a.color[i] as string;
    attr.label = a.label[i] as string;
    attr.hidden = a.visible[i] === 0;
    this.lit.styleNode(node, attr);
    return attr;
  }

  /** An edge is not hidden here: sigma's edge programs skip an edge with a hidden end (and pictures out skip an edge
   * whose end is not drawn), so only its colour depends on the view. Reading its two ends for every edge doubled the
   * cost of a whole refresh. */
  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    const attr = data as unknown as EdgeDisplayData;
    this.lit.styleEdge(this.graph, edge, attr, this.scheme.current.dimEdge);
    return attr;
  }
}
