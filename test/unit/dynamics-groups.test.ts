// Hub-wide denominators, kinds, groups and counts that compare families, on small hand-made crawls whose answers
// are known: roots named or counted as unnamed (never guessed), the table's parser, groups' checks and their link
// keys, and the answer naming its denominator and sample sizes.
import { describe, expect, it } from 'vitest';
import {
  checkGroups,
  parseGroupsJson,
  parseStoredGroups,
  serializeGroups,
  seedsToAdd,
} from '../../src/lineage/groups.ts';
import { parseHubDerivatives } from '../../src/lineage/hub-derivatives.ts';
import type { HubModel, Relation } from '../../src/lineage/model.ts';
import { cumulativeCounts, describeComparison } from '../../src/stats/compare.ts';
import { hubDerivativesOf, hubMonthly } from '../../src/stats/denominator.ts';
import { groupMonthly } from '../../src/stats/groups.ts';
import { kindFilter } from '../../src/stats/kinds.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { describeDenominator, familiesDenominator, hubDenominator } from '../../src/stats/shares.ts';
import { monthlyDerivatives, timelineRows } from '../../src/stats/timeline.ts';
import { decodePermalink, encodePermalink } from '../../src/view/permalink.ts';
import { defaultView } from '../../src/view/state.ts';
import { comparedGraph } from './compared-fixture.ts';

function model(
  id: string,
  createdAt: string | null,
  parents: [string, Relation][] = [],
  extra: Partial<HubModel> = {},
): HubModel {
  return {
    id,
    author: id.split('/')[0] as string,
    createdAt,
    lastModified: null,
    downloads: 0,
    likes: 0,
    pipelineTag: 'text-generation',
    libraryName: 'transformers',
    license: null,
    gated: false,
    disabled: false,
    parents: parents.map(([p, relation]) => ({ id: p, relation })),
    cardBase: [],
    cardRelation: null,
    ...extra,
  };
}

/** A crawl's knowledge: Qwen crawled; google and mistralai roots outside it; a deleted parent; a 2-cycle. */
function knowledge() {
  const list = [
    model('Qwen/base', '2025-01-03'),
    model('u/qft', '2025-01-10', [['Qwen/base', 'finetune']]),
    model('u/qq', '2025-02-10', [['u/qft', 'quantized']], { libraryName: 'gguf' }),
    model('u/gft', '2025-01-20', [['google/gemma', 'finetune']]), // google/gemma not kept: a root
    model('u/gq', '2025-02-01', [['u/gft', 'quantized']], { pipelineTag: 'image-classification' }),
    model('u/mft', '2025-02-02', [['mistralai/m7', 'adapter']]),
    model('u/mix', '2025-02-03', [
      ['u/gft', 'merge'],
      ['mistralai/m7', 'merge'],
    ]),
    model('u/orphan', '2025-02-04', [], { cardBase: ['gone/deleted'] }),
    model('u/child-of-orphan', null, [['u/orphan', 'finetune']]),
    model('c/a', '2025-02-05', [['c/b', 'finetune']]),
    model('c/b', '2025-02-06', [['c/a', 'finetune']]),
  ];
  const models = new Map(list.map((m) => [m.id.toLowerCase(), m]));
  const missing = new Map([['gone/deleted', { id: 'gone/deleted' }]]);
  return { models, missing, resolve: (id: string) => models.get(id.toLowerCase()) };
}
const members = new Map([
  ['qwen/base', 'Qwen'],
  ['u/qft', 'Qwen'],
  ['u/qq', 'Qwen'],
]);

