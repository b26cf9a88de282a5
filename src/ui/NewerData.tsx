// The offer of newer published lineage data (#11): the dataset's newest snapshot is newer than the one shown (the
// cache's, or a link's pinned revision). Taking it loads it as the cache and refreshes it; nothing happens unasked.
import type { NewerSnapshot } from '../snapshot/load.ts';

interface Props {
  newer: NewerSnapshot & { repo: string };
  onTake(): void;
}

export function NewerData({ newer, onTake }: Props) {
  const when = `${newer.watermark.slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <p className="banner" role="status" data-testid="newer-data" data-over-graph>
      Newer published data exists: {newer.repo} has a snapshot of the Hub up to {when}.{' '}
      <button type="button" onClick={onTake}>
        Load the newer data
      </button>
    </p>
  );
}
