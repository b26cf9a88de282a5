// Reading a dataset repo's files over plain HTTP, through a fetch the caller passes (the app's throttled fetch):
// the commit a revision names (`/api/datasets/{repo}/revision/{rev}` → `sha`), then files at that commit
// (`/datasets/{repo}/resolve/{oid}/{path}`, which the Hub redirects to its CDN), counted in bytes as they arrive.
// Every refusal becomes a DatasetReadError whose kind a reader can act on.

export type DatasetProblem = 'missing' | 'private' | 'malformed' | 'unreachable';

export class DatasetReadError extends Error {
  constructor(
    readonly kind: DatasetProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DatasetReadError';
  }
}

export interface DatasetSource {
  hubUrl: string;
  /** `owner/name`. */
  repo: string;
  fetch: typeof fetch;
  /** Sent to the Hub only (fetch drops it on the redirect to another origin). */
  accessToken?: string;
}

const REPO = /^[\w.-]+\/[\w.-]+$/;
const REV = /^[\w.-]+$/;

function base(s: DatasetSource): string {
  if (!REPO.test(s.repo) || s.repo.includes('..'))
    throw new DatasetReadError('malformed', `"${s.repo}" is not a dataset name (owner/name)`);
  return s.hubUrl.replace(/\/+$/, '');
}

async function get(s: DatasetSource, url: string, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await s.fetch(url, s.accessToken ? { headers: { Authorization: `Bearer ${s.accessToken}` } } : {});
  } catch (e) {
    throw new DatasetReadError('unreachable', `${what}: the Hub cannot be reached (${(e as Error).message})`);
  }
  if (res.ok) return res;
  const code = res.headers.get('X-Error-Code') ?? '';
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 401 || res.status === 403)
    throw new DatasetReadError(
      'private',
      `${what}: datasets/${s.repo} is private, gated or does not exist (${res.status}${s.accessToken ? '' : '; a token may open it'})`,
      res.status,
    );
  if (res.status === 404) {
    const why =
      code === 'RevisionNotFound' ? 'no such revision' : code === 'EntryNotFound' ? 'no such file' : 'no such dataset';
    throw new DatasetReadError('missing', `${what}: ${why} (datasets/${s.repo})`, 404);
  }
  throw new DatasetReadError('unreachable', `${what}: the Hub answered ${res.status}`, res.status);
}

/** The commit oid a revision (branch, tag or oid) names today. */
export async function datasetRevision(s: DatasetSource, revision: string): Promise<string> {
  if (!REV.test(revision)) throw new DatasetReadError('malformed', `"${revision}" is not a revision`);
  const url = `${base(s)}/api/datasets/${s.repo}/revision/${encodeURIComponent(revision)}`;
  const res = await get(s, url, `revision ${revision}`);
  const info: unknown = await res.json().catch(() => null);
  const sha = typeof info === 'object' && info !== null ? (info as { sha?: unknown }).sha : undefined;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
    throw new DatasetReadError('malformed', `revision ${revision}: the Hub's answer names no commit`);
  return sha;
}

/** The bytes of one file at a commit; `onBytes` hears each chunk's size as it arrives. */
export async function datasetFile(
  s: DatasetSource,
  commit: string,
  path: string,
  onBytes?: (bytes: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  if (path.split('/').some((seg) => seg === '..' || seg === ''))
    throw new DatasetReadError('malformed', `"${path}" is not a file path`);
  const url = `${base(s)}/datasets/${s.repo}/resolve/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
  const res = await get(s, url, path);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (!res.body) throw new Error('no body');
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      total += r.value.length;
      onBytes?.(r.value.length);
    }
  } catch (e) {
    throw new DatasetReadError('unreachable', `${path}: the download broke off (${(e as Error).message})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
