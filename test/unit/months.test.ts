// The one month rule: dates before 2015 or after tomorrow (against an injectable now) and the Hub's legacy date are
// counted apart, never placed in a month; months are compared as months, so extreme years cannot stretch a timeline.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { LEGACY_DATE, monthCode, dateRule, OUT_OF_RANGE, UNDATED } from '../../src/stats/months.ts';
import { monthlyDerivatives, monthOf, monthRange } from '../../src/stats/timeline.ts';
import { edge, node } from './fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('the month rule', () => {
  const rule = dateRule(NOW);

  it('places sane dates in their month and sets the others apart, saying why', () => {
    expect(monthCode('2015-01-01T00:00:00Z', rule)).toBe(2015 * 12);
    expect(monthCode('2026-12-02T23:00:00Z', rule)).toBe(2026 * 12 + 11);
    expect(monthCode('2014-12-31T23:59:59Z', rule)).toBe(OUT_OF_RANGE);
    expect(monthCode('2026-12-03T00:00:00Z', rule)).toBe(OUT_OF_RANGE);
    expect(monthCode('0001-01-01T00:00:00Z', rule)).toBe(OUT_OF_RANGE);
    expect(monthCode('9999-12-31T00:00:00Z', rule)).toBe(OUT_OF_RANGE);
    expect(monthCode('2022-03-02T23:29:04.000Z', rule)).toBe(LEGACY_DATE);
    expect(monthCode('2022-03-02T10:00:00.000Z', rule)).toBe(2022 * 12 + 2);
    for (const junk of ['', 'yesterday', '2025-13-01', '2025-00-10', '2025-01-32', '+275760-09-13'])
      expect(monthCode(junk, rule), junk).toBe(UNDATED);
    expect(monthOf('9999-01-01', NOW)).toBeNull();
    expect(monthOf('2022-03-02T23:29:04.000Z', NOW)).toBeNull();
  });

  it('compares months as months', () => {
    expect(monthRange('2099-11', '2100-02')).toEqual(['2099-11', '2099-12', '2100-01', '2100-02']);
    expect(monthRange('2024-03', '2024-01')).toEqual([]);
    expect(monthRange('9999-12', '10000-01')).toEqual([]);
  });

  it('counts legacy and out-of-range derivatives apart, never as a burst in March 2022', () => {
    const nodes = [node('Qwen/base', { created_at: '2023-01-01T00:00:00Z' })];
    const edges = [];
    const dates = [
      '2022-03-02T23:29:04.000Z',
      '2022-03-02T23:29:04.000Z',
      '2022-03-02T23:29:04.000Z',
      '2024-05-01T00:00:00Z',
      '1999-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
      '',
    ];
    for (const [i, created_at] of dates.entries()) {
      nodes.push(node(`u/m${i}`, { created_at }));
      edges.push(edge('Qwen/base', `u/m${i}`));
    }
    const graph = createLineageGraph({ nodes, edges });
    const ix = indexLineage(graph, graph.nodes(), { now: NOW });
    const m = monthlyDerivatives(ix, everything(ix), ['Qwen']);
    expect(m.months).toEqual(['2024-05']);
    expect(m.counts.get('Qwen')?.finetune).toEqual([1]);
    expect({ undated: m.undated, outOfRange: m.outOfRange, legacy: m.legacy }).toEqual({
      undated: 1,
      outOfRange: 2,
      legacy: 3,
    });
  });

  it('lets npm run export --dynamics finish on a snapshot dated 0001 and 9999', async () => {
    const nodes = [
      node('Qwen/base', { created_at: '0001-01-01T00:00:00Z' }),
      node('u/a', { created_at: '0001-01-01T00:00:00Z' }),
      node('u/b', { created_at: '9999-12-31T23:59:59Z' }),
      node('u/c', { created_at: '2025-02-01T00:00:00Z' }),
      node('meta-llama/base', { family: 'meta-llama', created_at: '9999-12-31T00:00:00Z' }),
    ];
    const edges = [edge('Qwen/base', 'u/a'), edge('Qwen/base', 'u/b'), edge('u/a', 'u/c')];
    const dir = await mkdtemp(join(tmpdir(), 'forkscope-dates-'));
    const file = join(dir, 'snapshot.json');
    const meta = { hub: 'http://hub.test', orgs: ['Qwen', 'meta-llama'], roots: [], crawledAt: '2026-11-22T00:00:00Z' };
    await writeFile(file, JSON.stringify(makeSnapshot({ nodes, edges }, meta)));
    const written = await main(['--snapshot', file, '--out', dir, '--dynamics']);
    const monthly = await readFile(join(dir, written.find((w) => w.endsWith('new-derivatives.csv')) as string), 'utf8');
    expect(monthly.trim().split('\r\n')).toEqual([
      'month,family,relation,count,share,denominator',
      '2025-02,Qwen,all,1,1,1',
      '2025-02,meta-llama,all,0,0,1',
    ]);
  }, 60_000);
});
