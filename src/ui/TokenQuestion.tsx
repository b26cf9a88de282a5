// The question asked before a token goes to a Hub other than the one it was entered for: an in-page dialog
// (never window.confirm), whose safe answer, crawling without the token, has the focus.
import type { BoundToken } from './settings.ts';

interface Props {
  saved: BoundToken;
  hubUrl: string;
  onAnswer(send: boolean): void;
}

export function TokenQuestion({ saved, hubUrl, onAnswer }: Props) {
  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="token-q-h"
        aria-describedby="token-q-p"
        data-testid="token-question"
      >
        <h2 id="token-q-h">Send your access token to another Hub?</h2>
        <p id="token-q-p">
          Your access token was saved for <strong>{saved.hub}</strong>. This page uses the Hub at{' '}
          <strong>{hubUrl}</strong>. Send the token there only if you trust that address; without it the crawl goes on
          anonymously.
        </p>
        <div className="actions">
          <button type="button" onClick={() => onAnswer(false)} autoFocus>
            Crawl without the token
          </button>
          <button type="button" onClick={() => onAnswer(true)}>
            Send the token to {hubUrl}
          </button>
        </div>
      </div>
    </div>
  );
}
