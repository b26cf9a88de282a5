// Writing a lineage dataset on the Hub through @huggingface/hub's own functions: repoExists and createRepo (a
// dataset repo, created when absent), listCommits (the head a new commit must follow, and the history), and
// commit (one commit for all the files of a publication; big files go through LFS as the package decides).
// The token goes to the configured Hub only, in the Authorization header the package sends.
import { commit, createRepo, HubApiError, listCommits, repoExists } from '@huggingface/hub';

export interface DatasetAccess {
  hubUrl: string;
  /** `owner/name` of the dataset repo. */
  repo: string;
  accessToken?: string;
  fetch?: typeof fetch;
}

export interface DatasetCommitInfo {
  oid: string;
  title: string;
  date: string;
}

/** A write the Hub refused, with its status (401 no or bad token, 403 no rights, 409, 412 a commit raced us). */
export class DatasetWriteError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'DatasetWriteError';
  }
}

const designation = (a: DatasetAccess): { type: 'dataset'; name: string } => ({ type: 'dataset', name: a.repo });

function common(a: DatasetAccess): { hubUrl: string; fetch?: typeof fetch } {
  return { hubUrl: a.hubUrl, ...(a.fetch ? { fetch: a.fetch } : {}) };
}

async function hubCall<T>(what: string, a: DatasetAccess, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof HubApiError)
      throw new DatasetWriteError(
        `${what} datasets/${a.repo} on ${a.hubUrl}: ${e.statusCode} ${e.message}`,
        e.statusCode,
      );
    throw e;
  }
}

/** Creates the dataset repo when it does not exist yet; true when it was created. */
export async function ensureDataset(a: DatasetAccess, options: { private?: boolean } = {}): Promise<boolean> {
  const credentials = a.accessToken ? { accessToken: a.accessToken } : {};
  if (await hubCall('reading', a, () => repoExists({ repo: designation(a), ...credentials, ...common(a) })))
    return false;
  if (!a.accessToken) throw new DatasetWriteError(`creating datasets/${a.repo} needs a token`, 401);
  await hubCall('creating', a, () =>
    createRepo({
      repo: designation(a),
      accessToken: a.accessToken as `hf_${string}`,
      ...(options.private !== undefined ? { private: options.private } : {}),
      ...common(a),
    }),
  );
  return true;
}

/** The newest commits of `main`, newest first. */
export async function datasetCommits(a: DatasetAccess, limit = 20): Promise<DatasetCommitInfo[]> {
  const out: DatasetCommitInfo[] = [];
  await hubCall('listing commits of', a, async () => {
    for await (const c of listCommits({
      repo: designation(a),
      batchSize: Math.min(limit, 100),
      ...(a.accessToken ? { accessToken: a.accessToken } : {}),
      ...common(a),
    })) {
      out.push({ oid: c.oid, title: c.title, date: c.date.toISOString() });
      if (out.length >= limit) break;
    }
  });
  return out;
}

/** Adds or replaces the files in one commit on `main`, on top of `parentCommit` when given; returns its oid. */
export async function commitFiles(
  a: DatasetAccess,
  files: { path: string; bytes: Uint8Array<ArrayBuffer> }[],
  title: string,
  options: { description?: string; parentCommit?: string } = {},
): Promise<string> {
  if (!a.accessToken) throw new DatasetWriteError(`writing to datasets/${a.repo} needs a token`, 401);
  const out = await hubCall('committing to', a, () =>
    commit({
      repo: designation(a),
      accessToken: a.accessToken as `hf_${string}`,
      title,
      ...options,
      operations: files.map((f) => ({ operation: 'addOrUpdate' as const, path: f.path, content: new Blob([f.bytes]) })),
      ...common(a),
    }),
  );
  if (!out) throw new DatasetWriteError(`committing to datasets/${a.repo}: the Hub returned no commit`, 500);
  return out.commit.oid;
}
