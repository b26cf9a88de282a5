// Selection rules on a lineage with known answers, and their permalink form.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { isRepoId } from '../../src/lineage/repo-id.ts';
import {
  decodeRule,
  describeSelection,
  encodeRule,
  resolveSelection,
  type Selection,
} from '../../src/view/selection.ts';
import { decodePermalink, encodePermalink } from '../../src/view/permalink.ts';
import { defaultView } from '../../src/view/state.ts';
import { smallLineage } from './fixtures.ts';

const g = createLineageGraph(smallLineage());
const sel = (rule: Selection['rule'], add: string[] = [], remove: string[] = []): Selection => ({ rule, add, remove });

describe('selection rules', () => {
  it('selects descendants to depth k, ancestors, or both', () => {
    expect(
      [...resolveSelection(g, sel({ kind: 'lineage', root: 'Q/inst', depth: 1, up: false, down: true }))].sort(),
    ).toEqual(['Q/inst', 'u/ft1', 'u/merge', 'u/q4']);
    expect(
      [...resolveSelection(g, sel({ kind: 'lineage', root: 'u/merge', depth: null, up: true, down: false }))].sort(),
    ).toEqual(['L/base', 'Q/base', 'Q/inst', 'u/merge']);
    expect(resolveSelection(g, sel({ kind: 'lineage', root: 'Q/inst', depth: null, up: true, down: true })).size).toBe(
      7,
    );
  });

  it('selects the lineage path between two models, plus and minus models picked by hand', () => {
    const path = sel({ kind: 'path', from: 'Q/base', to: 'u/lora' }, ['L/inst', 'nope/x'], ['u/ft1']);
    expect([...resolveSelection(g, path)].sort()).toEqual(['L/inst', 'Q/base', 'Q/inst', 'u/lora']);
    expect(describeSelection(path)).toBe('path from Q/base to u/lora (+2 −1)');
    expect(resolveSelection(g, sel({ kind: 'path', from: 'L/inst', to: 'u/lora' })).size).toBe(0);
  });

  it('selects the models whose layout position lies in a drawn box', () => {
    const placed = createLineageGraph(smallLineage());
    const x: Record<string, number> = {
      'Q/base': 0,
      'Q/inst': 10,
      'u/ft1': 20,
      'u/merge': 20,
      'u/q4': 20,
      'u/gguf': 30,
      'u/lora': 30,
      'L/base': 0,
      'L/inst': 10,
    };
    placed.forEachNode((id) => placed.mergeNodeAttributes(id, { x: x[id] as number, y: id.startsWith('L/') ? 50 : 0 }));
    const box = sel({ kind: 'box', x0: 5, y0: -1, x1: 25, y1: 1 });
    expect([...resolveSelection(placed, box)].sort()).toEqual(['Q/inst', 'u/ft1', 'u/merge', 'u/q4']);
    expect(describeSelection(box)).toBe('models in the drawn box');
  });

  it('encodes rules for permalinks and refuses malformed ones', () => {
    const rules: Selection['rule'][] = [
      { kind: 'lineage', root: 'Q/inst', depth: 2, up: false, down: true },
      { kind: 'lineage', root: 'Q/inst', depth: null, up: true, down: true },
      { kind: 'lineage', root: 'Q/inst', depth: null, up: true, down: false },
      { kind: 'path', from: 'Q/base', to: 'u/lora' },
      { kind: 'box', x0: -1.5, y0: 2, x1: 30.25, y1: 40 },
    ];
    for (const r of rules) expect(decodeRule(encodeRule(r) as string, isRepoId)).toEqual(r);
    for (const bad of ['x:Q/inst', 'd:<b>/x', 'p:Q/base', 'd:Q/inst:99999', 'b:5,5,1,1', 'b:1,2,3'])
      expect(decodeRule(bad, isRepoId)).toBeNull();
    const view = { ...defaultView(), selection: sel(rules[3] as Selection['rule'], ['L/inst']), embed: true };
    const back = decodePermalink(`?${encodePermalink({ view, camera: null, crawledAt: null }).toString()}`);
    expect(back.view.selection).toEqual(view.selection);
    expect(back.view.embed).toBe(true);
  });
});
