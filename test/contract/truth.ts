// Ground truth for crawl tests: the edges a complete crawl of some seeds must find, and what it must not make.
import { expect } from 'vitest';
import { isRepoId } from '../../src/lineage/repo-id.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import type { HubDataset, TruthEdge } from '../hub/records.ts';

export function reachableTruth(ds: HubDataset, seeds: { orgs: string[]; roots: string[] }): TruthEdge[] {
  const kids = new Map<string, string[]>();
  for (const e of ds.truth) (kids.get(e.parent) ?? kids.set(e.parent, []).get(e.parent))?.push(e.child);
  const orgs = seeds.orgs.map((o) => `${o.toLowerCase()}/`);
  // Disabled repos are unlisted: an org's disabled model is seen by no crawl, a disabled root still seeds its
  // children (their tags name it).
  const inOrg = (id: string): boolean => orgs.some((o) => id.toLowerCase().startsWith(o));
  const start = ds.records
    .filter((r) => !r.private && ((!r.disabled && inOrg(r.id)) || seeds.roots.includes(r.id)))
    .map((r) => r.id);
  const reached = new Set(start);
  const queue = [...start];
  for (let i = 0; i < queue.length; i++)
    for (const c of kids.get(queue[i] as string) ?? [])
      if (!reached.has(c)) {
        reached.add(c);
        queue.push(c);
      }
  return ds.truth.filter((e) => reached.has(e.child));
}

export function edgeRecall(
  found: { parent: string; child: string }[],
  truth: TruthEdge[],
): { recall: number; missed: TruthEdge[] } {
  const got = new Set(found.map((e) => `${e.parent}\u0000${e.child}`));
  const missed = truth.filter((e) => !got.has(`${e.parent}\u0000${e.child}`));
  return { recall: truth.length === 0 ? 1 : 1 - missed.length / truth.length, missed };
}

/** Every reachable edge; no edge the Hub does not state from a readable model or an unread one (a parent named by a
 * tag: a junk tag read as a parent would be one); no node whose id is not a repo id (a junk node). */
export function expectFaithful(lineage: Lineage, ds: HubDataset, seeds: { orgs: string[]; roots: string[] }): void {
  expect(edgeRecall(lineage.edges, reachableTruth(ds, seeds)).missed).toEqual([]);
  const stated = new Set(ds.truth.map((e) => `${e.parent}>${e.child}`));
  const status = new Map(lineage.nodes.map((n) => [n.id, n.status]));
  const named = (id: string): boolean => status.get(id) === 'ok' || status.get(id) === 'unread';
  const unstated = lineage.edges.filter((e) => named(e.parent) && !stated.has(`${e.parent}>${e.child}`));
  expect(unstated).toEqual([]);
  expect(lineage.nodes.filter((n) => !isRepoId(n.id)).map((n) => n.id)).toEqual([]);
}
