// Validation of Hub JSON and of what uploaders write in base_model.
import { describe, expect, it } from 'vitest';
import { parentsFromTags, readLineageTags } from '../../src/lineage/model.ts';
import { parseListing, parseModel } from '../../src/hub/parse.ts';
import { isRepoId, normalizeRepoId } from '../../src/lineage/repo-id.ts';

describe('parentsFromTags', () => {
  it('reads plain and kind tags, one parent per id, and drops self-references', () => {
    const tags = [
      'base_model:A/x',
      'base_model:finetune:A/x',
      'base_model:merge:B/y',
      'base_model:C/z',
      'base_model:me/self',
      'license:mit',
    ];
    expect(parentsFromTags(tags, 'me/self')).toEqual([
      { id: 'A/x', relation: 'finetune' },
      { id: 'B/y', relation: 'merge' },
      { id: 'C/z', relation: 'unknown' },
    ]);
  });

  it('takes as parents only ids that parse as repo ids, and never reads an unknown relation word into the id', () => {
    const junk = [
      'base_model:adapter:/workspace/outputs/run/checkpoint-500',
      'base_model:adapter:./llama-7b',
      'base_model:distill:deepseek-ai/DeepSeek-R1',
      'base_model:D:/models/llama',
      'base_model:finetune:',
      'base_model:merge:a/b/c',
    ];
    const { parents, junk: reported } = readLineageTags(['base_model:quantized:A/x', ...junk], 'me/m');
    expect(parents).toEqual([{ id: 'A/x', relation: 'quantized' }]);
    expect(reported).toEqual(junk);
    expect(parentsFromTags(junk, 'me/m')).toEqual([]);
  });
});

describe('normalizeRepoId', () => {
  it('keeps Hub ids and strips Hub URLs and whitespace', () => {
    expect(normalizeRepoId('  Qwen/Qwen2.5-7B \n')).toBe('Qwen/Qwen2.5-7B');
    expect(normalizeRepoId('https://huggingface.co/Qwen/Qwen2.5-7B')).toBe('Qwen/Qwen2.5-7B');
    expect(normalizeRepoId('hf.co/Qwen/Qwen2.5-7B/tree/main')).toBe('Qwen/Qwen2.5-7B');
    expect(normalizeRepoId('LeroyDyer/_Spydaz_Web_AI_ChatQA')).toBe('LeroyDyer/_Spydaz_Web_AI_ChatQA');
  });

  it('refuses local paths, foreign URLs and invalid names', () => {
    for (const junk of [
      '/data/huangxu/OpenLLMs/Meta-Llama-3.1-8B-Instruct',
      'D:/Huggingface/Qwen2.5-7B',
      'https://github.com/a/b',
      'gpt2',
      'a/b/c',
      'a--b/c',
      'a/b..c',
      '',
    ])
      expect(normalizeRepoId(junk), junk).toBeNull();
    expect(isRepoId('a'.repeat(97) + '/b')).toBe(false);
  });
});

describe('parseModel', () => {
  it('validates an expanded listing item into a HubModel', () => {
    const r = parseModel({
      _id: '66e7',
      id: 'Qwen/Qwen2.5-7B-Instruct',
      author: 'Qwen',
      downloads: 12,
      likes: -3,
      gated: 'manual',
      disabled: true,
      createdAt: '2024-09-16T11:55:40.000Z',
      tags: ['base_model:finetune:Qwen/Qwen2.5-7B', 'license:apache-2.0', 7],
      cardData: { base_model: ['Qwen/Qwen2.5-7B', 3, ' '], base_model_relation: 'finetune' },
    });
    expect(r.ok && r.model).toMatchObject({
      id: 'Qwen/Qwen2.5-7B-Instruct',
      downloads: 12,
      likes: 0,
      gated: 'manual',
      disabled: true,
      license: 'apache-2.0',
      parents: [{ id: 'Qwen/Qwen2.5-7B', relation: 'finetune' }],
      cardBase: ['Qwen/Qwen2.5-7B'],
      cardRelation: 'finetune',
      objectId: null,
      junkTags: [],
    });
  });

  it('reports junk items and keeps the good ones of a page; rejects a body that is not a list', () => {
    const { models, errors } = parseListing([{ id: 'a/b' }, null, { id: '<script>' }, { nope: 1 }]);
    expect(models.map((m) => m.id)).toEqual(['a/b']);
    expect(errors).toHaveLength(3);
    expect(() => parseListing({ error: 'x' })).toThrow(/not an array/);
  });
});
