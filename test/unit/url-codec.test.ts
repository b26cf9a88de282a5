// The one URL codec: a test per rule of the keys it owns besides the view's (v, hub, snap, data, embed). The fuzz
// test over the whole codec is in url-codec-fuzz.test.ts.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, type LinkState } from '../../src/view/url-codec.ts';
import { defaultView } from '../../src/view/state.ts';

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
