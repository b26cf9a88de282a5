// The compact local Hub (test/hub/table.ts): a Hub served from generated columns answers every listing exactly
// as the same Hub served from its records does (sorts, filters, junk and case-variant tags, authors, search,
// cursors, children counts), and the id store finds ids case-insensitively as it grows.
import { describe, expect, it } from 'vitest';
import { Catalog, SORT_KEYS, type ListQuery } from '../hub/catalog.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { cutoffBefore } from '../hub/demo-snapshot.ts';
import { generateHubTable, materialise } from '../hub/generate.ts';
import { IdStore } from '../hub/id-store.ts';
import { LOCAL_PATH_TAGS, QUIRK, UNKNOWN_RELATION_TAG } from '../hub/quirks.ts';

const table = generateHubTable({ size: 6000, seed: 4 });
const compact = new Catalog(table);
const fromRecords = new Catalog(materialise(generateHubTable({ size: 6000, seed: 4 })));

const TAGS = [
  'gguf',
  'license:mit',
  `base_model:${FIXTURE.qwenInstruct}`,
  `base_model:quantized:${FIXTURE.qwenInstruct}`,
  `base_model:${FIXTURE.qwenInstruct.toLowerCase()}`,
  `base_model:${FIXTURE.selfRef}`,
  `base_model:merge:${FIXTURE.cycleB}`,
  `base_model:${QUIRK.disabledRoot}`,
  LOCAL_PATH_TAGS[0],
  LOCAL_PATH_TAGS[1],
  UNKNOWN_RELATION_TAG,
];

function pages(catalog: Catalog, q: ListQuery, max = 8): unknown[] {
  const out: unknown[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const page = catalog.list(cursor ? { ...q, cursor } : q);
    out.push(page);
    cursor = page.next;
    if (!cursor) break;
  }
  return out;
}

describe('the compact local Hub', () => {
  it('lists what the same Hub lists from its records, in every sort, filter and page', () => {
    const queries: ListQuery[] = SORT_KEYS.flatMap((sort) => [
      { filters: [], sort, limit: 700, skip: 0 },
      ...TAGS.map((tag) => ({ filters: [tag], sort, limit: 40, skip: 0 })),
      { filters: ['gguf', `base_model:quantized:${FIXTURE.qwenInstruct}`], sort, limit: 30, skip: 2 },
      { filters: [], author: 'qwen', sort, limit: 50, skip: 0 },
      { filters: [], search: 'Llama-3.1-8B', sort, limit: 50, skip: 0 },
      { filters: [], pipelineTag: 'text-to-image', sort, limit: 50, skip: 0 },
    ]);
    for (const q of queries) expect(pages(compact, q), JSON.stringify(q)).toEqual(pages(fromRecords, q));
    expect(compact.size).toBe(fromRecords.size);
  });

  it('finds the junk tags the quirks add, and counts children as the records do', () => {
    const junk = compact.list({ filters: [UNKNOWN_RELATION_TAG], sort: 'createdAt', limit: 1000, skip: 0 }).items;
    expect(junk.map((r) => r.id)).toContain(QUIRK.distilled);
    expect(junk.length).toBeGreaterThan(1);
    for (let row = 0; row < table.length; row += 7) {
      const id = table.id(row);
      expect(compact.childrenCount(id), id).toEqual(fromRecords.childrenCount(id));
      expect(compact.get(id.toUpperCase()), id).toEqual(fromRecords.get(id));
    }
  });
});

describe('the id store', () => {
  it('finds ids case-insensitively, the latest of two spellings, as it grows', () => {
    const store = new IdStore(4);
    const ids = Array.from({ length: 5000 }, (_, i) => `Org${i % 37}/Model-${i}-ÄÖ`);
    ids.forEach((id) => store.add(id));
    ids.forEach((id, i) => expect(store.indexOf(id.toLowerCase())).toBe(i));
    expect(store.get(4999)).toBe(ids[4999]);
    expect(store.indexOf('org1/nothing')).toBe(-1);
    const again = store.add('ORG0/MODEL-0-äö');
    expect(store.indexOf(ids[0] as string)).toBe(again);
  });
});

describe("the public Hub's proportions (profile 'real')", () => {
  const real = materialise(generateHubTable({ size: 60_000, seed: 2026, profile: 'real' }));
  const created = new Map(real.records.map((r) => [r.id, r.createdAt]));

  it('gives distinct creation times on its last day, so a cut before the newest 1% leaves out 1%', () => {
    const cutoff = cutoffBefore(real, 0.01);
    const left = real.records.filter((r) => r.createdAt >= cutoff).length / real.records.length;
    expect(left).toBeGreaterThan(0.009);
    expect(left).toBeLessThan(0.011);
  });

  it('never makes a model before its parents', () => {
    for (const r of real.records)
      for (const p of r.parents) {
        const parent = created.get(p.id);
        if (parent) expect(r.createdAt >= parent, `${r.id} < ${p.id}`).toBe(true);
      }
  });

  it('mixes families in merges as rarely as the real edges do (4 of 41)', () => {
    const seeded = (id: string) => ['qwen', 'llama'].includes(real.family.get(id) ?? '');
    const merges = real.records.filter((m) => m.parents.length > 1 && m.parents.some((p) => seeded(p.id)));
    const mixed = merges.filter((m) => m.parents.some((p) => !seeded(p.id)));
    expect(merges.length).toBeGreaterThan(200);
    expect(mixed.length / merges.length).toBeGreaterThan(0.05);
    expect(mixed.length / merges.length).toBeLessThan(0.15);
  });
});
