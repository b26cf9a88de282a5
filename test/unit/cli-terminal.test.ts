// What the CLI prints: Hub text is inert (no escape sequence reaches the terminal), the progress line is rewritten
// in place on a terminal and plain elsewhere, the ETA reads in hours and minutes, and a Hub of unknown size gets
// no ETA made up from the public Hub's size.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/crawl-report.ts';
import { hoursMinutes, inert, StatusLine } from '../../src/cli/terminal.ts';
import type { CrawlProgress } from '../../src/crawl/progress.ts';

const HOSTILE = 'evil/\u001b]0;pwned\u0007\u001b[31mred\u001b[0m\u009b2J\u202eabc';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('inert', () => {
  it('shows control characters as escapes instead of sending them', () => {
    const text = inert(HOSTILE);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toBe('evil/\\u001b]0;pwned\\u0007\\u001b[31mred\\u001b[0m\\u009b2J\\u202eabc');
    expect(inert('Qwen/Qwen2.5-7B é ✓')).toBe('Qwen/Qwen2.5-7B é ✓');
  });
});

describe('hoursMinutes', () => {
  it('reads as a person says it', () => {
    expect(hoursMinutes(20_000)).toBe('under a minute');
    expect(hoursMinutes(7 * 60_000)).toBe('7 min');
    expect(hoursMinutes(125 * 60_000)).toBe('2 h 05 min');
  });
});

const progress = (extra: Partial<CrawlProgress> = {}): CrawlProgress => ({
  phase: 'listing',
  strategy: 'sweep',
  models: 1234,
  requests: 60,
  pages: 50,
  queue: 3150,
  etaMs: 3 * 3_600_000 + 10 * 60_000,
  junkTags: 0,
  message: `looked up ${HOSTILE}`,
  ...extra,
});

describe('progressLine', () => {
  it('gives the requests of this run and an ETA, and the Hub text inert', () => {
    const line = progressLine(progress(), 50, true);
    expect(line).toContain('10 requests this run');
    expect(line).toContain('3,150 to go, ETA 3 h 10 min');
    expect(line).not.toMatch(RAW_CONTROL);
  });

  it('says the size is unknown rather than guess from the public Hub', () => {
    const line = progressLine(progress(), 0, false);
    expect(line).toContain('Hub size unknown');
    expect(line).not.toMatch(/ETA (\d|under)/);
    expect(progressLine(progress({ phase: 'resolving' }), 0, false)).toContain('ETA 3 h 10 min');
  });
});

describe('StatusLine', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { out: { isTTY, columns: 80, write: (t: string) => chunks.push(t) }, chunks };
  };

  it('rewrites one line on a terminal, messages printed above it', () => {
    const { out, chunks } = sink(true);
    const status = new StatusLine(out);
    status.update('page 1');
    status.update('page 2');
    status.say('retry 1');
    status.end();
    expect(chunks.join('')).toBe('\rpage 1\u001b[K\rpage 2\u001b[K\r\u001b[Kretry 1\npage 2\u001b[K\n');
  });

  it('prints plain lines elsewhere', () => {
    const { out, chunks } = sink(false);
    const status = new StatusLine(out);
    status.update('page 1');
    status.say('retry 1');
    status.end();
    expect(chunks.join('')).toBe('page 1\nretry 1\n');
  });
});
