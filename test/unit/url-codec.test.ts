// The one URL codec: a test per rule of the keys it owns besides the view's (v, hub, snap, data, embed), and a fuzz
// test over the whole codec: what the app writes its decoder reads back without a notice and unchanged, and no
// string makes the decoder throw.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, type LinkState } from '../../src/view/url-codec.ts';
import { defaultView, type ViewState } from '../../src/view/state.ts';
import { RELATIONS } from '../../src/lineage/model.ts';

const PUBLIC = 'https://huggingface.co';
const state = (p: Partial<LinkState> = {}): LinkState => ({
  view: defaultView(),
  camera: null,
  crawledAt: null,
  hub: PUBLIC,
  defaultHub: PUBLIC,
  snap: null,
  ...p,
});

describe('URL codec: the keys beside the view', () => {
  it('writes nothing for the default view on the default Hub', () => {
    expect(encodeLink(state()).toString()).toBe('');
  });

  it('leads every other link with its version, v=1', () => {
    const view = { ...defaultView(), focus: 'Qwen/Qwen2.5-7B' };
    expect(encodeLink(state({ view })).toString()).toBe('v=1&f=Qwen%2FQwen2.5-7B');
  });

  it('reads a link without v as version 1 (links made before the key existed)', () => {
    const r = decodeLink('?f=Qwen%2FQwen2.5-7B&c=relation');
    expect(r.version).toBe(1);
    expect(r.notices).toEqual([]);
    expect(r.view.focus).toBe('Qwen/Qwen2.5-7B');
  });

  it('says so for a newer version and for a version that is not a number, and reads the rest', () => {
    const newer = decodeLink('?v=7&f=Qwen%2FQwen2.5-7B');
    expect(newer.notices.join(' ')).toMatch(/newer Forkscope \(link version 7\)/);
    expect(newer.view.focus).toBe('Qwen/Qwen2.5-7B');
    expect(decodeLink('?v=one').notices.join(' ')).toMatch(/version could not be used/);
    expect(decodeLink('?v=0').notices).toHaveLength(1);
  });

  it('writes the Hub only when it is not the default one, as an origin', () => {
    expect(encodeLink(state({ hub: 'http://127.0.0.1:9/x?y' })).get('hub')).toBe('http://127.0.0.1:9');
    expect(encodeLink(state({ hub: PUBLIC })).has('hub')).toBe(false);
  });

  it('reads an http(s) Hub as its origin and refuses any other', () => {
    expect(decodeLink('?hub=http%3A%2F%2Flocalhost%3A5000%2Fpath').hub).toBe('http://localhost:5000');
    for (const bad of ['javascript:alert(1)', 'ftp://x', 'http://user:pw@host', 'not a url', '']) {
      const r = decodeLink(`?hub=${encodeURIComponent(bad)}`);
      expect(r.hub).toBeNull();
      expect(r.notices.join(' ')).toMatch(/Hub that is not an http\(s\) address/);
    }
  });

  it('reads an http(s) snapshot address whole and refuses any other', () => {
    expect(decodeLink('?snap=https%3A%2F%2Fexample.org%2Fs.json%3Fa%3D1').snap).toBe('https://example.org/s.json?a=1');
    const r = decodeLink(`?snap=${encodeURIComponent('data:application/json,{}')}`);
    expect(r.snap).toBeNull();
    expect(r.notices.join(' ')).toMatch(/snapshot that is not an http\(s\) address/);
    expect(decodeLink(`?snap=https://x.org/${'a'.repeat(3000)}`).snap).toBeNull();
  });

  it('keeps the snapshot address of the view in the links it writes', () => {
    const q = encodeLink(state({ snap: 'https://example.org/s.json' }));
    expect(decodeLink(`?${q}`).snap).toBe('https://example.org/s.json');
  });

  it('reads a lineage dataset as OWNER/NAME with an optional @REVISION, and refuses any other', () => {
    expect(decodeLink('?data=forkscope%2Flineage').data).toEqual({ repo: 'forkscope/lineage' });
    const oid = 'a'.repeat(40);
    expect(decodeLink(`?data=forkscope/lineage@${oid}`).data).toEqual({ repo: 'forkscope/lineage', revision: oid });
    for (const bad of ['forkscope', 'a/b/c', '../x', 'a/b@', 'a/b@x@y', 'a/b@../main', 'a/b@x/y', '__proto__', '']) {
      const r = decodeLink(`?data=${encodeURIComponent(bad)}`);
      expect(r.data, bad).toBeNull();
      expect(r.notices.join(' '), bad).toMatch(/lineage dataset that is not OWNER\/NAME/);
    }
    expect(decodeLink('?f=Qwen%2FQwen2.5-7B').data).toBeNull();
  });

  it('writes the dataset and revision the data came from, and nothing for crawled data', () => {
    const oid = '0123456789abcdef0123456789abcdef01234567';
    const q = encodeLink(state({ data: { repo: 'forkscope/lineage', revision: oid } }));
    expect(q.get('data')).toBe(`forkscope/lineage@${oid}`);
    expect(decodeLink(`?${q}`).data).toEqual({ repo: 'forkscope/lineage', revision: oid });
    expect(encodeLink(state({ data: null })).has('data')).toBe(false);
    // A value the decoder would refuse is never written.
    expect(encodeLink(state({ data: { repo: 'a/b/c' } })).has('data')).toBe(false);
  });

  it('reads embed=1 only', () => {
    expect(decodeLink('?embed=1').view.embed).toBe(true);
    expect(decodeLink('?embed=yes').view.embed).toBe(false);
  });
});

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
