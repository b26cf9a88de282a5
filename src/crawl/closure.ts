// From what a crawl knows to the lineage it reports: every model reachable from the seeds (orgs, roots), each
// labelled with the family whose seed reached it first, the parents those models name (kept, external, refused or
// unread), typed edges, depths, and the parents that still need one look-up each (mustRead says which).
import { computeDepths, edgeKey } from '../graph/depth.ts';
import { blankNode, type Lineage, type LineageEdge, type ModelNode } from '../lineage/types.ts';
import type { HubModel, Relation } from '../lineage/model.ts';
import { normalizeRepoId } from '../lineage/repo-id.ts';
import type { Knowledge } from './knowledge.ts';
import type { Seeds } from './records.ts';

export const EXTERNAL_FAMILY = 'other';

/** Members of the seeds' families: lower-case id → family label, in breadth-first order. `provisional` (a crawl's
 * partial lineage): a tag parent under a seed org counts as a member before its record is listed, so are the models
 * below it. A sweep lists the newest models first and the families' own models, years old, last: without this a
 * first crawl's partial graphs stay empty until its end. */
export function familyMembers(k: Knowledge, seeds: Seeds, provisional = false): Map<string, string> {
  const children = new Map<string, HubModel[]>();
  for (const m of k.models.values())
    for (const p of m.parents) {
      const key = (k.resolve(p.id)?.id ?? p.id).toLowerCase();
      (children.get(key) ?? children.set(key, []).get(key))?.push(m);
    }
  const family = new Map<string, string>();
  const queue: string[] = [];
  const seed = (key: string | undefined, label: string): void => {
    if (!key || family.has(key)) return;
    family.set(key, label);
    queue.push(key);
  };
  for (const org of seeds.orgs) {
    const under = (key: string): boolean => key.startsWith(`${org.toLowerCase()}/`);
    for (const [key, m] of k.models) if (under(m.id.toLowerCase())) seed(key, org);
    if (provisional) for (const key of children.keys()) if (under(key)) seed(key, org);
  }
  // A root the Hub refuses (disabled, deleted) is still a member: its children's tags name it.
  for (const root of seeds.roots)
    seed(
      k.resolve(root)?.id.toLowerCase() ?? (k.missing.has(root.toLowerCase()) ? root.toLowerCase() : undefined),
      root,
    );
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const child of children.get(id) ?? []) seed(child.id.toLowerCase(), family.get(id) as string);
  }
  return family;
}

/** What the journal's listings covered, which decides the tag parents worth a look-up each. */
export interface ListingCover {
  seeds: Seeds;
  /** When the journal's last complete sweep of the whole Hub began (null: none, or a journal too old to say). */
  sweptAt: string | null;
}

/**
 * Whether a member's tag parent that the journal does not hold must be read one by one. The Hub writes a tag only
 * for a parent it resolves, so the parent exists; what a look-up adds is its details, or why no listing showed it.
 * Read: a parent under a seed org (a family member the org's listing did not show: disabled, private) or a seed
 * root, and any parent of a model the last full sweep listed (the sweep keeps every parent it has seen named, so
 * this one was unlisted: only a look-up says whether it is disabled or gone). Not read: a parent outside the
 * families that no listing of this journal covered (a cross-family merge's other parents, on published data or a
 * walk, or named by a model created since the last sweep). It becomes an `unread` node: its details wait for a
 * full refresh, which lists it, or for "crawl descendants", which makes it a root.
 */
export function mustRead(cover: ListingCover, child: HubModel, parent: string): boolean {
  const key = parent.toLowerCase();
  if (cover.seeds.orgs.some((o) => key.startsWith(`${o.toLowerCase()}/`))) return true;
  if (cover.seeds.roots.some((r) => r.toLowerCase() === key)) return true;
  return cover.sweptAt !== null && (child.createdAt === null || child.createdAt < cover.sweptAt);
}

/** Card entries of members that name a parent the Hub gave no tag for, and tag parents never seen that must be read
 * (mustRead). */
