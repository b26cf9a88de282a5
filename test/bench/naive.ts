// The baseline crawler the benchmark compares against: breadth-first, one `filter=base_model:X` listing (all
// its pages) per model found, starting from every model of the seed orgs. It shares our Hub client, so the
// only difference measured is the strategy.
import type { HubClient } from '../../src/hub/client.ts';

export async function naiveCrawl(
  client: HubClient,
  orgs: string[],
  concurrency = 16,
): Promise<{ edges: { parent: string; child: string }[]; models: number }> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const edges: { parent: string; child: string }[] = [];
  const listAll = async (url: string, onPage: (ids: { id: string; parents: string[] }[]) => void): Promise<void> => {
    for (let next: string | null = url; next;) {
      const page = await client.listPage(next);
      onPage(page.models.map((m) => ({ id: m.id, parents: m.parents.map((p) => p.id) })));
      next = page.next;
    }
  };
  for (const org of orgs)
    await listAll(client.listingUrl({ author: org, sort: 'createdAt' }), (ms) => {
      for (const m of ms) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        queue.push(m.id);
      }
    });
  let cursor = 0;
  const worker = async (): Promise<void> => {
    while (cursor < queue.length) {
      const parent = queue[cursor++] as string;
      await listAll(client.listingUrl({ filters: [`base_model:${parent}`], sort: 'createdAt' }), (ms) => {
        for (const m of ms) {
          edges.push({ parent, child: m.id });
          if (!seen.has(m.id)) {
            seen.add(m.id);
            queue.push(m.id);
          }
        }
      });
    }
  };
  // Workers stop when the queue is momentarily empty while others still add to it: loop until it settles.
  while (cursor < queue.length) await Promise.all(Array.from({ length: concurrency }, worker));
  return { edges, models: seen.size };
}
