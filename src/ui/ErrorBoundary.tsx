// The top-level error boundary: if rendering throws (data in the cache that breaks a panel, say), the app shows
// what went wrong and the way out that always works: delete the cache of the Hub in use and reload, which opens
// an empty cache and starts a crawl. It never shows a blank page.
import { Component, type ReactNode } from 'react';
import { deleteCache } from '../store/db.ts';

interface Props {
  /** The Hub in use when the error happened (its cache is the one emptied). */
  hubUrl(): string;
  children: ReactNode;
}

interface State {
  error: string | null;
  status: string | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, status: null };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  private emptyCache = (): void => {
    this.setState({ status: 'Emptying the cache…' });
    deleteCache(this.props.hubUrl(), {
      onBlocked: () => this.setState({ status: 'Another Forkscope tab keeps the cache open: close it to go on.' }),
    }).then(
      () => window.location.reload(),
      (e: unknown) => this.setState({ status: (e as Error).message }),
    );
  };

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="crash" role="alert" data-testid="crash">
        <h1>Forkscope stopped</h1>
        <p>Something in the data or the app broke this page: {this.state.error.slice(0, 500)}</p>
        <p>
          If it happens again after a reload, the cached data is the likely cause. Emptying the cache deletes what was
          crawled from this Hub ({this.props.hubUrl()}) in this browser and crawls it again.
        </p>
        <p>
          <button type="button" onClick={this.emptyCache}>
            Empty the cache and crawl again
          </button>{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
        {this.state.status && <p role="status">{this.state.status}</p>}
      </main>
    );
  }
}
