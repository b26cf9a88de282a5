// The name of a published lineage dataset and the revision it is read at: `OWNER/NAME[@REVISION]`, as `?data=`,
// the settings and the snapshot loader write it. One rule for every reader and writer (the URL codec checks a
// link's value with it, the loader the dataset it asks for).
import { isRepoId } from './repo-id.ts';

export interface DataRef {
  repo: string;
  /** A branch or commit oid; absent means the newest (`main`). */
  revision?: string;
}

/** A revision: a branch or tag name or a commit oid (no slashes, no `..`). */
const REVISION = /^[\w][\w.-]{0,99}$/;

/** Parses `OWNER/NAME[@REVISION]` (the `?data=` value); null when it is not one. */
export function parseDataRef(text: string): DataRef | null {
  const [repo = '', revision, extra] = text.trim().split('@');
  if (extra !== undefined || !isRepoId(repo)) return null;
  if (revision === undefined) return { repo };
  return REVISION.test(revision) && !revision.includes('..') ? { repo, revision } : null;
}

export function formatDataRef(ref: DataRef): string {
  return ref.revision ? `${ref.repo}@${ref.revision}` : ref.repo;
}

/** A commit oid's first 7 digits, as the status and notices show a revision. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision;
}
