// The crawl's progress: models kept, requests spent, what is left and the ETA under the quota, with pause,
// resume and cancel; Refresh, and Full refresh after a confirmation of what it costs; a Hub that fails (what is
// retried, when) and what the last crawl reported (malformed items, junk entries, deletions); a published dataset
// loading, and how old the published data shown is. Announced politely to screen readers. It keeps one line's room
// at the foot of the page and grows upwards over the graph when it needs more, so what it says never resizes the
// graph (at 300,000 models a resize is a whole new picture); what it covers then is said to the page's CSS as
// --status-over, so the graph's controls along its foot (time slider, read-out, Fit view) rise above it.
import { useEffect, useRef, useState } from 'react';
import { describeReport, describeRetry, isRetryProblem, utcMinute } from './crawlEvents.ts';
import { describeDataLoad, describeOrigin } from './dataEvents.ts';
import type { HubSettings } from './settings.ts';
import type { Explorer } from './useExplorer.ts';

interface Props {
  explorer: Explorer;
  hubUrl: string;
  /** What a full sweep costs: the Hub's size (1,000 models a request) under the quota. */
  sweep: Pick<HubSettings, 'hubSizeEstimate' | 'quota' | 'windowSeconds'>;
  onResume(): void;
  onRefresh(): void;
  onFullRefresh(): void;
}

export function CrawlStatus({ explorer, hubUrl, sweep, onResume, onRefresh, onFullRefresh }: Props) {
  const { phase, progress, message, info } = explorer;
  const [confirming, setConfirming] = useState(false);
  // How old published data is, counted from when the page opened.
  const [now] = useState(() => Date.now());
  const crawling = phase === 'crawling';
  // Not under an imported snapshot: a refresh would crawl the cache behind it, with nothing to see.
  const canRefresh = phase === 'idle' && info !== null && !explorer.imported;
  const total = progress ? progress.pages + progress.queue : 0;
  const report = describeReport(explorer.report);
  // [#11] A published dataset loading (in bytes), or the default one absent (said while the crawl runs).
  const load = explorer.dataLoad;
  const dataNote =
    load && (load.state === 'loading' || (load.state === 'failed' && load.quiet && crawling))
      ? describeDataLoad(load)
      : null;
  const origin = info?.dataset ? ` · ${describeOrigin(info.dataset, now)}` : '';
  const section = useRef<HTMLElement>(null);
  useHeightOverRoom(section);
  return (
    <div className="crawl-status-room">
      <section
        ref={section}
        className="crawl-status"
        data-testid="crawl-status"
        data-over-graph
        aria-live="polite"
        aria-label="Crawl status"
      >
        {explorer.retry && (
          <span className={isRetryProblem(explorer.retry) ? 'hub-problem' : 'hub-notice'} data-testid="hub-problem">
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
          // One paragraph with what the last crawl reported: side by side, the two wrapped into narrow columns.
          <span className="crawl-words">
            {withMessage(
              dataNote && !crawling
                ? dataNote
                : phase === 'opening'
                  ? 'Opening the cache…'
                  : info
                    ? `${info.nodes.toLocaleString('en')} models, ${info.edges.toLocaleString('en')} edges, crawled ${utcMinute(info.crawledAt)} UTC${origin}`
                    : crawling
                      ? 'Starting the crawl…'
                      : 'Nothing crawled yet.',
              message,
            )}
            {/* The cache's last crawl, not the snapshot shown. */}
            {report && !crawling && !explorer.imported && (
              <>
                {' · '}
                <span data-testid="crawl-report">{report}</span>
              </>
            )}
          </span>
        )}
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
          {canRefresh && (
            <>
              <button type="button" onClick={onRefresh}>
                Refresh
              </button>
              <button type="button" onClick={() => setConfirming(true)} aria-expanded={confirming}>
                Full refresh
              </button>
            </>
          )}
        </span>
        {confirming && canRefresh && (
          <FullRefreshQuestion
            sweep={sweep}
            onAnswer={(go) => {
              setConfirming(false);
              if (go) onFullRefresh();
            }}
          />
        )}
      </section>
    </div>
  );
}

/** Sets --status-over on the app's root to how far the status rises above its one line's room (0 on one line). */
function useHeightOverRoom(section: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const status = section.current;
    const room = status?.parentElement;
    const root = status?.closest<HTMLElement>('.app');
    if (!status || !room || !root) return;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--status-over', `${Math.max(0, status.offsetHeight - room.offsetHeight)}px`),
    );
    observer.observe(status);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--status-over');
    };
  }, [section]);
}

function FullRefreshQuestion({ sweep, onAnswer }: { sweep: Props['sweep']; onAnswer(go: boolean): void }) {
  const requests = Math.ceil(sweep.hubSizeEstimate / 1000);
  // Under the quota (less the throttle's 2% margin), all but the last window are waited out.
  const windows = Math.ceil(requests / Math.max(1, Math.floor(sweep.quota * 0.98))) - 1;
  const time = windows > 0 ? `about ${formatEta(windows * sweep.windowSeconds * 1000)}` : 'within one quota window';
  return (
    <div role="alertdialog" aria-label="Full refresh" className="full-refresh-question" data-testid="full-refresh">
      <p>
        A full refresh sweeps the whole Hub again: about {requests.toLocaleString('en')} requests ({time} under the
        quota of {sweep.quota.toLocaleString('en')} per {formatEta(sweep.windowSeconds * 1000)}). It removes from the
        families the models the Hub no longer lists, which a Refresh cannot see.
      </p>
      <button type="button" onClick={() => onAnswer(true)}>
        Sweep the whole Hub
      </button>{' '}
      <button type="button" onClick={() => onAnswer(false)}>
        Not now
      </button>
    </div>
  );
}

function formatEta(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The state, then the latest message: after a sentence, or else after a dot that ends the state's figures. */
function withMessage(state: string, message: string | null | undefined): string {
  if (!message) return state;
  return /[.…]$/.test(state) ? `${state} ${message}` : `${state} · ${message}`;
}
