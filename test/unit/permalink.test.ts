// The permalink codec: one test per rule (defaults omitted, round trip, validation and clamping, hostile input).
import { describe, expect, it } from 'vitest';
import { dataMovedOn, decodePermalink, encodePermalink } from '../../src/view/permalink.ts';
import { defaultView } from '../../src/view/state.ts';

describe('permalink codec', () => {
  it('omits every default: the default view is an empty query', () => {
    expect(encodePermalink({ view: defaultView(), camera: null, crawledAt: null }).toString()).toBe('');
  });

  it('round-trips a full view with short keys', () => {
    const view = defaultView();
    view.orgs = ['Qwen', 'deepseek-ai'];
    view.roots = ['mistralai/Mistral-7B-v0.1'];
    view.focus = 'Qwen/Qwen2.5-7B';
    view.selected = 'Qwen/Qwen2.5-7B-Instruct';
    view.colorBy = 'relation';
    view.sizeBy = 'likes';
    view.fold = false;
    view.filters = {
      ...view.filters,
      relations: ['quantized'],
      minDownloads: 10,
      maxLikes: 99,
      library: 'gguf',
      createdFrom: '2025-01-01',
      createdTo: '2025-12-31',
      maxDepth: 4,
    };
    const link = { view, camera: { x: 0.25, y: 0.5, ratio: 0.125 }, crawledAt: '2026-11-22T10:00:00.000Z' };
    const q = encodePermalink(link);
    expect([...q.keys()]).toEqual([
      'o',
      'r',
      'f',
      's',
      'c',
      'z',
      'fold',
      'rel',
      'dmin',
      'lmax',
      'pmax',
      'lib',
      'from',
      'to',
      'cam',
      'at',
    ]);
    const back = decodePermalink(`?${q.toString()}`);
    expect(back.notices).toEqual([]);
    expect(back.view).toEqual(view);
    expect(back.camera).toEqual(link.camera);
    expect(back.crawledAt).toBe(link.crawledAt);
  });

  it('drops what is invalid, says so, and keeps the rest', () => {
    const r = decodePermalink(
      '?o=Qwen,<script>&s=not-an-id&c=rainbow&dmin=-5&lmin=1e400&rel=finetune,distill&from=2025-13-45&cam=NaN,1,1&lic=%22%3E%3Cimg',
    );
    expect(r.view.orgs).toEqual(['Qwen']);
    expect(r.view.selected).toBeNull();
    expect(r.view.colorBy).toBe('family');
    expect(r.view.filters.minDownloads).toBeNull();
    expect(r.view.filters.minLikes).toBeNull();
    expect(r.view.filters.relations).toEqual(['finetune']);
    expect(r.view.filters.createdFrom).toBeNull();
    expect(r.view.filters.license).toBeNull();
    expect(r.camera).toBeNull();
    expect(r.notices).toHaveLength(9);
  });

  it('round-trips the time slider and the family-dynamics panel', () => {
    const view = defaultView();
    view.filters.asOf = '2024-09';
    view.dynamics = {
      ...defaultView().dynamics,
      open: true,
      measure: 'count',
      relation: 'split',
      window: 6,
      communityOnly: true,
      scope: 'meta-llama',
      a: 'Qwen',
      b: 'meta-llama',
    };
    const q = encodePermalink({ view, camera: null, crawledAt: null });
    expect(q.toString()).toBe('t=2024-09&dyn=1&dm=count&dr=split&dw=6&dc=1&ds=meta-llama&da=Qwen&db=meta-llama');
    const back = decodePermalink(`?${q.toString()}`);
    expect(back.notices).toEqual([]);
    expect(back.view).toEqual(view);
  });

  it('drops unusable time and dynamics values and keeps the defaults', () => {
    const r = decodePermalink('?t=2024-13&dyn=1&dm=pie&dr=distill&dw=5&ds=%3Cb%3E&da=a%20b&db=Qwen');
    expect(r.view.filters.asOf).toBeNull();
    expect(r.view.dynamics).toEqual({ ...defaultView().dynamics, open: true, b: 'Qwen' });
    expect(r.notices).toHaveLength(6);
  });

  it('clamps absurd camera values and caps long lists', () => {
    const r = decodePermalink(`?cam=1e9,-1e9,0.0000001&o=${Array.from({ length: 80 }, (_, i) => `org${i}`).join(',')}`);
    expect(r.camera).toEqual({ x: 10, y: -10, ratio: 0.001 });
    expect(r.view.orgs).toHaveLength(50);
  });

  it('tells when the data moved on since the link was made', () => {
    expect(dataMovedOn('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toMatch(
      /crawled 2026-01-01 00:00 UTC; the data shown was crawled later \(2026-03-01 00:00 UTC\)/,
    );
    expect(dataMovedOn('2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toBeNull();
    expect(dataMovedOn(null, '2026-03-01T00:00:00.000Z')).toBeNull();
  });

  it('never writes a value its own decoder refuses (the s= a junk node once produced, a tiny zoom, a wide year)', () => {
    const view = defaultView();
    view.selected = '/workspace/outputs/checkpoint-500';
    view.focus = 'gpt2';
    view.orgs = ['Qwen', '.hidden', 'x'.repeat(150)];
    view.filters.createdFrom = '275760-09-13';
    view.filters.minDownloads = 1e14;
    view.filters.license = "o'reilly";
    view.selection.rule = { kind: 'lineage', root: 'Qwen/Qwen2.5-7B', up: false, down: true, depth: 2000 };
    const q = encodePermalink({ view, camera: { x: 0, y: 0, ratio: 0.000001 }, crawledAt: '/../../x' });
    for (const key of ['s', 'f', 'from', 'dmin', 'lic', 'sel', 'at']) expect(q.has(key), key).toBe(false);
    expect(q.get('o')).toBe('Qwen');
    expect(q.get('cam')).toBe('0,0,0.001');
    expect(decodePermalink(`?${q.toString()}`).notices).toEqual([]);
  });

  it('keeps the default families when the family list names none that can be used', () => {
    const r = decodePermalink('?o=%3Cscript%3E,-bad,..');
    expect(r.view.orgs).toEqual(defaultView().orgs);
    expect(r.notices).toHaveLength(1);
    expect(decodePermalink('?o=').view.orgs).toEqual([]);
  });
});
