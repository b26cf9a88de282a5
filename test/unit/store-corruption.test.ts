// A damaged or newer cache under fake-indexeddb: each kind of damage gives a clear StoreError (never a raw error,
// never a silently shortened journal), deleteCache() removes the cache whatever its state (also while connections
// are open, and after waiting out one that blocks), and a fresh crawl can then start. A page and its state are
// saved in one transaction: both or neither.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { cacheName, deleteCache, ForkscopeStore, StoreCorruptError, StoreError } from '../../src/store/db.ts';
import { encodeLineage, type ColumnarLineage } from '../../src/lineage/columnar.ts';
import type { CrawlRecord } from '../../src/crawl/records.ts';
import { snapshotInfo, crawlState, hubModel } from './journal-fixtures.ts';
import { smallLineage } from './fixtures.ts';
const model = hubModel;

let n = 0;
const freshHub = (): string => `http://hub-${++n}.test`;
const info = snapshotInfo;
const state = crawlState;
const PAGE: CrawlRecord[] = [
  { t: 'model', model: model('u/a') },
  { t: 'looked', id: 'x/y' },
];

/** A cache with a snapshot and a one-page journal. */
async function seeded(hub: string): Promise<void> {
  const store = await ForkscopeStore.open(cacheName(hub));
  await store.saveSnapshot(encodeLineage(smallLineage()), info);
  await store.journal().append(PAGE, state(1));
  store.close();
}

type Raw = Awaited<ReturnType<typeof openDB>>;
const editSnapshot = (edit: (c: ColumnarLineage) => void) => async (db: Raw) => {
  const c = (await db.get('snapshot', 'graph')) as ColumnarLineage;
  edit(c);
  await db.put('snapshot', c, 'graph');
};

/** Damage done to the database directly, and what reading it must then say. */
const DAMAGE: { name: string; damage: (db: Raw) => Promise<unknown>; read: 'journal' | 'snapshot'; says: RegExp }[] = [
  {
    name: 'a crawl state of the wrong type',
    damage: (db) => db.put('meta', 'garbage', 'crawl-state'),
    read: 'journal',
    says: /state: .*not one this version/,
  },
  {
    name: 'a journal without its state',
    damage: (db) => db.delete('meta', 'crawl-state'),
    read: 'journal',
    says: /state: 1 saved pages but no crawl state/,
  },
  {
    name: 'a page whose records are not a list',
    damage: (db) => db.add('journal', { v: 1, records: 'oops' }),
    read: 'journal',
    says: /journal: page 2, a page of records is not a list/,
  },
  {
    name: 'a record of the wrong shape',
    damage: (db) => db.add('journal', { v: 1, records: [{ t: 'model', model: null }] }),
    read: 'journal',
    says: /journal: page 2, record 1: model record without a model/,
  },
  {
    name: 'a model with a missing field',
    damage: (db) => db.add('journal', { v: 1, records: [{ t: 'model', model: { ...model('u/b'), parents: 'x' } }] }),
    read: 'journal',
    says: /model u\/b: bad parents/,
  },
  {
    name: 'a page of another version',
    damage: (db) => db.add('journal', { v: 7, records: [] }),
    read: 'journal',
    says: /journal: page 2 is not a journal page/,
  },
  {
    name: 'a deflated page cut short',
    damage: async (db) => {
      const page = (await db.get('journal', 1)) as { v: 2; deflated: ArrayBuffer };
      await db.add('journal', { v: 2, deflated: page.deflated.slice(0, page.deflated.byteLength >> 1) });
    },
    read: 'journal',
    says: /journal: page 2 cannot be inflated/,
  },
  {
    name: 'a deflated page that is not JSON',
    damage: async (db) => db.add('journal', { v: 2, deflated: await deflated('{"t":') }),
    read: 'journal',
    says: /journal: page 2 is not JSON once inflated/,
  },
  {
    name: 'a deflated page without its bytes',
    damage: (db) => db.add('journal', { v: 2, deflated: 'abc' }),
    read: 'journal',
    says: /journal: page 2 is not a journal page of this version/,
  },
  {
    name: 'truncated dictionary codes',
    damage: editSnapshot((c) => void (c.dicts.author.codes = c.dicts.author.codes.subarray(0, 3))),
    read: 'snapshot',
    says: /snapshot: .*column author/,
  },
  {
    name: 'a text column shorter than the others',
    damage: editSnapshot((c) => void (c.text.created_at = 'x\ny')),
    read: 'snapshot',
    says: /created_at column length/,
  },
  {
    name: 'dictionary values that are not text',
    damage: editSnapshot((c) => void (c.dicts.license.values = [7] as unknown as string[])),
    read: 'snapshot',
    says: /column license values/,
  },
  {
    name: 'a numeric column of the wrong type',
    damage: editSnapshot((c) => void (c.downloads = Array.from(c.downloads) as unknown as Float64Array)),
    read: 'snapshot',
    says: /numeric columns/,
  },
  {
    name: 'a description that disagrees with the graph',
    damage: (db) => db.put('meta', { ...info, nodes: 3 }, 'snapshot-info'),
    read: 'snapshot',
    says: /9 models where its description says 3/,
  },
];

