// The chart specifications, rendered to SVG in Node by the same Vega runtime the app uses: the marks a reader
// relies on are there, and untrusted text stays text.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/render.ts';
import { barSpec, RELATION_SERIES, timelineSpec, titleLines } from '../../src/charts/specs.ts';
import type { TimelineRow } from '../../src/stats/timeline.ts';

const rows: TimelineRow[] = ['2024-01', '2024-02', '2024-03'].flatMap((month, i) => [
  { month, family: 'Qwen', relation: 'all', count: i * 2, share: i === 0 ? 0 : 0.6, denominator: 3 + i },
  { month, family: 'meta-llama', relation: 'all', count: 3 - i, share: i === 0 ? 1 : 0.4, denominator: 3 + i },
]);
const options = { families: ['Qwen', 'meta-llama'], familyColors: ['#4263eb', '#f76707'], width: 400 };

const count = (svg: string, re: RegExp): number => svg.match(re)?.length ?? 0;

describe('chart specifications', () => {
  it('draws one line per family, in the graph colours, with a rule at the time slider month', async () => {
    const svg = await chartSvg(timelineSpec(rows, { ...options, measure: 'share', asOf: '2024-02' }));
    expect(count(svg, /class="mark-line role-mark/g)).toBe(2);
    expect(count(svg, /<path[^>]*stroke="#4263eb"/g)).toBeGreaterThanOrEqual(1);
    expect(count(svg, /<path[^>]*stroke="#f76707"/g)).toBeGreaterThanOrEqual(1);
    expect(svg).toContain('class="mark-rule role-mark');
    expect(svg).toContain('share of new derivatives');
    expect(svg).toContain('>Qwen<');
    expect(svg).toContain('>meta-llama<');
    const plain = await chartSvg(timelineSpec(rows, { ...options, measure: 'count', asOf: null }));
    expect(plain).not.toContain('mark-rule role-mark');
    expect(plain).toContain('new derivatives');
  });

  it('facets the timeline by relation when the rows are split', async () => {
    const split = [
      ...rows.map((r) => ({ ...r, relation: 'finetune' as const })),
      ...rows.map((r) => ({ ...r, relation: 'quantized' as const })),
    ];
    const svg = await chartSvg(timelineSpec(split, { ...options, measure: 'count', asOf: null }));
    expect(svg).toContain('>finetune<');
    expect(svg).toContain('>quantized<');
  });

  it('shades the months too few to call a leader, and points are large hover targets with counts and shares', async () => {
    const called = rows.map((r) => ({
      ...r,
      tooFew: r.month === '2024-01',
      call: r.month === '2024-01' ? 'too few (3 < 20)' : 'Qwen',
    }));
    const spec = timelineSpec(called, { ...options, measure: 'share', asOf: null });
    const svg = await chartSvg(spec);
    expect(count(svg, /class="mark-rect role-mark/g)).toBe(1);
    expect(
      count(svg, /<path[^>]*fill="#[0-9a-f]{6}"[^>]*opacity="0\.18"|opacity="0\.18"[^>]*fill=/g),
    ).toBeGreaterThanOrEqual(1);
    // Six points (two families, three months), drawn 70 px² (a ~9 px disc, not the 4 px of a line's point),
    // and one Voronoi cell each, so the nearest point answers the pointer.
    expect(count(svg, /class="mark-symbol role-mark/g)).toBe(1);
    expect(JSON.stringify(spec)).toContain('"nearest":true');
    expect(JSON.stringify(spec)).toContain('"size":70');
    const tooltip = JSON.stringify(spec);
    for (const field of ['"count"', '"share"', '"denominator"', '"call"']) expect(tooltip).toContain(field);
    const plain = await chartSvg(timelineSpec(rows, { ...options, measure: 'share', asOf: null }));
    expect(plain).not.toContain('mark-rect role-mark');
  });

  it('writes a long share title in lines, so the chart keeps its plot’s height, and names groups as groups', async () => {
    const shareOf = 'all new derivatives on the Hub (text-generation or image-text-to-text)';
    const spec = timelineSpec(rows, { ...options, measure: 'share', asOf: null, shareOf, seriesTitle: 'group' });
    const title = ['share of all new derivatives on the Hub', '(text-generation or image-text-to-text)'];
    expect(titleLines(`share of ${shareOf}`)).toEqual(title);
    expect(JSON.stringify(spec)).toContain(JSON.stringify(title));
    const svg = await chartSvg(spec);
    for (const line of title) expect(svg).toContain(line);
    expect(svg).toContain('>group<');
    expect(titleLines('share of new derivatives')).toBe('share of new derivatives');
  });

  it('draws ranked bars stacked by relation, and escapes hostile labels', async () => {
    const bars = [
      { label: 'bartowski', value: 40, series: 'quantized' },
      { label: 'bartowski', value: 2, series: 'finetune' },
      { label: '<img src=x onerror=alert(1)>', value: 5, series: 'adapter' },
    ];
    const svg = await chartSvg(
      barSpec(bars, { valueTitle: 'models', labelTitle: 'author', width: 300, series: RELATION_SERIES }),
    );
    expect(count(svg, /<path[^>]*fill="#2f9e44"/g)).toBeGreaterThanOrEqual(1);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
