// Opening a snapshot instead of the cache: from a file the user picks, or from the `snap=` http(s) address of
// the link the page was opened with. Reading, parsing and checking run in a worker that reports the bytes read
// (shown as progress); bad files get a notice, never an exception. Each read has one worker
// (ui/session/worker-owner.ts), ended with it.
import { useCallback, useEffect, useState } from 'react';
import { decodeLineage } from '../lineage/columnar.ts';
import type { SnapshotEvent, SnapshotRequest } from '../workers/protocol.ts';
import type { Explorer, SnapshotMeta } from './useExplorer.ts';
import { WorkerOwner } from './session/worker-owner.ts';

export interface SnapshotLoading {
  bytes: number;
  total: number | null;
}

export function useSnapshotImport(
  explorer: Explorer,
  linkedUrl: string | null,
  onNotice: (message: string) => void,
  onImported: (meta: SnapshotMeta) => void,
): { open(file: File): void; loading: SnapshotLoading | null } {
  const [loading, setLoading] = useState<SnapshotLoading | null>(linkedUrl ? { bytes: 0, total: null } : null);
  const { importSnapshot } = explorer;
  const read = useCallback(
    (req: SnapshotRequest) => {
      const owner = new WorkerOwner<SnapshotRequest, SnapshotEvent>(
        () => new Worker(new URL('../workers/snapshot.worker.ts', import.meta.url), { type: 'module' }),
        {
          message: (ev) => {
            if (ev.type === 'progress') return setLoading({ bytes: ev.bytes, total: ev.total });
            owner.end();
            setLoading(null);
            if (ev.type === 'error') return onNotice(ev.message);
            importSnapshot(decodeLineage(ev.lineage), ev.meta);
            onImported(ev.meta);
          },
          failed: (reason) => (setLoading(null), onNotice(`The snapshot could not be read (${reason}).`)),
        },
      );
      owner.post(req);
    },
    [importSnapshot, onNotice, onImported],
  );
  useEffect(() => {
    if (linkedUrl) read({ type: 'url', url: linkedUrl });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const open = useCallback(
    (file: File) => {
      setLoading({ bytes: 0, total: file.size });
      read({ type: 'file', file });
    },
    [read],
  );
  return { open, loading };
}

/** "12.3 MB of 80.0 MB" */
export function describeLoading(l: SnapshotLoading): string {
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  return `Reading the snapshot: ${mb(l.bytes)}${l.total ? ` of ${mb(l.total)}` : ''}…`;
}
