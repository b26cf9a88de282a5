// Search as a researcher types it: several words in any order, a small typo, and the model they mean first.
import { describe, expect, it } from 'vitest';
import { oneEditApart, SearchIndex } from '../../src/graph/search-index.ts';

const ids = [
  'Qwen/Qwen2.5-7B',
  'Qwen/Qwen2.5-7B-Instruct',
  'unsloth/Qwen2.5-7B-Instruct-GGUF',
  'Qwen/Qwen2.5-72B-Instruct',
  'meta-llama/Llama-3.1-8B',
  'meta-llama/Llama-3.1-8B-Instruct',
  'bartowski/my-qwen-merge',
];
const index = new SearchIndex(ids, [100, 5000, 300, 7000, 9000, 8000, 1]);
const search = (q: string, limit = 10): string[] => index.search(q, limit).map((h) => h.id);

describe('search by words', () => {
  it('needs every word, in any order, and ranks by downloads', () => {
    expect(search('qwen 7b instruct')).toEqual(['Qwen/Qwen2.5-7B-Instruct', 'unsloth/Qwen2.5-7B-Instruct-GGUF']);
    expect(search('instruct llama')).toEqual(['meta-llama/Llama-3.1-8B-Instruct']);
    expect(search('qwen nothing-like-this')).toEqual([]);
  });

  it('puts the exact id or name first whatever its downloads, then names starting with the query', () => {
    expect(search('qwen/qwen2.5-7b')[0]).toBe('Qwen/Qwen2.5-7B');
    expect(search('Qwen2.5-7B')).toEqual([
      'Qwen/Qwen2.5-7B',
      'Qwen/Qwen2.5-7B-Instruct',
      'unsloth/Qwen2.5-7B-Instruct-GGUF',
    ]);
  });

  it('forgives one typo in a word of four letters or more, after the exact matches', () => {
    expect(search('qwen instrcut')).toEqual([
      'Qwen/Qwen2.5-72B-Instruct',
      'Qwen/Qwen2.5-7B-Instruct',
      'unsloth/Qwen2.5-7B-Instruct-GGUF',
    ]);
    expect(search('lama 3.1 8b')[0]).toBe('meta-llama/Llama-3.1-8B');
    expect(search('qwen2.5-7b-instrcut')[0]).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(search('mergee')).toEqual(['bartowski/my-qwen-merge']);
  });

  it('ranks every match by popularity, not the first ones found', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `user${i}/qwen-tune-${i}`);
    const downloads = Float64Array.from(many, (_, i) => (i === 49_999 ? 1e6 : i === 30_000 ? 5e5 : 1));
    expect(new SearchIndex(many, downloads).search('qwen tune', 2).map((h) => h.id)).toEqual([
      'user49999/qwen-tune-49999',
      'user30000/qwen-tune-30000',
    ]);
  });

  it('tells words one edit apart', () => {
    expect(oneEditApart('instrcut', 'instruct')).toBe(true);
    expect(oneEditApart('lama', 'llama')).toBe(true);
    expect(oneEditApart('qwen', 'qwen')).toBe(false);
    expect(oneEditApart('qwen', 'gwem')).toBe(false);
  });
});
