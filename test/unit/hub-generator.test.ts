// The synthetic Hub looks like the real one: relation mix, leaves, fan-out, depth, merges, tags and ObjectIds.
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { generateHub } from '../hub/generate.ts';
import type { HubRecord } from '../hub/records.ts';

const hub = generateHub({ size: 20_000, seed: 3 });
const childCount = new Map<string, number>();
for (const e of hub.truth) childCount.set(e.parent, (childCount.get(e.parent) ?? 0) + 1);
const derived = hub.records.filter((r) => r.parents.length > 0);

describe('synthetic Hub', () => {
  it('is reproducible from its seed and has the asked size', () => {
    const again = generateHub({ size: 20_000, seed: 3 });
    expect(again.records.map((r) => r.id)).toEqual(hub.records.map((r) => r.id));
    expect(hub.records).toHaveLength(20_000);
    expect(generateHub({ size: 20_000, seed: 4 }).records.map((r) => r.id)).not.toEqual(hub.records.map((r) => r.id));
  });

  it('follows the real relation mix by child model', () => {
    const share = (rel: string) => derived.filter((r) => r.parents[0]?.relation === rel).length / derived.length;
    expect(share('adapter')).toBeCloseTo(0.42, 1);
    expect(share('finetune')).toBeCloseTo(0.33, 1);
    expect(share('quantized')).toBeCloseTo(0.18, 1);
    expect(share('merge')).toBeCloseTo(0.07, 1);
  });

  it('makes ~99% of quantized and adapter children leaves, and a minority of finetunes parents', () => {
    const of = (rel: string) => derived.filter((r) => r.parents.length === 1 && r.parents[0]?.relation === rel);
    const leafShare = (rs: HubRecord[]) => rs.filter((r) => !childCount.has(r.id)).length / rs.length;
    expect(leafShare([...of('quantized'), ...of('adapter')])).toBeGreaterThan(0.985);
    const fertile = 1 - leafShare(of('finetune'));
    expect(fertile).toBeGreaterThan(0.03);
    expect(fertile).toBeLessThan(0.15);
  });

  it('has heavy-tailed fan-out, chains deeper than 10, merges of up to 7 parents, across families too', () => {
    expect(Math.max(...childCount.values())).toBeGreaterThan(1000);
    expect(hub.records.find((r) => r.id === FIXTURE.chainTip)?.parents[0]?.id).toBe('deep-chain/step-11');
    const merges = derived.filter((r) => r.parents.length > 1);
    expect(Math.max(...merges.map((r) => r.parents.length))).toBe(7);
    const crossFamily = merges.filter((r) => new Set(r.parents.map((p) => hub.family.get(p.id))).size > 1);
    expect(crossFamily.length).toBeGreaterThan(0);
  });

  it('computes a plain and a kind tag per resolvable parent, and none for junk parents', () => {
    for (const r of hub.records.slice(0, 2000))
      for (const p of r.parents)
        expect(r.tags).toEqual(expect.arrayContaining([`base_model:${p.id}`, `base_model:${p.relation}:${p.id}`]));
    const orphan = hub.records.find((r) => r.id === FIXTURE.localPathOrphan) as HubRecord;
    expect(orphan.tags.some((t) => t.startsWith('base_model:'))).toBe(false);
  });

  it('gives ObjectIds whose first 4 bytes are the creation time, and the legacy date to old repos', () => {
    for (const r of hub.records.slice(100, 600)) {
      if (r.createdAt.startsWith('2022-03-02')) continue;
      expect(Number.parseInt(r._id.slice(0, 8), 16)).toBe(Math.floor(Date.parse(r.createdAt) / 1000));
    }
    expect(hub.records.find((r) => r.id === FIXTURE.legacy)?.createdAt).toBe('2022-03-02T23:29:04.000Z');
  });

  it('has official gated roots, renamed models and children created after their parents', () => {
    expect(hub.records.find((r) => r.id === FIXTURE.llamaInstruct)?.gated).toBe('manual');
    expect(hub.aliases.get(FIXTURE.llamaOldName.toLowerCase())).toBe(FIXTURE.llamaInstruct);
    expect(hub.aliases.size).toBeGreaterThan(5);
    const created = new Map(hub.records.map((r) => [r.id, Date.parse(r.createdAt)]));
    const late = hub.truth.filter((e) => (created.get(e.child) ?? 0) < (created.get(e.parent) ?? 0));
    expect(late.length / hub.truth.length).toBeLessThan(0.001);
  });
});
