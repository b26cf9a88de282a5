// The banners above the graph: problems with the link, the data and the cache, with the way out of a cache that
// cannot be read ("Empty the cache and crawl again") and a Dismiss for plain notices; and, apart and in a quiet
// tone (a status, not an alert), notes about the view opened (./useViewNotes.ts) and what an action of the
// researcher's has done ("Link copied", "Saved the view").
interface Props {
  notices: (string | null)[];
  /** Information about the view, not problems. */
  notes: readonly string[];
  storeProblem: string | null;
  done: string | null;
  onEmptyCache(): void;
  onDismiss(): void;
  onDismissNotes(): void;
  onDismissDone(): void;
}

export function NoticeBanner(p: Props) {
  return (
    <>
      <Notices {...p} />
      {p.notes.length > 0 && (
        <p className="banner quiet" role="status" data-testid="view-notes" data-over-graph>
          {p.notes.join(' ')}{' '}
          <button type="button" onClick={p.onDismissNotes}>
            Dismiss
          </button>
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
