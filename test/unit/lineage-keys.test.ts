// Walking the lineage from the keyboard: parent, child, siblings in the layout's order, among shown models only.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { siblingPosition, startOfWalk, stepFrom, stepOfKey } from '../../src/view/lineage-keys.ts';
import { smallLineage } from './fixtures.ts';

// Q/base → Q/inst → {u/ft1 → {u/gguf, u/lora}, u/q4}; u/merge of Q/inst + L/base; L/base → L/inst.
const graph = createLineageGraph(smallLineage());
const all = (): boolean => true;
const roots = (): string[] => ['L/base', 'Q/base'];

describe('lineage keys', () => {
  it('maps arrows and brackets to steps, and nothing else', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '[', ']', 'a'].map(stepOfKey)).toEqual([
      'parent',
      'child',
      'previous',
      'next',
      'previous',
      'next',
      null,
    ]);
  });

  it('goes up to the parent of the model’s own family, down to the first child or the one it came from', () => {
    expect(stepFrom(graph, 'u/gguf', 'parent', all, roots)).toBe('u/ft1');
    expect(stepFrom(graph, 'u/merge', 'parent', all, roots)).toBe('Q/inst'); // its Qwen parent, not L/base
    expect(stepFrom(graph, 'Q/base', 'parent', all, roots)).toBeNull();
    expect(stepFrom(graph, 'Q/inst', 'child', all, roots)).toBe('u/ft1');
    expect(stepFrom(graph, 'Q/inst', 'child', all, roots, 'u/q4')).toBe('u/q4');
    expect(stepFrom(graph, 'u/lora', 'child', all, roots)).toBeNull();
  });

  it('goes round the siblings in id order, roots among roots', () => {
    expect(stepFrom(graph, 'u/ft1', 'next', all, roots)).toBe('u/merge');
    expect(stepFrom(graph, 'u/merge', 'next', all, roots)).toBe('u/q4');
    expect(stepFrom(graph, 'u/q4', 'next', all, roots)).toBe('u/ft1');
    expect(stepFrom(graph, 'u/ft1', 'previous', all, roots)).toBe('u/q4');
    expect(stepFrom(graph, 'Q/base', 'next', all, roots)).toBe('L/base');
    // u/merge is a child of L/base too, but drawn under Q/inst: not L/inst's sibling.
    expect(stepFrom(graph, 'L/inst', 'next', all, roots)).toBeNull();
    expect(stepFrom(graph, 'L/base', 'child', all, roots)).toBe('L/inst');
    expect(siblingPosition(graph, 'u/merge', all)).toBe('2 of 3 siblings');
  });

  it('skips what the view hides', () => {
    const shown = (id: string): boolean => id !== 'u/ft1' && id !== 'Q/inst';
    expect(stepFrom(graph, 'u/q4', 'next', shown, roots)).toBeNull(); // its parent is hidden: no siblings drawn
    expect(stepFrom(graph, 'u/merge', 'parent', shown, roots)).toBe('L/base');
    expect(stepFrom(graph, 'Q/base', 'child', shown, roots)).toBeNull();
    // With u/ft1 hidden, Q/inst's two children drawn are counted as such, beside its three in all.
    const withoutFt1 = (id: string): boolean => id !== 'u/ft1';
    expect(siblingPosition(graph, 'u/q4', withoutFt1)).toBe('2 of 2 siblings drawn, of 3 children');
    // Back in time, a child not yet made is no child yet: the siblings drawn are all there were.
    expect(siblingPosition(graph, 'u/q4', withoutFt1, withoutFt1)).toBe('2 of 2 siblings');
  });

  it('starts a walk at the most downloaded root', () => {
    expect(startOfWalk(['L/base', 'Q/base'], graph)).toBe('L/base'); // downloads = id length: a tie, first kept
    expect(startOfWalk([], graph)).toBeNull();
  });
});
