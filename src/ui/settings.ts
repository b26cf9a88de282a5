// Hub settings: the Hub URL (also `hub=` in a link; only http(s)), the quota, and the access token, kept in
// memory unless the user asks for the tab session or, explicitly, for this browser. A token is stored with the
// Hub it was entered for and is handed out only for that Hub: a link naming another Hub never carries it there
// (App asks first). Everything read back from storage goes through a parser; bad or old records give defaults.
import { parseHubUrl } from '../view/link-rules.ts';
import { parseDataRef } from '../lineage/data-ref.ts';
import { DEFAULT_DATASET } from '../snapshot/default.ts';

export { parseHubUrl } from '../view/link-rules.ts';
export const PUBLIC_HUB = 'https://huggingface.co';
const SETTINGS_KEY = 'forkscope.settings';
const TOKEN_KEY = 'forkscope.token';
/** Longest access token accepted (Hub tokens are about 40 characters). */
export const MAX_TOKEN = 512;

export type TokenPersistence = 'memory' | 'session' | 'local';

export interface HubSettings {
  hubUrl: string;
  quota: number;
  windowSeconds: number;
  tokenPersistence: TokenPersistence;
  /** Models on the Hub, for the sweep's cost and ETA. */
  hubSizeEstimate: number;
  /** [#11] The published lineage dataset (OWNER/NAME) a first visit opens; '' to always crawl. */
  dataset: string;
}

/** A dataset setting: OWNER/NAME (no revision: the settings follow the newest), or '' for none. */
export function isDatasetSetting(s: string): boolean {
  return s === '' || (parseDataRef(s) !== null && !s.includes('@'));
}

/** A token and the Hub (origin) it was entered for. */
export interface BoundToken {
  hub: string;
  token: string;
}

/** Whether a text is shaped like a Hub access token, within the length bound. */
export function isTokenText(s: string): boolean {
  return s.length <= MAX_TOKEN && /^hf_[A-Za-z0-9]+$/.test(s);
}

export function defaultSettings(): HubSettings {
  const envHub = parseHubUrl(import.meta.env.VITE_HUB_URL as string | undefined);
  const envSize = Number(import.meta.env.VITE_HUB_SIZE);
  return {
    hubUrl: envHub ?? PUBLIC_HUB,
    quota: 500,
    windowSeconds: 300,
    tokenPersistence: 'memory',
    hubSizeEstimate: envSize > 0 ? envSize : 3_200_000,
    dataset: DEFAULT_DATASET,
  };
}

/** Saved settings over the defaults; anything unreadable or out of range keeps its default. */
export function parseSavedSettings(raw: string | null, defaults: HubSettings): HubSettings {
  const settings = { ...defaults };
  let saved: unknown;
  try {
    saved = JSON.parse(raw ?? '{}');
  } catch {
    return settings;
  }
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return settings;
  const s = saved as Record<string, unknown>;
  const hub = typeof s.hubUrl === 'string' ? parseHubUrl(s.hubUrl) : null;
  if (hub) settings.hubUrl = hub;
  if (typeof s.quota === 'number' && s.quota >= 1 && s.quota <= 100_000) settings.quota = Math.floor(s.quota);
  if (s.tokenPersistence === 'session' || s.tokenPersistence === 'local')
    settings.tokenPersistence = s.tokenPersistence;
  if (typeof s.dataset === 'string' && isDatasetSetting(s.dataset.trim())) settings.dataset = s.dataset.trim();
  return settings;
}

/** A stored token: `{v:1, hub, token}`; a bare token saved by an older version is bound to `legacyHub`, the Hub
 * the saved settings named when it was stored. Anything else is no token. */
export function parseSavedToken(raw: string | null, legacyHub: string): BoundToken | null {
  if (!raw) return null;
  if (isTokenText(raw.trim())) return { hub: legacyHub, token: raw.trim() };
  try {
    const t = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof t !== 'object' || t === null || t.v !== 1) return null;
    const hub = typeof t.hub === 'string' ? parseHubUrl(t.hub) : null;
    if (!hub || typeof t.token !== 'string' || !isTokenText(t.token)) return null;
    return { hub, token: t.token };
  } catch {
    return null;
  }
}

/** The token to send to `hub`: only the one bound to it. `other` is a token bound to another Hub (to ask about). */
export function tokenFor(saved: BoundToken | null, hub: string): { token: string | null; other: BoundToken | null } {
  if (!saved) return { token: null, other: null };
  return saved.hub === parseHubUrl(hub) ? { token: saved.token, other: null } : { token: null, other: saved };
}

/** The settings in use: saved ones (or defaults), then the link's Hub. `savedHub` is the Hub before the link. */
export function loadSettings(linkHub: string | null): { settings: HubSettings; savedHub: string } {
  const settings = parseSavedSettings(readStorage(localStorage, SETTINGS_KEY), defaultSettings());
  return { settings: linkHub ? { ...settings, hubUrl: linkHub } : settings, savedHub: settings.hubUrl };
}

export function saveSettings(s: HubSettings): void {
  localStorage.setItem(
    SETTINGS_KEY,
    JSON.stringify({
      v: 1,
      hubUrl: s.hubUrl,
      quota: s.quota,
      tokenPersistence: s.tokenPersistence,
      dataset: s.dataset,
    }),
  );
}

let memoryToken: BoundToken | null = null;

export function loadToken(persistence: TokenPersistence, savedHub: string): BoundToken | null {
  if (memoryToken) return memoryToken;
  if (persistence === 'session') return parseSavedToken(readStorage(sessionStorage, TOKEN_KEY), savedHub);
  if (persistence === 'local') return parseSavedToken(readStorage(localStorage, TOKEN_KEY), savedHub);
  return null;
}

export function saveToken(token: BoundToken | null, persistence: TokenPersistence): void {
  memoryToken = token;
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
  if (!token) return;
  const record = JSON.stringify({ v: 1, hub: token.hub, token: token.token });
  if (persistence === 'session') sessionStorage.setItem(TOKEN_KEY, record);
  if (persistence === 'local') localStorage.setItem(TOKEN_KEY, record);
}

function readStorage(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** A link to a model's page on the configured Hub, built so that no id can turn it into another URL. */
export function modelPageUrl(hubUrl: string, id: string): string | null {
  const hub = parseHubUrl(hubUrl);
  if (!hub || !/^[\w.-]+\/[\w.-]+$/.test(id)) return null;
  return `${hub}/${id.split('/').map(encodeURIComponent).join('/')}`;
}
