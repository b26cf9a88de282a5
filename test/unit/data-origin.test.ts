// The cache's record of the published dataset its graph came from (store/validate.ts), and the status's words for
// published data (ui/dataEvents.ts): a damaged origin is dropped (the graph still opens, as a crawl's), a good one
// kept; the default dataset's absence is quiet, any other problem is said with its reason.
import { describe, expect, it } from 'vitest';
import { parseSnapshotInfo } from '../../src/store/validate.ts';
import { ageOf, dataLoadAfter, describeCopiedLink, describeDataLoad, describeOrigin } from '../../src/ui/dataEvents.ts';

const origin = {
  repo: 'forkscope/lineage',
  revision: '0123456789abcdef0123456789abcdef01234567',
  publishedAt: '2026-11-30T00:00:00.000Z',
  watermark: '2026-11-28T10:00:00.000Z',
  nodes: 12,
};
const info = {
  v: 1,
  hub: 'http://h',
  orgs: ['Qwen'],
  roots: [],
  crawledAt: '2026-12-01T00:00:00.000Z',
  nodes: 14,
  edges: 13,
};

describe('the dataset origin of a cached graph', () => {
  it('is kept when whole, and dropped (the graph still opens) when damaged', () => {
    expect(parseSnapshotInfo({ ...info, dataset: origin })?.dataset).toEqual(origin);
    for (const bad of [
      { ...origin, revision: 'main' },
      { ...origin, repo: '../x' },
      { ...origin, watermark: 'yesterday' },
      { ...origin, nodes: -1 },
      'forkscope/lineage',
    ]) {
      const parsed = parseSnapshotInfo({ ...info, dataset: bad });
      expect(parsed).not.toBeNull();
      expect(parsed?.dataset).toBeUndefined();
    }
  });
});

describe('the status of published data', () => {
  const ref = { repo: 'forkscope/lineage' };
  it('says how old the data is, and which revision', () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    expect(ageOf(origin.watermark, now)).toBe('3 days');
    expect(ageOf('2026-12-01T05:00:00.000Z', now)).toBe('5 hours');
    expect(describeOrigin(origin, now)).toBe(
      'published data forkscope/lineage@0123456, 3 days old (the Hub up to 2026-11-28 10:00 UTC)',
    );
  });

  it('tells the loading in bytes, and a failure with its reason unless the default dataset is simply absent', () => {
    const progress = dataLoadAfter(
      { type: 'data-progress', phase: 'downloading', loaded: 2_100_000, total: 8_600_000 },
      ref,
      true,
    );
    expect(describeDataLoad(progress)).toBe('Loading the published lineage data forkscope/lineage: 2.1 MB of 8.6 MB…');
    const absent = dataLoadAfter({ type: 'data-failed', kind: 'private', message: 'x' }, ref, true);
    expect(absent).toMatchObject({ state: 'failed', quiet: true });
    const named = dataLoadAfter({ type: 'data-failed', kind: 'missing', message: 'no such dataset' }, ref, false);
    expect(named).toMatchObject({ quiet: false });
    expect(describeDataLoad(named)).toContain('could not be opened (no such dataset)');
    const broken = dataLoadAfter({ type: 'data-failed', kind: 'malformed', message: 'bad hash' }, ref, true);
    expect(broken).toMatchObject({ quiet: false });
  });
});

describe('a copied link', () => {
  it('promises the exact view only when the cache holds what the published revision it pins holds', () => {
    expect(describeCopiedLink(null)).toBe('Link copied: it reopens this exact view.');
    expect(describeCopiedLink({ ...info, v: 1 as const })).toBe('Link copied: it reopens this exact view.');
    expect(describeCopiedLink({ ...info, v: 1 as const, nodes: 12, dataset: origin })).toBe(
      'Link copied: it reopens this exact view.',
    );
    expect(describeCopiedLink({ ...info, v: 1 as const, dataset: origin })).toBe(
      'Link copied: it reopens this view. A browser without this cache opens it on the published data ' +
        "forkscope/lineage@0123456, without the 2 models this cache's refreshes added.",
    );
    expect(describeCopiedLink({ ...info, v: 1 as const, nodes: 13, dataset: origin })).toContain(
      "without the 1 model this cache's refreshes added.",
    );
    expect(describeCopiedLink({ ...info, v: 1 as const, nodes: 11, dataset: origin })).toContain(
      "forkscope/lineage@0123456, without what this cache's refreshes changed.",
    );
  });
});
