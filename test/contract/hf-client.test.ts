// The real @huggingface/hub client, which nobody here wrote, pointed at the local Hub: pagination through a
// parent of more than 1,000 children, modelInfo's ObjectId/name mapping, and its error type.
import { listModels, modelInfo } from '@huggingface/hub';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { syntheticHub, useHub } from './helpers.ts';

const hub = useHub(() => ({ dataset: syntheticHub(20_000), quota: 100_000 }));

describe('@huggingface/hub against the local Hub', () => {
  it('pages through every child of a parent with more than 1,000 of them', async () => {
    const expected = new Set(
      hub()
        .dataset.truth.filter((e) => e.parent === FIXTURE.qwenInstruct)
        .map((e) => e.child),
    );
    expect(expected.size).toBeGreaterThan(1000);
    hub().resetStats();
    const seen: string[] = [];
    for await (const m of listModels({
      hubUrl: hub().url,
      search: { tags: [`base_model:${FIXTURE.qwenInstruct}`] },
      sort: 'createdAt',
      additionalFields: ['tags', 'createdAt'],
    })) {
      expect(m.id).toMatch(/^[0-9a-f]{24}$/);
      expect(m.tags).toContain(`base_model:${FIXTURE.qwenInstruct}`);
      seen.push(m.name);
    }
    expect(new Set(seen)).toEqual(expected);
    expect(seen.length).toBe(expected.size);
    expect(hub().stats().listRequests).toBe(Math.ceil(expected.size / 500));
  });

  it('reads one model with modelInfo (id is the ObjectId, name the repo id) and follows renames', async () => {
    const info = await modelInfo({
      hubUrl: hub().url,
      name: FIXTURE.llamaOldName,
      additionalFields: ['cardData', 'author'],
    });
    expect(info.name).toBe(FIXTURE.llamaInstruct);
    expect(info.id).toMatch(/^[0-9a-f]{24}$/);
    expect(info.gated).toBe('manual');
    expect(info.author).toBe('meta-llama');
  });

  it('surfaces the Hub errors as HubApiError with the status and message', async () => {
    await expect(modelInfo({ hubUrl: hub().url, name: FIXTURE.deletedParent })).rejects.toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('Invalid username or password'),
    });
  });
});
