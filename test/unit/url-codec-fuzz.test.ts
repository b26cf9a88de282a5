// A fuzz test over the whole URL codec: what the app writes its decoder reads back without a notice and unchanged,
// hostile view states included, and no string makes the decoder throw.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, type LinkState } from '../../src/view/url-codec.ts';
import { defaultView, type ViewState } from '../../src/view/state.ts';
import { RELATIONS } from '../../src/lineage/model.ts';

const PUBLIC = 'https://huggingface.co';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  'a/b/c',
  'gpt2',
  '/workspace/out/checkpoint-500',
  'Qwen/Qwen--x',
  'x'.repeat(300),
  'o\'reilly/x"y',
  'ÿ/é',
  '',
  ' ',
  'a,b/c',
  '-org',
  '.hidden',
];

function gen(seed: number, hostile: boolean) {
  const r = rng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number): boolean => r() < p;
  const word = (): string => `${pick(['Qwen', 'meta-llama', 'a', 'x_y', 'M1'])}${int(1000)}`;
  const id = (): string => (hostile && chance(0.3) ? pick(HOSTILE) : `${word()}/${word()}.v${int(9)}`);
  const org = (): string => (hostile && chance(0.3) ? pick(HOSTILE) : word());
  const some = <T>(f: () => T, max: number): T[] => [...new Set(Array.from({ length: int(max) }, f))];
  const num = (): number | null =>
    chance(0.5) ? null : hostile ? pick([1.5, 1e14, 1e13, 0, 12, 2 ** 53, 0.2]) : int(1e9);
  const text = (): string | null =>
    chance(0.5) ? null : hostile && chance(0.4) ? pick(HOSTILE) : pick(['gguf', 'apache-2.0', 'text-generation']);
  const day = (): string | null =>
    chance(0.5) ? null : hostile ? pick(['2025-01-01', '275760-09-13', '2025-13-40', '0001-01-01']) : '2024-06-30';
  const view: ViewState = defaultView();
  const families = (): string | null => (chance(0.5) ? null : chance(0.5) ? org() : id());
  if (chance(0.7)) view.orgs = some(org, 6);
  view.roots = some(id, 4);
  view.focus = chance(0.5) ? id() : null;
  view.selected = chance(0.5) ? id() : null;
  view.colorBy = pick(['family', 'relation', 'license', 'library'] as const);
  view.sizeBy = pick(['downloads', 'likes', 'descendants'] as const);
  view.fold = chance(0.5);
  view.embed = chance(0.2);
  view.filters = {
    relations: some(() => pick(RELATIONS), 3),
    minDownloads: num(),
    maxDownloads: num(),
    minLikes: num(),
    maxLikes: num(),
    minDepth: num(),
    maxDepth: num(),
    license: text(),
    pipeline: text(),
    library: text(),
    createdFrom: day(),
    createdTo: day(),
    asOf: chance(0.5) ? null : hostile ? pick(['2024-13', '0001-01', '2024-09']) : '2024-09',
  };
  const k = int(4);
  const x = (): number => (hostile ? pick([1e25, -3.333, 0.125, NaN]) : Math.round(r() * 400 - 200) / 100);
  const [a, b] = [x(), x()].sort((p, q) => p - q) as [number, number];
  view.selection = {
    rule:
      k === 0
        ? { kind: 'none' }
        : k === 1
          ? { kind: 'lineage', root: id(), up: chance(0.5), down: true, depth: hostile ? pick([null, 3, 2000]) : 3 }
          : k === 2
            ? { kind: 'path', from: id(), to: id() }
            : { kind: 'box', x0: a, y0: a, x1: b, y1: b },
    add: some(id, hostile ? 70 : 5),
    remove: some(id, 3),
  };
  view.dynamics = {
    open: chance(0.5),
    measure: pick(['count', 'share'] as const),
    relation: pick(['all', 'split', ...RELATIONS] as const),
    window: pick([1, 3, 6, 12]),
    communityOnly: chance(0.5),
    scope: chance(0.5) ? 'all' : (families() ?? 'selection'),
    a: families(),
    b: families(),
    shareOf: pick(['families', 'hub'] as const),
    kind: pick(['all', 'language'] as const),
    groups: [],
    series: 'families',
  };
  const camera = chance(0.3)
    ? null
    : hostile
      ? { x: pick([1e9, NaN, 0.1]), y: 0.5, ratio: pick([1e-7, 0.000004, 50, 0.5]) }
      : { x: Math.round(r() * 2e5 - 1e5) / 1e5, y: 0.5, ratio: pick([0.001, 0.5, 2]) };
  const crawledAt = chance(0.3)
    ? null
    : hostile
      ? pick(['/../../../x', 'garbage', '+275760-09-13T00:00:00.000Z', '2026-11-22T10:00:00Z'])
      : new Date(1.6e12 + int(1e11)).toISOString();
  const hub = chance(0.5)
    ? PUBLIC
    : hostile
      ? pick(['javascript:x', 'http://127.0.0.1:5000'])
      : 'http://127.0.0.1:5000';
  const snap = chance(0.7)
    ? null
    : hostile
      ? pick(['file:///etc/passwd', 'https://e.org/s.json'])
      : 'https://e.org/s.json';
  const data = chance(0.6)
    ? null
    : hostile
      ? pick([{ repo: 'x/y/z' }, { repo: 'o/n', revision: '..' }, { repo: 'o/n', revision: 'main' }])
      : { repo: `${word()}/${word()}`, ...(chance(0.5) ? { revision: 'f'.repeat(40) } : {}) };
  return { view, camera, crawledAt, hub, defaultHub: PUBLIC, snap, data } satisfies LinkState;
}

describe('URL codec fuzz', () => {
  it('reads back every link the app writes without a notice, hostile view states included', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const s = gen(seed, seed % 2 === 0);
      const back = decodeLink(`?${encodeLink(s).toString()}`);
      expect(back.notices, `seed ${seed}`).toEqual([]);
    }
  });

  it('round-trips random valid states: encode, then decode, gives the same state', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const s = gen(seed, false);
      const back = decodeLink(`?${encodeLink(s).toString()}`);
      expect(back.view, `seed ${seed}`).toEqual(s.view);
      expect(back.camera, `seed ${seed}`).toEqual(s.camera);
      expect(back.crawledAt).toBe(s.crawledAt);
      expect(back.hub).toBe(s.hub === PUBLIC ? null : s.hub);
      expect(back.snap).toBe(s.snap);
      expect(back.data).toEqual(s.data);
    }
  });

  it('decodes random strings without throwing, into a bounded view', () => {
    const r = rng(99);
    const keys = [
      'v',
      'hub',
      'snap',
      'data',
      'o',
      'r',
      'f',
      's',
      'sel',
      'sa',
      'cam',
      'at',
      't',
      'dmin',
      'lic',
      'ds',
      'dw',
      'embed',
    ];
    const alphabet = 'aZ09/_-.,:>%&=?#<"\'\u0000\u00ff\ud800 é+';
    for (let i = 0; i < 5000; i++) {
      const len = Math.floor(r() * 80);
      let text = '';
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(r() * alphabet.length)];
      const key = keys[Math.floor(r() * keys.length)] as string;
      for (const search of [
        text,
        `?${key}=${text}`,
        `?${key}=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}&v=${text}`,
      ]) {
        const back = decodeLink(search);
        expect(back.view.orgs.length).toBeLessThanOrEqual(50);
        expect(back.version).toBe(1);
      }
    }
  });
});
