// Hub settings: the Hub URL (also `?hub=` in the address; only http(s)), the quota, and the access token,
// kept in memory unless the user asks for the tab session or, explicitly, for this browser.
export const PUBLIC_HUB = 'https://huggingface.co';
const SETTINGS_KEY = 'forkscope.settings';
const TOKEN_KEY = 'forkscope.token';

export type TokenPersistence = 'memory' | 'session' | 'local';

export interface HubSettings {
  hubUrl: string;
  quota: number;
  windowSeconds: number;
  tokenPersistence: TokenPersistence;
  /** Models on the Hub, for the sweep's cost and ETA. */
  hubSizeEstimate: number;
}

/** A Hub base URL, or null when it is not http(s) or not a URL at all. */
export function parseHubUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
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
  };
}

export function loadSettings(search: string): { settings: HubSettings; notice: string | null } {
  const settings = defaultSettings();
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<HubSettings>;
    const hub = parseHubUrl(saved.hubUrl);
    if (hub) settings.hubUrl = hub;
    if (typeof saved.quota === 'number' && saved.quota >= 1 && saved.quota <= 100_000)
      settings.quota = Math.floor(saved.quota);
    if (saved.tokenPersistence === 'session' || saved.tokenPersistence === 'local')
      settings.tokenPersistence = saved.tokenPersistence;
  } catch {
    // unreadable saved settings: defaults
  }
  const fromUrl = new URLSearchParams(search).get('hub');
  if (fromUrl === null) return { settings, notice: null };
  const hub = parseHubUrl(fromUrl);
  if (!hub) return { settings, notice: 'The link names a Hub that is not an http(s) address; it was ignored.' };
  return { settings: { ...settings, hubUrl: hub }, notice: null };
}

export function saveSettings(s: HubSettings): void {
  localStorage.setItem(
    SETTINGS_KEY,
    JSON.stringify({ hubUrl: s.hubUrl, quota: s.quota, tokenPersistence: s.tokenPersistence }),
  );
}

let memoryToken: string | null = null;

export function loadToken(persistence: TokenPersistence): string | null {
  if (memoryToken) return memoryToken;
  if (persistence === 'session') return sessionStorage.getItem(TOKEN_KEY);
  if (persistence === 'local') return localStorage.getItem(TOKEN_KEY);
  return null;
}

export function saveToken(token: string | null, persistence: TokenPersistence): void {
  memoryToken = token;
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
  if (!token) return;
  if (persistence === 'session') sessionStorage.setItem(TOKEN_KEY, token);
  if (persistence === 'local') localStorage.setItem(TOKEN_KEY, token);
}

/** A link to a model's page on the configured Hub, built so that no id can turn it into another URL. */
export function modelPageUrl(hubUrl: string, id: string): string | null {
  const hub = parseHubUrl(hubUrl);
  if (!hub || !/^[\w.-]+\/[\w.-]+$/.test(id)) return null;
  return `${hub}/${id.split('/').map(encodeURIComponent).join('/')}`;
}
