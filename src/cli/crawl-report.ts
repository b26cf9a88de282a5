// What `npm run crawl` says about a crawl: the progress line (models kept, requests this run, what is left and an
// ETA in hours and minutes, or "size unknown" when the Hub's size is not known) and the closing explanation of
// requests spent and of models kept versus models in the families. All Hub text in it is made inert.
import type { CrawlProgress } from '../crawl/progress.ts';
import type { CrawlResult } from '../crawl/options.ts';
import { hoursMinutes, inert } from './terminal.ts';

export function progressLine(p: CrawlProgress, spentBefore: number, sizeKnown: boolean): string {
  const head = `${p.phase} (${p.strategy}): ${p.models.toLocaleString('en')} models kept, ${(p.requests - spentBefore).toLocaleString('en')} requests this run`;
  // A sweep's remaining pages come from the Hub's size: without it, neither they nor the ETA can be known.
  const left =
    p.phase === 'listing' && p.strategy === 'sweep' && !sizeKnown
      ? 'no ETA: Hub size unknown (--hub-size N)'
      : `${p.queue.toLocaleString('en')} to go, ETA ${hoursMinutes(p.etaMs)}`;
  return `${head}, ${left} - ${inert(p.message)}`;
}

/** The lines on stderr after a crawl: what the requests were spent on, and why fewer models are in the files. */
export function crawlSummary(result: CrawlResult, spentBefore: number, seeds: string[]): string[] {
  const spent = result.state.requests - spentBefore;
  const kept = result.knowledge.models.size;
  const inFamilies = result.lineage.nodes.length;
  const missing = result.lineage.nodes.filter((n) => n.status === 'missing' || n.status === 'disabled').length;
  const unread = result.lineage.nodes.filter((n) => n.status === 'unread').length;
  const lines = [
    spentBefore > 0
      ? `this run spent ${spent.toLocaleString('en')} requests; with the earlier runs this crawl resumed, ${result.state.requests.toLocaleString('en')} in all`
      : `this run spent ${spent.toLocaleString('en')} requests`,
    `the ${result.state.strategy} kept ${kept.toLocaleString('en')} models` +
      (result.state.strategy === 'sweep'
        ? ' (every model the Hub lists with a parent, so other families cost no new sweep)'
        : '') +
      `; ${inFamilies.toLocaleString('en')} models are in the families of ${inert(seeds.join(', '))} and went to nodes.csv` +
      (missing > 0
        ? ` (${missing.toLocaleString('en')} of them parents the Hub does not show, marked missing or disabled)`
        : ''),
  ];
  if (unread > 0)
    lines.push(
      `${unread.toLocaleString('en')} parents outside the families, named by the Hub's base_model tags, were not read (status unread: counts and dates unknown; a full refresh reads them)`,
    );
  if (result.knowledge.junk.length > 0)
    lines.push(
      `${result.knowledge.junk.length} base_model entries name nothing on the Hub (local paths, foreign URLs); first: ${inert(result.knowledge.junk[0]?.raw ?? '')}`,
    );
  if (result.parseErrors.length > 0)
    lines.push(`${result.parseErrors.length} malformed items skipped, first: ${inert(result.parseErrors[0] ?? '')}`);
  return lines;
}

/** What the summary adds about junk tags, refusals, deletions and the Hub's identity. */
export function crawlNotes(r: CrawlResult): string[] {
  const notes: string[] = [];
  if (r.hubChanged) notes.push('the crawl state in --out came from another Hub at this address: it was cleared');
  const { count, examples } = r.junkTags;
  if (count > 0)
    notes.push(
      `${count} base_model tags name no repo (local paths, unknown relations), not followed, e.g. ${inert(examples[0]?.tag ?? '')}`,
    );
  const refused = [...r.knowledge.missing.values()];
  const disabled = refused.filter((m) => m.disabled).length;
  if (refused.length > 0) notes.push(`${refused.length} look-ups refused by the Hub (${disabled} disabled repos)`);
  const d = r.deletions;
  if (d.checked) notes.push(`full sweep: ${d.removed} models the Hub no longer lists were removed`);
  else notes.push(`deletions not checked (needs --full-refresh); last full sweep: ${d.lastFullSweepAt ?? 'never'}`);
  return notes;
}
