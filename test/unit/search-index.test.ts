// Autocomplete: prefix on id and name, substring fallback, downloads ranking, exact ids first.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/graph/search-index.ts';

const ids = [
  'Qwen/Qwen2.5-7B',
  'Qwen/Qwen2.5-7B-Instruct',
  'unsloth/Qwen2.5-7B-Instruct-GGUF',
  'meta-llama/Llama-3.1-8B',
  'bartowski/my-qwen-merge',
];
const index = new SearchIndex(ids, [100, 5000, 300, 9000, 1]);

describe('SearchIndex', () => {
  it('matches prefixes of the id and of the name, most downloaded first', () => {
    expect(index.search('qwen2.5-7b-i').map((h) => h.id)).toEqual([
      'Qwen/Qwen2.5-7B-Instruct',
      'unsloth/Qwen2.5-7B-Instruct-GGUF',
    ]);
    expect(index.search('meta-llama/').map((h) => h.id)).toEqual(['meta-llama/Llama-3.1-8B']);
  });

  it('puts an exact id first, then falls back to substrings', () => {
    expect(index.search('Qwen/Qwen2.5-7B')[0]?.id).toBe('Qwen/Qwen2.5-7B');
    expect(index.search('qwen2.5-7b')[0]?.id).toBe('Qwen/Qwen2.5-7B');
    expect(index.search('merge').map((h) => h.id)).toEqual(['bartowski/my-qwen-merge']);
    expect(index.search('  ')).toEqual([]);
  });

  it('answers on 500,000 ids', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => `user${i % 997}/model-${i.toString(36)}`);
    const downloads = Float64Array.from(many, (_, i) => (i * 7919) % 100_003);
    const big = new SearchIndex(many, downloads);
    // The ten most downloaded ids that start with the query, by a plain scan of all 500,000.
    const q = 'user5/model-a';
    const expected = many
      .map((id, i) => ({ id, downloads: downloads[i] as number }))
      .filter((h) => h.id.startsWith(q))
      .sort((x, y) => y.downloads - x.downloads || (x.id < y.id ? -1 : 1))
      .slice(0, 10);
    expect(expected).toHaveLength(10);
    expect(big.search(q, 10)).toEqual(expected);
    // An exact id first whatever its downloads; a substring of names only; nothing for what no id holds.
    expect(big.search('user5/model-5', 10)[0]?.id).toBe('user5/model-5');
    const tail = big.search('-zzz', 10);
    expect(tail.length).toBeGreaterThan(0);
    for (const h of tail) expect(h.id).toContain('-zzz');
    expect(big.search('zzzz-none', 10)).toEqual([]);
  });
});
