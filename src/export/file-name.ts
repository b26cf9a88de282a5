// The one rule for file names built from data (ids, family names, a snapshot's crawl date): only letters, digits
// and `. + - _` survive, runs of anything else become `_`, no leading dot, bounded length. So a name can never
// hold a path separator, `..` as a whole name, or a control character, in the app's downloads or the CLI's --out.

const UNSAFE = /[^\w.+-]+/g;

export function fileNamePart(text: string, max = 120): string {
  const safe = text.replace(UNSAFE, '_').replace(/^\.+/, '_').slice(0, max);
  return safe || '_';
}

/** The crawl's day for a file name: YYYY-MM-DD when the date reads as one, else "undated" ("uncrawled" for none). */
export function crawlDay(crawledAt: string | null): string {
  if (crawledAt === null) return 'uncrawled';
  return /^\d{4}-\d{2}-\d{2}/.test(crawledAt) ? crawledAt.slice(0, 10) : 'undated';
}

/** `forkscope-<subject>-<day>`: the stem of every export's file names, in the app and on the command line. */
export function exportStem(subject: string, crawledAt: string | null): string {
  return `forkscope-${fileNamePart(subject)}-${crawlDay(crawledAt)}`;
}
