// The banner above the graph: notices about the link, the data and the cache, with the way out of a cache that
// cannot be read ("Empty the cache and crawl again") and a Dismiss for plain notices.
interface Props {
  notices: (string | null)[];
  storeProblem: string | null;
  onEmptyCache(): void;
  onDismiss(): void;
}

export function NoticeBanner({ notices, storeProblem, onEmptyCache, onDismiss }: Props) {
  const text = notices.filter(Boolean);
  if (text.length === 0 && !storeProblem) return null;
  return (
    <div className="banner" role="alert">
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
