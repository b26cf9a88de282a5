// The store's typed errors: what the app can say about its cache, and offer (empty it, free space, reload).
export type StoreErrorKind = 'quota' | 'corrupt' | 'blocked' | 'unavailable' | 'newer';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** What part of the cache is damaged. */
export type CorruptPart = 'schema' | 'state' | 'journal' | 'snapshot';

/** A cache record that is not what this version wrote: the way out is deleteCache(), then a fresh crawl. */
export class StoreCorruptError extends StoreError {
  constructor(
    readonly part: CorruptPart,
    readonly reason: string,
  ) {
    super('corrupt', `The browser cache is damaged (${part}: ${reason}). Empty the cache to crawl again.`);
  }
}