describe('the Hub-wide table', () => {
  const table = hubDerivativesOf(knowledge(), members);
  const byFamily = hubMonthly(table, kindFilter('all'), 'all').byFamily;

  it('counts every derivative once, by the root its ancestors lead to, and never guesses a root', () => {
    expect(Object.fromEntries(byFamily)).toEqual({ Qwen: 2, google: 2, mistralai: 1, several: 1, unnamed: 4 });
    const all = hubMonthly(table, kindFilter('all'), 'all');
    expect(Object.fromEntries(all.byMonth)).toEqual({ '2025-01': 2, '2025-02': 7 });
    expect(all.undated).toBe(1);
    expect(hubMonthly(table, kindFilter('all'), 'merge').byMonth.get('2025-02')).toBe(1);
    expect(hubMonthly(table, kindFilter('language'), 'all').byFamily.get('google')).toBe(1);
    expect(hubMonthly(table, kindFilter('all', null, 'gguf'), 'all').byMonth.get('2025-02')).toBe(1);
  });

  it('folds root orgs beyond the named ones into other', () => {
    const small = hubDerivativesOf(knowledge(), members, 1);
    expect(Object.fromEntries(hubMonthly(small, kindFilter('all'), 'all').byFamily)).toEqual({
      Qwen: 2,
      google: 2,
      other: 1,
      several: 1,
      unnamed: 4,
    });
  });

  it('parses its own output and refuses broken or hostile tables', () => {
    expect(parseHubDerivatives(JSON.parse(JSON.stringify(table))).ok).toBe(true);
    const broken = [
      { ...table, v: 2 },
      { ...table, months: ['2025-02', '2025-01'] },
      { ...table, rows: [...table.rows, 1] },
      { ...table, rows: [0, 99, 0, 0, 0, 1] },
      { ...table, rows: [0, 0, 0, 0, 0, 0] },
      { ...table, rows: [0, 0, 0, 0, 0, 1.5] },
      { ...table, families: [{}] },
    ];
    for (const t of broken) expect(parseHubDerivatives(t).ok).toBe(false);
  });
});

describe('groups of families', () => {
  it('checks names and members, drops duplicates, and reads the CLI and stored forms', () => {
    expect(checkGroups([{ name: 'Chinese labs', members: ['Qwen', 'qwen', 'Qwen/Qwen2.5-7B'] }])).toEqual({
      ok: true,
      groups: [{ name: 'Chinese labs', members: ['Qwen', 'Qwen/Qwen2.5-7B'] }],
    });
    expect(checkGroups([{ name: '<b>x</b>', members: ['Qwen'] }]).ok).toBe(false);
    expect(checkGroups([{ name: 'A', members: ['not a/valid/id'] }]).ok).toBe(false);
    expect(checkGroups([{ name: 'A', members: [] }]).ok).toBe(false);
    expect(
      checkGroups([
        { name: 'A', members: ['x'] },
        { name: 'a', members: ['y'] },
      ]).ok,
    ).toBe(false);
    expect(parseGroupsJson({ Alibaba: ['Qwen'], Meta: ['meta-llama'] })).toMatchObject({ ok: true });
    expect(parseGroupsJson(['Qwen']).ok).toBe(false);
    expect(parseGroupsJson({ A: 'Qwen' }).ok).toBe(false);
    const groups = [{ name: 'A', members: ['Qwen'] }];
    expect(parseStoredGroups(serializeGroups(groups))).toEqual(groups);
    expect(parseStoredGroups('{"v":2,"groups":[]}')).toBeNull();
    expect(parseStoredGroups('not json')).toBeNull();
    expect(seedsToAdd([{ name: 'A', members: ['qwen', 'google', 'x/root'] }], ['Qwen'], [])).toEqual({
      orgs: ['google'],
      roots: ['x/root'],
    });
  });

  it('round-trips groups, denominator, kind and series in the permalink, and reports hostile groups', () => {
    const view = defaultView();
    view.dynamics = {
      ...view.dynamics,
      shareOf: 'hub',
      kind: 'language',
      series: 'groups',
      groups: [
        { name: 'Chinese labs', members: ['Qwen', 'deepseek-ai'] },
        { name: 'American labs', members: ['meta-llama', 'google/gemma-2-9b'] },
      ],
    };
    const back = decodePermalink(`?${encodePermalink({ view, camera: null, crawledAt: null }).toString()}`);
    expect(back.notices).toEqual([]);
    expect(back.view.dynamics).toEqual(view.dynamics);
    const bad = decodePermalink('?dg=%3Cscript%3E:Qwen&dg=Ok:Qwen,bad%20id&dg=Fine:Qwen&dd=everything&dv=groups');
    expect(bad.view.dynamics.groups).toEqual([{ name: 'Fine', members: ['Qwen'] }]);
    expect(bad.view.dynamics.shareOf).toBe('families');
    expect(bad.view.dynamics.series).toBe('groups');
    expect(bad.notices).toHaveLength(3);
  });
});

