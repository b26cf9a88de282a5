// The banners above the graph: problems with the link, the data and the cache, with the way out of a cache that
// cannot be read ("Empty the cache and crawl again") and a Dismiss for plain notices; and, apart and in a quiet
// tone (a status, not an alert), notes about the view opened (./useViewNotes.ts), a snapshot opening, and what an
// action of the researcher's has done ("Link copied", "Saved the view").
import type { ViewNotes } from './useViewNotes.ts';

interface Props {
  notices: (string | null)[];
  /** Information about the view, not problems. */
  viewNotes: ViewNotes;
  storeProblem: string | null;
  done: string | null;
  /** What is being opened (a snapshot), and how far it is. */
  loading: string | null;
  onEmptyCache(): void;
  onDismiss(): void;
  onDismissDone(): void;
}

export function NoticeBanner(p: Props) {
  return (
    <>
      <Notices {...p} />
      {p.viewNotes.notes.length > 0 && (
        <p className="banner quiet" role="status" data-testid="view-notes" data-over-graph>
          {p.viewNotes.notes.join(' ')}{' '}
          <button type="button" onClick={p.viewNotes.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {p.loading && (
        <p className="banner quiet" role="status" data-testid="snapshot-progress" data-over-graph>
          {p.loading}
        </p>
      )}
      {p.done && (
        <p className="banner quiet" role="status" data-testid="done-note" data-over-graph>
          {p.done}{' '}
          <button type="button" onClick={p.onDismissDone}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}

function Notices({ notices, storeProblem, onEmptyCache, onDismiss }: Props) {
  const text = notices.filter(Boolean);
  if (text.length === 0 && !storeProblem) return null;
  return (
    <div className="banner" role="alert" data-over-graph>
      {[...text, storeProblem].filter(Boolean).join(' ')}{' '}
      {storeProblem && (
        <button type="button" onClick={onEmptyCache}>
          Empty the cache and crawl again
        </button>
      )}
      {text.length > 0 && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
