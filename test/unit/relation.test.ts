// The one 'merge wins' rule, and one colour per relation in the graph and the charts.
import { describe, expect, it } from 'vitest';
import { RELATION_SERIES } from '../../src/charts/specs.ts';
import { mergeWins, NO_RELATION, relationCode, RELATIONS } from '../../src/lineage/relation.ts';
import { RELATION_COLORS } from '../../src/view/palette.ts';

const code = relationCode;

describe('relations', () => {
  it('take the first parent’s relation unless a later one is a merge', () => {
    expect(mergeWins(NO_RELATION, code('adapter'))).toBe(code('adapter'));
    expect(mergeWins(code('adapter'), code('finetune'))).toBe(code('adapter'));
    expect(mergeWins(code('adapter'), code('merge'))).toBe(code('merge'));
    expect(mergeWins(code('merge'), code('quantized'))).toBe(code('merge'));
    expect(RELATIONS.map(code)).toEqual([0, 1, 2, 3, 4]);
  });

  it('have the same colour in the graph and in the charts', () => {
    expect(RELATION_SERIES.domain.map((r, i) => [r, RELATION_SERIES.range[i]])).toEqual(
      RELATIONS.map((r) => [r, RELATION_COLORS[r]]),
    );
  });
});