export function pendingLookups(
  k: Knowledge,
  members: Map<string, string>,
  cover: ListingCover,
): { lookups: string[]; junk: { child: string; raw: string }[] } {
  const lookups = new Set<string>();
  const junk: { child: string; raw: string }[] = [];
  for (const key of members.keys()) {
    const m = k.models.get(key);
    if (!m) continue;
    for (const p of m.parents) if (!k.knows(p.id) && mustRead(cover, m, p.id)) lookups.add(p.id);
    const tagged = new Set(m.parents.map((p) => (k.resolve(p.id)?.id ?? p.id).toLowerCase()));
    const entries = m.cardBase.map((raw) => ({ raw, id: normalizeRepoId(raw) }));
    for (const e of entries) if (!e.id) junk.push({ child: m.id, raw: e.raw });
    const valid = [...new Set(entries.flatMap((e) => (e.id && e.id.toLowerCase() !== key ? [e.id] : [])))];
    if (valid.length <= m.parents.length) continue;
    for (const id of valid) if (!tagged.has(id.toLowerCase()) && !k.knows(id)) lookups.add(id);
  }
  return { lookups: [...lookups], junk };
}

/** The lineage graph's nodes and edges for the seeds, from everything the crawl knows. */
export function buildLineage(k: Knowledge, seeds: Seeds, provisional = false): Lineage {
  const members = familyMembers(k, seeds, provisional);
  const nodes = new Map<string, ModelNode>();
  const edges = new Map<string, LineageEdge>();
  const addEdge = (parent: string, child: string, relation: Relation): void => {
    if (parent.toLowerCase() !== child.toLowerCase())
      edges.set(edgeKey(parent, child), { parent, child, relation, cycle: false });
  };
  for (const [key, family] of members) {
    const m = k.models.get(key);
    const refused = k.missing.get(key);
    if (!m) {
      if (refused) nodes.set(refused.id, refusedNode(refused.id, family, refused.disabled));
      continue;
    }
    nodes.set(m.id, nodeOf(m, family));
    for (const p of m.parents) {
      const parent = k.resolve(p.id);
      if (parent && !nodes.has(parent.id) && !members.has(parent.id.toLowerCase()))
        nodes.set(parent.id, nodeOf(parent, EXTERNAL_FAMILY));
      addEdge(parent?.id ?? p.id, m.id, p.relation);
    }
    for (const raw of m.cardBase) {
      const id = normalizeRepoId(raw);
      const missing = id ? k.missing.get(id.toLowerCase()) : undefined;
      if (!missing) continue;
      if (!nodes.has(missing.id)) nodes.set(missing.id, refusedNode(missing.id, family, missing.disabled));
      addEdge(
        missing.id,
        m.id,
        m.cardRelation ?? m.parents[0]?.relation ?? (m.cardBase.length > 1 ? 'merge' : 'unknown'),
      );
    }
  }
  // Tag parents the journal holds nothing of: refused when a look-up said so, else unread; outside the families, but
  // for a provisional member (a seed org's model not listed yet).
  for (const e of edges.values()) {
    if (nodes.has(e.parent)) continue;
    const refused = k.missing.get(e.parent.toLowerCase());
    const family = members.get(e.parent.toLowerCase()) ?? EXTERNAL_FAMILY;
    nodes.set(
      e.parent,
      refused ? refusedNode(e.parent, family, refused.disabled) : blankNode(e.parent, family, 'unread'),
    );
  }
  const ids = [...nodes.keys()];
  const { depth, backEdges } = computeDepths(ids, [...edges.values()]);
  for (const n of nodes.values()) n.depth = depth.get(n.id) ?? 0;
  for (const [key, e] of edges) e.cycle = backEdges.has(key);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function nodeOf(m: HubModel, family: string): ModelNode {
  return {
    id: m.id,
    author: m.author,
    family,
    depth: 0,
    downloads: m.downloads,
    likes: m.likes,
    created_at: m.createdAt ?? '',
    last_modified: m.lastModified ?? '',
    pipeline_tag: m.pipelineTag ?? '',
    library_name: m.libraryName ?? '',
    license: m.license ?? '',
    gated: m.gated || '',
    status: m.disabled ? 'disabled' : 'ok',
  };
}

/** A node the Hub refused to describe: `disabled` when it said so, else `missing` (deleted, private, unreadable). */
function refusedNode(id: string, family: string, disabled = false): ModelNode {
  return blankNode(id, family, disabled ? 'disabled' : 'missing');
}
