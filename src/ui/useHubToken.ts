// The access token the app may send, bound to the Hub it was entered for. A token saved for another Hub than
// the one in use (a link naming another Hub, say) is withheld until the researcher answers the question that
// TokenQuestion shows; the answer holds for this page and this Hub only, and the saved binding is not changed.
import { useCallback, useState } from 'react';
import { loadToken, saveToken, tokenFor, type BoundToken, type TokenPersistence } from './settings.ts';

export interface HubToken {
  /** The token to send to the Hub in use, or null. */
  token: string | null;
  /** A token saved for another Hub, while the app waits for the researcher's answer. */
  asking: BoundToken | null;
  answer(send: boolean): void;
  /** Stores a token entered in the settings for `hub` (or forgets it). */
  save(token: string | null, hub: string, persistence: TokenPersistence): void;
}

export function useHubToken(hubUrl: string, persistence: TokenPersistence, savedHub: string): HubToken {
  const [saved, setSaved] = useState<BoundToken | null>(() => loadToken(persistence, savedHub));
  // The Hub the researcher agreed to send the other Hub's token to, or declined to.
  const [answered, setAnswered] = useState<{ hub: string; send: boolean } | null>(null);
  const bound = tokenFor(saved, hubUrl);
  const decided = answered?.hub === hubUrl ? answered : null;
  const token = bound.token ?? (decided?.send && bound.other ? bound.other.token : null);
  const asking = bound.other && !decided ? bound.other : null;
  const answer = useCallback((send: boolean) => setAnswered({ hub: hubUrl, send }), [hubUrl]);
  const save = useCallback((t: string | null, hub: string, p: TokenPersistence) => {
    const next = t ? { hub, token: t } : null;
    saveToken(next, p);
    setSaved(next);
    setAnswered(null);
  }, []);
  return { token, asking, answer, save };
}
