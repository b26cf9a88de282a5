// The local Hub's dataset repositories, in memory: repos with an owner and a visibility, a linear history of
// commits on `main` (each a full file tree, so any past revision resolves), and the LFS object store that uploads
// land in before a commit names them. Commit oids are SHA-1 hex like git's; files keep their SHA-256.
import { createHash } from 'node:crypto';

export interface StoredFile {
  bytes: Uint8Array;
  sha256: string;
  /** Stored through LFS (resolve answers with a redirect to the CDN) or as a regular git blob. */
  lfs: boolean;
  /** The git blob id of a regular file (its ETag on the Hub); LFS files use their SHA-256. */
  gitOid: string;
}

export interface DatasetCommit {
  oid: string;
  title: string;
  message: string;
  author: string;
  date: string;
  files: Map<string, StoredFile>;
}

export interface DatasetRepo {
  id: string;
  private: boolean;
  /** The token that created it: the only one that can read it when private, or write to it. */
  owner: string;
  createdAt: string;
  /** Oldest first; the last is the head of `main`. */
  commits: DatasetCommit[];
}

/** The .gitattributes a new repo starts with on the Hub (abridged): binary data formats go through LFS. */
export const GITATTRIBUTES = [
  '*.parquet filter=lfs diff=lfs merge=lfs -text',
  '*.arrow filter=lfs diff=lfs merge=lfs -text',
  '*.bin filter=lfs diff=lfs merge=lfs -text',
  '*.zip filter=lfs diff=lfs merge=lfs -text',
  '*.gz filter=lfs diff=lfs merge=lfs -text',
  '',
].join('\n');

/** Files at least this big go through LFS whatever their name, as on the Hub. */
const LFS_THRESHOLD = 10 * 1024 * 1024;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function storedFile(bytes: Uint8Array, lfs: boolean): StoredFile {
  const gitOid = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  return { bytes, sha256: sha256(bytes), lfs, gitOid };
}

/** Whether the Hub would ask for this file through LFS: by .gitattributes pattern, size, or binary content. */
export function wantsLfs(path: string, size: number, sample: Uint8Array): boolean {
  const ext = /\.([^./]+)$/.exec(path)?.[1];
  const byPattern = ext !== undefined && GITATTRIBUTES.includes(`*.${ext} filter=lfs`);
  return byPattern || size >= LFS_THRESHOLD || sample.includes(0);
}

export class DatasetStore {
  private readonly repos = new Map<string, DatasetRepo>();
  /** Uploaded LFS objects by SHA-256, waiting for (or named by) a commit. */
  readonly lfs = new Map<string, Uint8Array>();

  get(id: string): DatasetRepo | undefined {
    return this.repos.get(id.toLowerCase());
  }

  list(): DatasetRepo[] {
    return [...this.repos.values()];
  }

  create(id: string, owner: string, user: string, isPrivate: boolean, now = new Date()): DatasetRepo {
    const repo: DatasetRepo = { id, private: isPrivate, owner, createdAt: now.toISOString(), commits: [] };
    this.repos.set(id.toLowerCase(), repo);
    this.commit(repo, {
      title: 'initial commit',
      message: '',
      author: user,
      put: [['.gitattributes', storedFile(new TextEncoder().encode(GITATTRIBUTES), false)]],
      del: [],
      now,
    });
    return repo;
  }

  /** The commit a revision names: `main`/`HEAD` (the head), or a full or abbreviated (7+) commit oid. */
  at(repo: DatasetRepo, rev: string): DatasetCommit | undefined {
    if (rev === 'main' || rev === 'HEAD') return repo.commits[repo.commits.length - 1];
    if (!/^[0-9a-f]{7,40}$/.test(rev)) return undefined;
    return repo.commits.find((c) => c.oid.startsWith(rev));
  }

  commit(
    repo: DatasetRepo,
    change: {
      title: string;
      message: string;
      author: string;
      put: [string, StoredFile][];
      del: string[];
      now?: Date;
    },
  ): DatasetCommit {
    const head = repo.commits[repo.commits.length - 1];
    const files = new Map(head?.files ?? []);
    for (const path of change.del) files.delete(path);
    for (const [path, file] of change.put) files.set(path, file);
    const date = (change.now ?? new Date()).toISOString();
    const tree = [...files].map(([p, f]) => `${p}:${f.lfs ? f.sha256 : f.gitOid}`).join('\n');
    const oid = createHash('sha1')
      .update(`${head?.oid ?? ''}\n${tree}\n${change.title}\n${date}\n${repo.commits.length}`)
      .digest('hex');
    const commit: DatasetCommit = {
      oid,
      title: change.title,
      message: change.message,
      author: change.author,
      date,
      files,
    };
    repo.commits.push(commit);
    return commit;
  }
}
