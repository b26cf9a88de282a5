// The local Hub serving the real records of ../shared/hub-data: every real edge is listed under its parent.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HUB_DATA, loadRealHub } from '../hub/real-data.ts';
import { getJson, nextLink, useHub } from './helpers.ts';

const dataset = loadRealHub();
const hub = useHub(() => ({ dataset, quota: 100_000 }));

describe('local Hub on real data', () => {
  it('turns every real edge into the Hub tags of its child', () => {
    const rows = Papa.parse<{ child_id: string; parent_id: string }>(
      readFileSync(join(DEFAULT_HUB_DATA, 'edges.csv'), 'utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    const plain = loadRealHub(DEFAULT_HUB_DATA, { quirks: false });
    const pairs = new Set(plain.truth.map((e) => `${e.parent.toLowerCase()}>${e.child.toLowerCase()}`));
    const selfLoops = rows.filter((r) => r.child_id.toLowerCase() === r.parent_id.toLowerCase()).length;
    const distinct = new Set(rows.map((r) => `${r.parent_id.trim().toLowerCase()}>${r.child_id.trim().toLowerCase()}`));
    expect(pairs.size).toBe(distinct.size - selfLoops);
    expect(dataset.records.length).toBeGreaterThan(19_000);
  });

  it('lists the real children of Qwen/Qwen3-0.6B through base_model filters and pages', async () => {
    const expected = dataset.truth.filter((e) => e.parent === 'Qwen/Qwen3-0.6B').map((e) => e.child);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let url: string | undefined =
      `${hub().url}/api/models?filter=base_model:Qwen/Qwen3-0.6B&sort=createdAt&limit=50&expand=tags`;
    while (url) {
      const { body, headers } = await getJson(url);
      seen.push(...(body as { id: string }[]).map((i) => i.id));
      url = nextLink(headers);
    }
    expect(seen.sort()).toEqual([...expected].sort());
  });

  it('keeps the real metadata and gates the meta-llama org', async () => {
    const { body } = await getJson(`${hub().url}/api/models/meta-llama/Llama-2-7b-chat-hf`);
    expect(body).toMatchObject({ id: 'meta-llama/Llama-2-7b-chat-hf', gated: 'manual', author: 'meta-llama' });
  });
});