describe('counts that compare families, and the denominator of an answer', () => {
  const graph = comparedGraph();
  const ix = indexLineage(graph, graph.nodes());
  const families = ['Qwen', 'meta-llama', 'google'];
  const groups = [
    { name: 'Alibaba', members: ['Qwen'] },
    { name: 'US', members: ['meta-llama', 'google'] },
  ];

  it('counts direct and all derivatives up to a month, and says whether the leader has more than two others', () => {
    const all = cumulativeCounts(ix, everything(ix), families, groups, null);
    expect(all.rows).toEqual([
      { name: 'Qwen', kind: 'family', direct: 2, all: 3 },
      { name: 'meta-llama', kind: 'family', direct: 1, all: 1 },
      { name: 'google', kind: 'family', direct: 2, all: 2 },
      { name: 'Alibaba', kind: 'group', direct: 2, all: 3 },
      { name: 'US', kind: 'group', direct: 3, all: 3 },
    ]);
    expect(describeComparison(all, 'family')).toBe(
      'Of derivatives of all time, Qwen has the most: 3 (2 direct). The next two, google (2) and meta-llama (1), ' +
        'have 3 combined: Qwen has exactly as many as the two combined.',
    );
    const january = cumulativeCounts(ix, everything(ix), families, groups, '2025-01');
    expect(january.rows.find((r) => r.name === 'Qwen')?.all).toBe(2);
    expect(describeComparison(january, 'family')).toContain('Qwen has exactly as many as the two combined');
    const february = cumulativeCounts(ix, everything(ix), families, groups, '2025-02');
    expect(describeComparison(february, 'family')).toContain('have 3 combined: Qwen has fewer than the two combined');
    expect(describeComparison(all, 'group')).toContain('only two groups to compare');
  });

  it('takes shares over the Hub-wide table and names it with its sizes', () => {
    const byFamily = monthlyDerivatives(ix, everything(ix), families);
    const groupsMonthly = groupMonthly(byFamily, groups);
    expect(groupsMonthly.families).toEqual(['Alibaba', 'US']);
    const hub = {
      v: 1 as const,
      months: ['2025-01', '2025-02', '2025-03'],
      families: ['other'],
      pipelines: ['text-generation', 'image-classification'],
      libraries: ['transformers'],
      rows: [0, 0, 0, 0, 0, 10, 1, 0, 0, 0, 3, 4, 2, 0, 1, 0, 0, 8, 2, 0, 0, 0, 0, 4, -1, 0, 0, 0, 0, 2],
    };
    const d = hubDenominator(hub, groupsMonthly, kindFilter('language'));
    const rows = timelineRows(groupsMonthly, 'all', d.total);
    expect(rows.filter((r) => r.month === '2025-01')).toEqual([
      { month: '2025-01', family: 'Alibaba', relation: 'all', count: 2, share: 0.2, denominator: 10 },
      { month: '2025-01', family: 'US', relation: 'all', count: 2, share: 0.2, denominator: 10 },
    ]);
    expect(describeDenominator(d, groupsMonthly, ['Alibaba', 'US'], 3)).toBe(
      'Shares are of all new derivatives the crawl saw on the Hub (text-generation or image-text-to-text): 18 from ' +
        '2025-01 to 2025-03 (4 to 10 a month); in the 3 months to 2025-03, 18, of which Alibaba 3 (16.7%) and US 3 ' +
        '(16.7%). 2 derivatives without a usable date are counted apart.',
    );
    expect(describeDenominator({ ...d, undated: 1, unnamed: 1 }, groupsMonthly, ['Alibaba', 'US'], 3)).toContain(
      '1 derivative without a usable date is counted apart; 1 goes back to a root the crawl cannot name',
    );
    const f = familiesDenominator(byFamily, kindFilter('all'));
    expect(describeDenominator(f, groupsMonthly, ['Alibaba', 'US'], 1)).toMatch(
      /^Shares are of new derivatives of all crawled families \(models of any kind\): 6 from 2025-01 to 2025-03 .* in 2025-03, 1, of which Alibaba 1 \(100\.0%\)/,
    );
  });
});
