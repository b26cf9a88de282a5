// What the explorer says about one model's own metadata (the details panel's rows, the hover read-out's note), so
// a status reads the same everywhere: an unread parent's counts and dates read "not read", never 0 or "—".
import type { ModelNode, Status } from '../lineage/types.ts';

const NOT_READ = 'not read';

/** The status as the details panel shows it: the word itself, and for an unread parent what it means. */
export const STATUS_WORDS: Record<Status, string> = {
  ok: 'ok',
  missing: 'missing',
  disabled: 'disabled',
  unread:
    'unread: a parent outside the crawled families that the Hub’s lineage tags name; not read (a full refresh reads it)',
};

/** The details panel's metadata rows (label, value). */
export function detailRows(n: ModelNode): [string, string][] {
  const unread = n.status === 'unread';
  const or = (value: string, none = '—'): string => (unread ? NOT_READ : value || none);
  return [
    ['family', n.family],
    ['author', n.author],
    ['status', STATUS_WORDS[n.status]],
    ['depth', String(n.depth)],
    ['downloads (30 d)', or(n.downloads.toLocaleString('en'))],
    ['likes', or(n.likes.toLocaleString('en'))],
    ['created', or(n.created_at.slice(0, 10))],
    ['last modified', or(n.last_modified.slice(0, 10))],
    ['pipeline', or(n.pipeline_tag)],
    ['library', or(n.library_name)],
    ['license', or(n.license)],
    ['gated', or(n.gated, 'no')],
  ];
}

/** A short note for the hover read-out, or null when the status needs none. */
export function statusNote(status: Status): string | null {
  return status === 'unread' ? 'not read: named by a lineage tag' : null;
}
