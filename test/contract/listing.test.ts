// Pins the local Hub's GET /api/models to hub-api.md §1 and §7.1.
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { getJson, nextLink, syntheticHub, useHub } from './helpers.ts';

type Item = Record<string, unknown>;
const hub = useHub(() => ({ dataset: syntheticHub(3000), quota: 100_000 }));
const list = async (query: string) => getJson(`${hub().url}/api/models?${query}`);

describe('GET /api/models', () => {
  it('returns the default item keys, with modelId equal to id', async () => {
    const { status, body } = await list('limit=3&search=Qwen2.5-7B-Instruct');
    expect(status).toBe(200);
    const item = (body as Item[])[0] as Item;
    expect(Object.keys(item).sort()).toEqual(
      [
        '_id',
        'id',
        'likes',
        'trendingScore',
        'private',
        'downloads',
        'tags',
        'pipeline_tag',
        'library_name',
        'createdAt',
        'modelId',
      ].sort(),
    );
    expect(item.modelId).toBe(item.id);
  });

  it('adds author, gated, lastModified, sha and siblings with full=true, and cardData with cardData=true', async () => {
    const item = ((await list('limit=1&full=true&cardData=true')).body as Item[])[0] as Item;
    for (const key of ['author', 'gated', 'lastModified', 'sha', 'siblings', 'cardData'])
      expect(item).toHaveProperty(key);
  });

  it('with expand returns only _id, id and the asked fields, in both spellings', async () => {
    for (const q of ['expand=author&expand=tags', 'expand[]=author&expand[]=tags']) {
      const items = (await list(`limit=5&${q}`)).body as Item[];
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['_id', 'author', 'id', 'tags']);
    }
  });

  it('answers 400 for unknown expand values and for the ones a listing refuses', async () => {
    for (const bad of ['foo', 'childrenModelCount', 'usedStorage', '_id', 'cardData.license']) {
      const { status, body } = await list(`expand=${bad}`);
      expect(status, bad).toBe(400);
      expect((body as { error: string }).error).toMatch(/must be one of/);
    }
    expect((await list('limit=1&expand=baseModels')).status).toBe(200);
  });

  it('ANDs repeated filters, accepts the comma form and treats other= as a filter', async () => {
    const tag = `base_model:quantized:${FIXTURE.qwenInstruct}`;
    const both = (await list(`filter=${encodeURIComponent(tag)}&filter=gguf&limit=1000&expand=tags`)).body as Item[];
    expect(both.length).toBeGreaterThan(0);
    for (const item of both) expect(item.tags).toEqual(expect.arrayContaining([tag, 'gguf']));
    const comma = (await list(`filter=${encodeURIComponent(`${tag},gguf`)}&limit=1000`)).body as Item[];
    expect(comma.map((i) => i.id)).toEqual(both.map((i) => i.id));
    const other = (await list(`other=${encodeURIComponent(tag)}&filter=gguf&limit=1000`)).body as Item[];
    expect(other.map((i) => i.id)).toEqual(both.map((i) => i.id));
  });

  it('filters by author, case-insensitive search and pipeline_tag', async () => {
    const byAuthor = (await list('author=Qwen&limit=1000')).body as Item[];
    expect(byAuthor.length).toBeGreaterThan(5);
    for (const item of byAuthor) expect(String(item.id)).toMatch(/^Qwen\//);
    const search = (await list('search=QWEN2.5-7b&limit=1000')).body as Item[];
    for (const item of search) expect(String(item.id).toLowerCase()).toContain('qwen2.5-7b');
    const pipe = (await list('pipeline_tag=text-to-image&limit=50')).body as Item[];
    for (const item of pipe) expect(item.pipeline_tag).toBe('text-to-image');
  });

  it('sorts descending whatever direction says, and defaults to trendingScore in the Link', async () => {
    const items = (await list('sort=downloads&direction=1&limit=200')).body as Item[];
    const downloads = items.map((i) => Number(i.downloads));
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
    const { headers } = await list('limit=10');
    expect(nextLink(headers)).toContain('sort=trendingScore');
  });

  it('caps limit at 1000 and honours skip', async () => {
    expect(((await list('limit=5000')).body as Item[]).length).toBe(1000);
    const first = (await list('sort=createdAt&limit=10')).body as Item[];
    const skipped = (await list('sort=createdAt&limit=5&skip=5')).body as Item[];
    expect(skipped.map((i) => i.id)).toEqual(first.slice(5).map((i) => i.id));
  });

  it('pages with an absolute Link to its own origin, keeping every parameter, absent on the last page', async () => {
    const seen = new Set<string>();
    let url: string | undefined = `${hub().url}/api/models?author=Qwen&sort=createdAt&limit=4&expand[]=createdAt`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(hub().url)).toBe(true);
      const { headers, body } = await getJson(url);
      for (const item of body as Item[]) seen.add(String(item.id));
      url = nextLink(headers);
      if (url) expect(url).toMatch(/author=Qwen.*sort=createdAt.*limit=4.*expand%5B%5D=createdAt.*cursor=/);
      pages++;
    }
    const qwenModels = hub().dataset.records.filter((r) => r.author === 'Qwen' && !r.private);
    expect(seen.size).toBe(qwenModels.length);
    expect(pages).toBe(Math.ceil(qwenModels.length / 4));
  });

  it('encodes the cursor as the Hub does: base64 of a Mongo keyset query on the sort key then _id', async () => {
    const link = nextLink((await list('sort=likes&limit=2')).headers) as string;
    const cursor = new URL(link).searchParams.get('cursor') as string;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64').toString()) as { $or: Item[] };
    expect(decoded.$or[0]).toHaveProperty('likes');
    expect(decoded.$or[0]).toHaveProperty('_id.$gt');
    expect((await list('cursor=not-a-cursor')).status).toBe(400);
  });
});