async function deflated(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer();
}

async function startsFresh(hub: string): Promise<void> {
  await deleteCache(hub);
  const store = await ForkscopeStore.open(cacheName(hub));
  expect(await store.loadSnapshot()).toBeNull();
  const journal = store.journal();
  expect(await journal.load()).toBeNull();
  await journal.append(PAGE, state(1));
  expect((await journal.load())?.records).toEqual(PAGE);
  store.close();
}

describe('a damaged cache', () => {
  for (const { name, damage, read, says } of DAMAGE)
    it(`${name}: a clear StoreCorruptError, then deleteCache lets a fresh crawl start`, async () => {
      const hub = freshHub();
      await seeded(hub);
      const raw = await openDB(cacheName(hub));
      await damage(raw);
      raw.close();
      const store = await ForkscopeStore.open(cacheName(hub));
      const reading = read === 'journal' ? store.journal().load() : store.loadSnapshot();
      const error = await reading.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as StoreCorruptError).message).toMatch(says);
      expect((error as StoreCorruptError).message).toMatch(/Empty the cache/);
      // The store is still open here: deleteCache closes it.
      await startsFresh(hub);
    });

  it('a database without its stores: StoreCorruptError("schema") at open, then deleteCache', async () => {
    const hub = freshHub();
    const raw = await openDB(cacheName(hub), 1, { upgrade: (db) => void db.createObjectStore('meta') });
    raw.close();
    await expect(ForkscopeStore.open(cacheName(hub))).rejects.toMatchObject({ kind: 'corrupt', part: 'schema' });
    await startsFresh(hub);
  });

  it('a database of a newer version: StoreError("newer"), and deleteCache still empties it', async () => {
    const hub = freshHub();
    await seeded(hub);
    const raw = await openDB(cacheName(hub), 5, { upgrade: (db) => void db.createObjectStore('future') });
    raw.close();
    const error = await ForkscopeStore.open(cacheName(hub)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'newer' });
    await startsFresh(hub);
  });

  it('deleteCache waits out a connection that blocks it, saying so', async () => {
    const hub = freshHub();
    await seeded(hub);
    const holder = await openDB(cacheName(hub)); // a connection that ignores versionchange
    let blocked = false;
    const deleting = deleteCache(hub, {
      onBlocked: () => {
        blocked = true;
        holder.close();
      },
    });
    await deleting;
    expect(blocked).toBe(true);
    await startsFresh(hub);
  });

  it('reads bad cached positions as none (they are laid out again)', async () => {
    const hub = freshHub();
    const store = await ForkscopeStore.open(cacheName(hub));
    await store.savePositions('k', new Float32Array([1, Number.NaN]));
    expect(await store.loadPositions('k')).toBeNull();
    const raw = await openDB(cacheName(hub));
    await raw.put('positions', { v: 1, xy: [1, 2] }, 'k');
    raw.close();
    expect(await store.loadPositions('k')).toBeNull();
    store.close();
  });
});

describe('a page and its state', () => {
  it('are saved in one transaction: a page that cannot be stored leaves the previous state', async () => {
    const store = await ForkscopeStore.open(cacheName(freshHub()));
    const journal = store.journal();
    await journal.append(PAGE, state(1));
    const unwritable = [{ t: 'looked', id: 10n }] as unknown as CrawlRecord[];
    await expect(journal.append(unwritable, state(2))).rejects.toThrow();
    const unclonableState = { ...state(3), oops: () => 1 };
    await expect(journal.append([{ t: 'looked', id: 'x/z' }], unclonableState)).rejects.toThrow();
    const loaded = await journal.load();
    expect(loaded?.state.pages).toBe(1);
    expect(loaded?.records).toEqual(PAGE);
    store.close();
  });
});
