// What the explorer session shows the panels: the crawl's phase and progress, the cache's description, the laid
// out graph (positions and room, by id), and the problems to name (a cache that cannot be read, a layout that
// failed). Plain data: each change is a new object, so a React hook can read it with useSyncExternalStore.
import type { CrawlProgress } from '../../crawl/progress.ts';
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import type { SnapshotInfo } from '../../store/db.ts';
import type { CrawlReport, RetryNotice } from '../../workers/protocol.ts';
import type { DataLoad } from '../dataEvents.ts';

export type CrawlPhase = 'opening' | 'idle' | 'crawling' | 'paused' | 'busy' | 'error';

export interface Layout {
  ids: string[];
  xy: Float32Array;
  /** Each model's room in layout units: discs within it never overlap. */
  room: Float32Array;
  version: number;
  /** The lineage laid out, and its columnar form when it arrived as one (workers take it cheaply). */
  lineage: Lineage;
  columnar: ColumnarLineage | null;
}

export interface ExplorerState {
  phase: CrawlPhase;
  progress: CrawlProgress | null;
  message: string | null;
  info: SnapshotInfo | null;
  layout: Layout | null;
  storeProblem: string | null;
  /** The last layout failed (the worker threw or stopped): what is shown stays, and this says why. */
  layoutProblem: string | null;
  /** A snapshot file or link is shown instead of the cache; nothing is crawled then. */
  imported: boolean;
  /** The last request the Hub failed, while the crawl waits to try it again. */
  retry: RetryNotice | null;
  /** What the last finished crawl reported besides its graph. */
  report: CrawlReport | null;
  /** [#11] Opening a published lineage dataset: its progress, then whether it opened. */
  dataLoad: DataLoad | null;
}

/** Whether the graph shown is the cache's whole one: not a crawl's partial graph (shown until the finished one is
 * laid out), nor one from before the cache changed. */
export function showsWhole(layout: Layout | null, info: SnapshotInfo | null): boolean {
  return layout !== null && info !== null && layout.lineage.nodes.length === info.nodes;
}

/** What an imported snapshot says about itself. */
export type SnapshotMeta = Pick<SnapshotInfo, 'hub' | 'orgs' | 'roots' | 'crawledAt' | 'hubDerivatives'>;

export const INITIAL_STATE: ExplorerState = {
  phase: 'opening',
  progress: null,
  message: null,
  info: null,
  layout: null,
  storeProblem: null,
  layoutProblem: null,
  imported: false,
  retry: null,
  report: null,
  dataLoad: null,
};
