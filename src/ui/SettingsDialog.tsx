// Hub settings: the Hub URL, an optional access token (kept in memory unless the user chooses otherwise; never
// put in a URL; bound to the Hub it is saved with) and the request quota. Inputs are bounded, with a message.
import { useState } from 'react';
import {
  isDatasetSetting,
  isTokenText,
  MAX_TOKEN,
  parseHubUrl,
  type HubSettings,
  type TokenPersistence,
} from './settings.ts';

interface Props {
  settings: HubSettings;
  token: string | null;
  onSave(s: HubSettings, token: string | null): void;
  onClose(): void;
}

export function SettingsDialog({ settings, token, onSave, onClose }: Props) {
  const [hub, setHub] = useState(settings.hubUrl);
  const [quota, setQuota] = useState(String(settings.quota));
  const [dataset, setDataset] = useState(settings.dataset);
  const [tok, setTok] = useState(token ?? '');
  const [persist, setPersist] = useState<TokenPersistence>(settings.tokenPersistence);
  const [problem, setProblem] = useState<string | null>(null);
  const save = (): void => {
    const hubUrl = parseHubUrl(hub);
    const q = Number(quota);
    if (!hubUrl) return setProblem('The Hub URL must be an http(s) address.');
    if (!Number.isInteger(q) || q < 1 || q > 100_000)
      return setProblem('The quota is a whole number of requests per 5 minutes.');
    if (tok.trim().length > MAX_TOKEN)
      return setProblem(`An access token has at most ${MAX_TOKEN} characters; this one is longer.`);
    if (tok && !isTokenText(tok.trim())) return setProblem('An access token starts with hf_.');
    if (!isDatasetSetting(dataset.trim()))
      return setProblem('The lineage dataset is OWNER/NAME (a dataset repo on the Hub), or empty to always crawl.');
    onSave({ ...settings, hubUrl, quota: q, tokenPersistence: persist, dataset: dataset.trim() }, tok.trim() || null);
  };
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-h"
        onSubmit={(e) => (e.preventDefault(), save())}
      >
        <h2 id="settings-h">Hub settings</h2>
        <label>
          Hub URL <input value={hub} onChange={(e) => setHub(e.target.value)} data-testid="settings-hub" autoFocus />
        </label>
        <label>
          Lineage dataset{' '}
          <input
            value={dataset}
            placeholder="empty: always crawl"
            onChange={(e) => setDataset(e.target.value)}
            data-testid="settings-dataset"
          />
        </label>
        <p className="note">
          A first visit opens this published lineage snapshot (OWNER/NAME, a dataset on the Hub above), then asks the
          Hub only for what is newer.
        </p>
        <label>
          Requests per 5 minutes <input type="number" value={quota} onChange={(e) => setQuota(e.target.value)} />
        </label>
        <label>
          Access token (optional){' '}
          <input
            type="password"
            autoComplete="off"
            value={tok}
            maxLength={MAX_TOKEN + 1}
            onChange={(e) => setTok(e.target.value)}
            data-testid="settings-token"
          />
        </label>
        {tok.trim() && (
          <p className="note">
            The token is saved for {parseHubUrl(hub) ?? 'the Hub above'} and sent to that Hub only.
          </p>
        )}
        <label>
          Keep the token{' '}
          <select
            value={persist}
            data-testid="settings-persist"
            onChange={(e) => setPersist(e.target.value as TokenPersistence)}
          >
            <option value="memory">only while this page is open</option>
            <option value="session">for this tab session</option>
            <option value="local">on this browser (it stays on disk)</option>
          </select>
        </label>
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit">Save</button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
