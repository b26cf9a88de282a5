// How the store writes: every write is one transaction whose requests all land or none does, and a full disk is
// said in words a researcher can act on.
import { StoreError } from './errors.ts';

/** Issues a transaction's requests and waits for its completion; if any request fails (or cannot even be
 * issued, like a value that cannot be cloned), the whole transaction is aborted, so nothing of it is kept: a
 * transaction left alone would commit the requests that succeeded. */
export async function atomically(
  tx: { done: Promise<void>; abort(): void },
  requests: readonly (() => Promise<unknown>)[],
): Promise<void> {
  const issued: Promise<unknown>[] = [tx.done];
  for (const p of issued) p.catch(() => undefined); // failures are reported through the await below
  try {
    for (const request of requests) {
      const p = request();
      p.catch(() => undefined);
      issued.push(p);
    }
    await Promise.all(issued);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw e;
  }
}

/** Runs a write; a full disk (the storage quota) becomes a StoreError that says what to do. */
export async function guard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError')
      throw new StoreError(
        'quota',
        'The browser refused to store more (storage quota). What is crawled stays on screen; free some space or export a snapshot.',
      );
    throw e;
  }
}
