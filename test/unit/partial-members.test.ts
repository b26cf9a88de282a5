// A crawl's partial lineage counts a seed org's model that its children's tags name before the sweep lists it (a
// sweep lists the newest first, the families' own models last), and everything below it; the lineage the crawl
// reports at its end counts only what it read, as before.
import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../src/crawl/closure.ts';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import type { HubModel } from '../../src/lineage/model.ts';
import { hubModel } from './journal-fixtures.ts';

const SEEDS = { orgs: ['Qwen'], roots: [] };
const model = (id: string, parent: string): HubModel => ({
  ...hubModel(id),
  parents: [{ id: parent, relation: 'finetune' }],
});

/** What a sweep of the newest models first knows: a fine-tune of Qwen's model and its quantization, and a model
 * of another org; Qwen's own model is not listed yet. */
function newestFirst(): Knowledge {
  const k = new Knowledge();
  k.apply([
    { t: 'model', model: model('u/qwen-ft', 'Qwen/Qwen2.5-7B') },
    { t: 'model', model: model('v/qwen-ft-gguf', 'u/qwen-ft') },
    { t: 'model', model: model('w/mistral-ft', 'mistralai/Mistral-7B') },
  ]);
  return k;
}

describe("a crawl's partial lineage", () => {
  it('counts the families reached through a seed org model named in tags but not listed yet', () => {
    const partial = buildLineage(newestFirst(), SEEDS, true);
    const byId = new Map(partial.nodes.map((n) => [n.id, n]));
    expect([...byId.keys()].sort()).toEqual(['Qwen/Qwen2.5-7B', 'u/qwen-ft', 'v/qwen-ft-gguf']);
    expect(byId.get('Qwen/Qwen2.5-7B')).toMatchObject({ family: 'Qwen', status: 'unread', depth: 0 });
    expect(byId.get('v/qwen-ft-gguf')).toMatchObject({ family: 'Qwen', depth: 2 });
    expect(partial.edges.map((e) => `${e.parent} ${e.child}`).sort()).toEqual([
      'Qwen/Qwen2.5-7B u/qwen-ft',
      'u/qwen-ft v/qwen-ft-gguf',
    ]);
  });

  it('is the lineage of what was read once it is not provisional', () => {
    expect(buildLineage(newestFirst(), SEEDS)).toEqual({ nodes: [], edges: [] });
    // Once Qwen's model is listed, both agree.
    const k = newestFirst();
    k.apply([{ t: 'model', model: { ...hubModel('Qwen/Qwen2.5-7B'), parents: [] } }]);
    expect(buildLineage(k, SEEDS, true)).toEqual(buildLineage(k, SEEDS));
  });
});
