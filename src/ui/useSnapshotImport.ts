// Opening a snapshot instead of the cache: from a file the user picks, or from the `?snap=` http(s) address
// of the link the page was opened with. Bad files get a notice, never an exception.
import { useCallback, useEffect } from 'react';
import { parseSnapshot } from '../export/snapshot.ts';
import type { Explorer } from './useExplorer.ts';

export function useSnapshotImport(
  explorer: Explorer,
  linkedUrl: string | null,
  onNotice: (message: string) => void,
): (text: string, from: string) => void {
  const openSnapshot = useCallback(
    (text: string, from: string) => {
      try {
        const parsed = parseSnapshot(JSON.parse(text));
        if (parsed.ok) return explorer.importSnapshot(parsed.snapshot);
        onNotice(`${from} is not a Forkscope snapshot: ${parsed.error}`);
      } catch {
        onNotice(`${from} is not JSON.`);
      }
    },
    [explorer, onNotice],
  );
  useEffect(() => {
    if (!linkedUrl) return;
    void fetch(linkedUrl, { credentials: 'omit' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => openSnapshot(text, 'The linked snapshot'))
      .catch((e: unknown) => onNotice(`The linked snapshot could not be fetched (${(e as Error).message}).`));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return openSnapshot;
}
