// The crawl state's rules that outlive one run: where a finished journal is complete up to (the next refresh's
// base), the upgrade of caches seeded from published data before refreshes kept their strategy, and the
// validation of the fields a walk saves.
import { describe, expect, it } from 'vitest';
import { parseCrawlState, refreshBase, upgradeState, type CrawlState } from '../../src/crawl/records.ts';
import { seededState } from '../../src/crawl/seed.ts';
import { crawlState } from './journal-fixtures.ts';

const seeded = seededState({
  hub: 'http://hub.test',
  seeds: { orgs: ['Qwen'], roots: [] },
  watermark: '2026-10-31T00:00:00.000Z',
  finishedAt: '2026-10-31T01:00:00.000Z',
});

describe('crawl state', () => {
  it('refreshes a finished journal from its last start, or from the margin of a refresh cut short', () => {
    expect(refreshBase(seeded)).toBe('2026-10-31T00:00:00.000Z');
    const cut: CrawlState = { ...seeded, phase: 'listing', startedAt: '2026-12-02T00:00:00Z', refreshSince: 'X' };
    expect(refreshBase(cut)).toBe('X');
  });

  it('reads a published-data cache an older version labelled a sweep as the walk it is, refreshed by creation', () => {
    const old: CrawlState = { ...seeded, strategy: 'sweep', refreshBy: undefined };
    expect(upgradeState(old)).toMatchObject({ strategy: 'walk', refreshBy: 'created' });
    // A crawl's own sweep (a time, or no lastFullSweepAt at all in older journals) stays a sweep.
    const swept: CrawlState = { ...crawlState(3), lastFullSweepAt: '2026-11-01T00:00:00Z' };
    expect(upgradeState(swept)).toBe(swept);
    expect(upgradeState(crawlState(3))).toEqual(crawlState(3));
    expect(upgradeState(seeded)).toBe(seeded);
  });

  it('keeps what a walk saves, and refuses it with the wrong types', () => {
    const walk = { ...crawlState(1), strategy: 'walk' as const, walkSeeded: true, walkFrom: 12, refreshBy: 'created' };
    expect(parseCrawlState(walk)).toEqual(walk);
    expect(parseCrawlState({ ...walk, walkSeeded: 'yes' })).toBeNull();
    expect(parseCrawlState({ ...walk, walkFrom: '12' })).toBeNull();
    expect(parseCrawlState({ ...walk, refreshBy: 'edited' })).toBeNull();
  });
});
