// Deleting a whole cache database: the way out of a cache that cannot be read or opened at all (corrupt
// records, or a database a newer Forkscope upgraded), where emptying its stores through an open connection is
// impossible. (A store-level deleteCache may replace this; the app calls it through this one function.)
import { deleteDB } from 'idb';
import { StoreError } from './db.ts';

/** Deletes the named cache. `onBlocked`: another tab keeps it open, and the deletion waits for that tab. */
export async function deleteCache(name: string, onBlocked?: () => void): Promise<void> {
  try {
    await deleteDB(name, { blocked: () => onBlocked?.() });
  } catch (e) {
    throw new StoreError('unavailable', `The browser cache (IndexedDB) could not be deleted: ${(e as Error).message}`);
  }
}
