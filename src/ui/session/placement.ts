// Where a lineage's models are drawn: the positions cached for it, else a new layout by the layout worker (which
// caches what it computes). Positions are cached under a key that hashes every id and edge, found by preparing the
// layout's input (0.3 s of a 200,000-model reopen). So when the lineage is the cache's snapshot, its positions are
// first looked up under the key noted for that snapshot (store/db.ts noteSnapshotLayout), and once a snapshot's key
// is known it is noted: a reopen then prepares nothing. The note is the one thing the page writes to the cache; it is
// a few bytes, written only while the snapshot it names is still the cache's.
import { LAYOUT_KEY_VERSION, prepareLayoutOf } from '../../layout/input.ts';
import { inIdOrder, type ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import { cacheName, type ForkscopeStore, type SnapshotInfo, type SnapshotLayout } from '../../store/db.ts';
import type { LayoutOwner } from './layout-owner.ts';

/** The cache's snapshot a lineage is: its description, and the layout noted for it when one is. */
export interface CacheSnapshot {
  info: SnapshotInfo;
  layout: SnapshotLayout | null;
}

export interface PlacementRequest {
  lineage: Lineage;
  /** The form the lineage was decoded from, if it was (layout/input.ts reads it in place). */
  columnar: ColumnarLineage | null;
  familyOrder: readonly string[];
  /** Set when the lineage is the cache's snapshot. */
  snapshot: CacheSnapshot | null;
  store: ForkscopeStore | null;
  layout: LayoutOwner | null;
  hubUrl: string | null;
}

/** The models laid out, in the order of `placed`: x, y of each, then each one's room. */
export interface Placement {
  ids: string[];
  placed: Float32Array;
}

/** The lineage's placement; null when it has none cached and no layout worker can make one (the session is
 * closed); rejects when the layout fails. */
export async function placeLineage(r: PlacementRequest): Promise<Placement | null> {
  const noted = await placedByNote(r);
  if (noted) return noted;
  const prepared = prepareLayoutOf(r.lineage, r.familyOrder, r.columnar);
  let placed = whole(await r.store?.loadPositions(prepared.key).catch(() => null), prepared.ids.length);
  if (!placed) {
    if (!r.layout || r.hubUrl === null) return null;
    const cache = r.store ? { dbName: cacheName(r.hubUrl), key: prepared.key } : null;
    placed = await r.layout.run(prepared.input, cache);
  }
  if (r.snapshot && r.store) {
    const layout = { families: [...r.familyOrder], key: prepared.key };
    // A derived note: a write that fails only costs the next reopen the preparation.
    void r.store.noteSnapshotLayout(r.snapshot.info, layout).catch(() => undefined);
  }
  return { ids: prepared.ids, placed };
}

/** The positions cached under the key noted for the snapshot, when the note is for this family order and this
 * layout, and the models are in id order (the order the key was made in: layout/input.ts keeps such a lineage's
 * order). */
async function placedByNote(r: PlacementRequest): Promise<Placement | null> {
  const [note, store] = [r.snapshot?.layout, r.store];
  const usable =
    note?.key.startsWith(`${LAYOUT_KEY_VERSION}-`) === true &&
    sameOrder(note.families, r.familyOrder) &&
    inIdOrder(r.lineage.nodes);
  if (!usable || !store) return null;
  const placed = whole(await store.loadPositions(note.key).catch(() => null), r.lineage.nodes.length);
  // Missing, or of the old format: found again by preparing (a rare second read of the same key).
  return placed ? { ids: r.lineage.nodes.map((m) => m.id), placed } : null;
}

/** Cached positions of `n` models, unless missing or written before room was kept (2 numbers a model, not 3): those
 * are laid out again. */
function whole(cached: Float32Array | null | undefined, n: number): Float32Array | null {
  return cached?.length === 3 * n ? cached : null;
}

const sameOrder = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
