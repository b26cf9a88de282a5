// Pins GET /api/models/{id}: payloads, baseModels/childrenModelCount, redirects and errors (hub-api.md §2.4, §2.6).
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { LOCAL_PATH_TAGS, QUIRK, UNKNOWN_RELATION_TAG } from '../hub/quirks.ts';
import { getJson, syntheticHub, useHub } from './helpers.ts';

type Item = Record<string, unknown>;
const hub = useHub(() => ({ dataset: syntheticHub(3000), quota: 100_000 }));
const info = async (path: string, init?: RequestInit) => getJson(`${hub().url}/api/models/${path}`, init);

describe('GET /api/models/{id}', () => {
  it('returns the default payload without the expand-only fields', async () => {
    const { status, body } = await info(FIXTURE.qwenInstruct);
    expect(status).toBe(200);
    const item = body as Item;
    for (const key of ['_id', 'id', 'modelId', 'author', 'sha', 'tags', 'cardData', 'createdAt'])
      expect(item).toHaveProperty(key);
    for (const key of ['downloadsAllTime', 'trendingScore', 'baseModels', 'childrenModelCount'])
      expect(item).not.toHaveProperty(key);
  });

  it('expands baseModels (one relation, parents with _id) and childrenModelCount keyed by relation', async () => {
    const item = (await info(`${FIXTURE.merge7}?expand=baseModels&expand=childrenModelCount`)).body as Item;
    const base = item.baseModels as { relation: string; models: { _id: string; id: string }[] };
    expect(base.relation).toBe('merge');
    expect(base.models).toHaveLength(7);
    for (const m of base.models) expect(m._id).toMatch(/^[0-9a-f]{24}$/);
    const root = (await info(`${FIXTURE.qwenBase}?expand=baseModels&expand=childrenModelCount`)).body as Item;
    expect(root).not.toHaveProperty('baseModels');
    const counts = root.childrenModelCount as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['adapter', 'finetune', 'merge', 'quantized']);
    const truth = hub().dataset.truth.filter((e) => e.parent === FIXTURE.qwenBase);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(truth.length);
  });

  it('serves /revision/{rev} like the plain route', async () => {
    const plain = (await info(FIXTURE.qwenInstruct)).body as Item;
    const rev = (await info(`${FIXTURE.qwenInstruct}/revision/HEAD?expand=tags`)).body as Item;
    expect(rev.id).toBe(plain.id);
  });

  it('redirects renames, legacy names and case mismatches with a relative 307 that keeps path and query', async () => {
    const renamed = await info(`${FIXTURE.llamaOldName}?expand[]=author`);
    expect(renamed.status).toBe(307);
    expect(renamed.headers.get('location')).toBe(`/api/models/${FIXTURE.llamaInstruct}?expand[]=author`);
    expect((await info('gpt2')).headers.get('location')).toBe(`/api/models/${FIXTURE.legacy}`);
    const cased = await info('QWEN/qwen2.5-7b-instruct/revision/main');
    expect(cased.status).toBe(307);
    expect(cased.headers.get('location')).toBe(`/api/models/${FIXTURE.qwenInstruct}/revision/main`);
  });

  it('answers 401 to anonymous callers for missing and private models, 404 RepoNotFound with a token', async () => {
    for (const id of [FIXTURE.deletedParent, FIXTURE.privateParent]) {
      const anon = await info(id);
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual({ error: 'Invalid username or password.' });
      expect(anon.headers.get('x-error-code')).toBeNull();
      const withToken = await info(id, { headers: { Authorization: 'Bearer hf_localtoken' } });
      expect(withToken.status).toBe(404);
      expect(withToken.headers.get('x-error-code')).toBe('RepoNotFound');
    }
    const bad = await info(FIXTURE.qwenInstruct, { headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ error: 'Invalid credentials in Authorization header' });
  });

  it('serves gated models with 200, and answers 403 "disabled" for disabled ones, which no listing shows', async () => {
    expect(((await info(FIXTURE.llamaInstruct)).body as Item).gated).toBe('manual');
    expect(((await info(FIXTURE.gatedAuto)).body as Item).gated).toBe('auto');
    for (const id of [FIXTURE.disabled, QUIRK.disabledParent, QUIRK.disabledCard, QUIRK.disabledRoot]) {
      const disabled = await info(id);
      expect(disabled.status).toBe(403);
      expect(disabled.headers.get('x-error-message')).toBe('Access to this resource is disabled.');
      expect(disabled.body).toEqual({ error: 'Access to this resource is disabled.' });
      const listed = await getJson(`${hub().url}/api/models?search=${encodeURIComponent(id)}&limit=10`);
      expect(listed.body).toEqual([]);
    }
    // Their children are listed, and their tags name them.
    const child = (await info(QUIRK.disabledMergeChild)).body as Item;
    expect(child.tags).toContain(`base_model:merge:${QUIRK.disabledParent}`);
    const rootChild = (await info(QUIRK.disabledRootChildren[0])).body as Item;
    expect(rootChild.tags).toContain(`base_model:${QUIRK.disabledRoot}`);
    const card = (await info(QUIRK.disabledCardChild)).body as { cardData: { base_model: unknown }; tags: string[] };
    expect(card.cardData.base_model).toContain(QUIRK.disabledCard);
    expect(card.tags.some((t) => t.includes(QUIRK.disabledCard))).toBe(false);
  });

  it('carries uploader-written tags that name no repo, and the legacy creation date of old repos', async () => {
    const tags = async (id: string) => ((await info(id)).body as { tags: string[] }).tags;
    expect(await tags(QUIRK.localPathAdapter)).toContain(LOCAL_PATH_TAGS[0]);
    expect(await tags(QUIRK.dotPathAdapter)).toContain(LOCAL_PATH_TAGS[1]);
    expect(await tags(QUIRK.distilled)).toContain(UNKNOWN_RELATION_TAG);
    expect((await tags(QUIRK.junkOnlyAdapter)).filter((t) => t.startsWith('base_model:'))).toEqual([
      ...LOCAL_PATH_TAGS,
    ]);
    const legacy = (await info(QUIRK.legacyChild)).body as { createdAt: string; _id: string };
    expect(legacy.createdAt).toBe('2022-03-02T23:29:04.000Z');
    // The ObjectId keeps the real (earlier) creation time.
    expect(Number.parseInt(legacy._id.slice(0, 8), 16) * 1000).toBeLessThan(Date.parse('2022-03-01'));
    const generated = hub().dataset.records.filter((r) => r.parents.length === 0 && r.createdAt === legacy.createdAt);
    expect(generated.length / hub().dataset.records.length).toBeGreaterThan(0.008);
  });

  it('keeps cardData.base_model raw, junk included', async () => {
    const card = (id: string) =>
      info(id).then((r) => (r.body as { cardData: { base_model: unknown } }).cardData.base_model);
    expect(await card(FIXTURE.renamedParentChild)).toBe(FIXTURE.llamaOldName);
    expect(await card(FIXTURE.urlCard)).toBe(`https://huggingface.co/${FIXTURE.qwenInstruct}`);
    expect(await card(FIXTURE.whitespaceCard)).toMatch(/^\s+meta-llama/);
    expect(await card(FIXTURE.localPathMerge)).toContain('D:/Huggingface/Qwen2.5-7B');
    expect(await card(FIXTURE.deletedParentMerge)).toContain(FIXTURE.deletedParent);
  });
});
