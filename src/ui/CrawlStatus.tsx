// The crawl's progress: models kept, requests spent, what is left and the ETA under the quota, with pause,
// resume and cancel; a Hub that fails (what is retried, when) and what the last crawl reported (malformed items,
// junk entries). Announced politely to screen readers.
import { useState } from 'react';
import { describeReport, describeRetry } from './crawlEvents.ts';
import { describeDataLoad, describeOrigin } from './dataEvents.ts';
import type { Explorer } from './useExplorer.ts';

interface Props {
  explorer: Explorer;
  hubUrl: string;
  onResume(): void;
  onRefresh(): void;
}

export function CrawlStatus({ explorer, hubUrl, onResume, onRefresh }: Props) {
  // How old published data is, counted from when the page opened.
  const [now] = useState(() => Date.now());
  const { phase, progress, message, info } = explorer;
  const crawling = phase === 'crawling';
  const total = progress ? progress.pages + progress.queue : 0;
  const report = describeReport(explorer.report);
  // [#11] A published dataset loading (in bytes), or the default one absent (said while the crawl runs).
  const load = explorer.dataLoad;
  const dataNote =
    load && (load.state === 'loading' || (load.state === 'failed' && load.quiet && crawling))
      ? describeDataLoad(load)
      : null;
  const origin = info?.dataset ? ` · ${describeOrigin(info.dataset, now)}` : '';
  return (
    <section className="crawl-status" data-testid="crawl-status" aria-live="polite" aria-label="Crawl status">
      {explorer.retry && (
        <span className="hub-problem" data-testid="hub-problem">
          {describeRetry(explorer.retry, hubUrl)}
        </span>
      )}
      {crawling && progress ? (
        <>
          <progress max={Math.max(1, total)} value={progress.pages} aria-label="Crawl progress" />
          <span>
            {progress.phase} ({progress.strategy}): {progress.models.toLocaleString('en')} models kept ·{' '}
            {progress.requests.toLocaleString('en')} requests · {progress.queue.toLocaleString('en')} to go · ETA{' '}
            {formatEta(progress.etaMs)}
            {message ? ` · ${message}` : ''}
            {dataNote ? ` · ${dataNote}` : ''}
          </span>
        </>
      ) : (
        <span>
          {dataNote && !crawling
            ? dataNote
            : phase === 'opening'
              ? 'Opening the cache…'
              : info
                ? `${info.nodes.toLocaleString('en')} models, ${info.edges.toLocaleString('en')} edges, crawled ${info.crawledAt.slice(0, 16).replace('T', ' ')} UTC${origin}`
                : crawling
                  ? 'Starting the crawl…'
                  : 'Nothing crawled yet.'}
          {message ? ` ${message}` : ''}
        </span>
      )}
      {report && !crawling && <span data-testid="crawl-report">{report}</span>}
      <span className="crawl-buttons">
        {crawling && (
          <>
            <button type="button" onClick={explorer.pause}>
              Pause
            </button>
            <button type="button" onClick={explorer.cancel}>
              Cancel
            </button>
          </>
        )}
        {(phase === 'paused' || phase === 'error') && (
          <button type="button" onClick={onResume}>
            Resume crawl
          </button>
        )}
        {phase === 'error' && (
          // A crawl that fails again on resume may be stuck on its saved journal: this starts from nothing.
          <button type="button" onClick={() => void explorer.resetCache()}>
            Empty the cache and crawl again
          </button>
        )}
        {phase === 'idle' && info && (
          <button type="button" onClick={onRefresh}>
            Refresh
          </button>
        )}
      </span>
    </section>
  );
}

function formatEta(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
