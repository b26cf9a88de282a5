// Opening a published lineage dataset, as the page sees it (#11): what each of the crawl worker's data events
// changes in the explorer's state, and the words the status uses for the loading, for a dataset that could not be
// opened, for how old the published data is and for what a refresh added.
import { formatDataRef, shortRevision, type DataRef } from '../lineage/data-ref.ts';
import type { DataOrigin, SnapshotInfo } from '../store/db.ts';
import type { DataEvent } from '../workers/protocol.ts';

export type DataLoad =
  | { state: 'loading'; ref: DataRef; phase: 'resolving' | 'downloading' | 'decoding'; loaded: number; total: number }
  | { state: 'failed'; ref: DataRef; kind: string; message: string; quiet: boolean }
  | { state: 'loaded'; ref: DataRef; refreshing: boolean };

/** The load's state after an event; `quietMissing`: the dataset is the default one, whose absence is no problem. */
export function dataLoadAfter(ev: DataEvent, ref: DataRef, quietMissing: boolean): DataLoad {
  switch (ev.type) {
    case 'data-progress':
      return { state: 'loading', ref, phase: ev.phase, loaded: ev.loaded, total: ev.total };
    case 'data-loaded':
      return { state: 'loaded', ref, refreshing: ev.refreshing };
    case 'data-failed': {
      const quiet = quietMissing && (ev.kind === 'missing' || ev.kind === 'private');
      return { state: 'failed', ref, kind: ev.kind, message: ev.message, quiet };
    }
  }
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** "Loading the published lineage data forkscope/lineage: 2.1 MB of 8.6 MB…" */
export function describeDataLoad(d: DataLoad): string {
  const name = formatDataRef(d.ref);
  if (d.state === 'loading')
    return d.phase === 'downloading'
      ? `Loading the published lineage data ${name}: ${mb(d.loaded)} of ${mb(d.total)}…`
      : d.phase === 'decoding'
        ? `Reading the published lineage data ${name} (${mb(d.total)})…`
        : `Looking up the published lineage data ${name}…`;
  if (d.state === 'failed')
    return d.quiet
      ? `No public lineage dataset ${name} on this Hub: crawling instead.`
      : `The lineage dataset ${name} could not be opened (${d.message}); crawling instead.`;
  return d.refreshing ? `Published data ${name} loaded; asking the Hub what is new since…` : '';
}

/** "3 days", "5 hours": how long before `now` a time was. */
export function ageOf(iso: string, now: number): string {
  const hours = Math.max(0, (now - Date.parse(iso)) / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}

/** "published data forkscope/lineage@abc1234, 3 days old (the Hub up to 2026-11-28 10:00 UTC)" */
export function describeOrigin(d: DataOrigin, now: number): string {
  return `published data ${d.repo}@${shortRevision(d.revision)}, ${ageOf(d.watermark, now)} old (the Hub up to ${utc(d.watermark)})`;
}

/** "1 model", "2,048 models". */
const n = (k: number, what: string): string => `${k.toLocaleString('en')} ${what}${k === 1 ? '' : 's'}`;

/** What a finished refresh of published data says (the status beside it says how old the snapshot is). */
export function describeDataRefresh(info: SnapshotInfo, before: number, requests: number): string {
  const added = info.nodes - before;
  return `The refresh added ${n(added, 'model')} in ${n(requests, 'request')}.`;
}

/** What "Copy link" says. A link pins the published revision the data came from (usePermalink.ts): a browser without
 * this cache opens the view on that revision, so the link cannot promise the models refreshes have changed since. */
export function describeCopiedLink(info: SnapshotInfo | null): string {
  const d = info?.dataset;
  if (!d || info.nodes === d.nodes) return 'Link copied: it reopens this exact view.';
  const changes =
    info.nodes > d.nodes
      ? `the ${n(info.nodes - d.nodes, 'model')} this cache's refreshes added`
      : "what this cache's refreshes changed";
  return `Link copied: it reopens this view. A browser without this cache opens it on the published data ${d.repo}@${shortRevision(d.revision)}, without ${changes}.`;
}
