// The relations by which a model derives from a parent, their codes (index in RELATIONS, used by typed arrays), and
// the one rule for a model with several parents: the first parent's relation, unless one is a merge ('merge' wins:
// a model made from several parents is a merge, whatever its other tags say).

export type Relation = 'finetune' | 'adapter' | 'quantized' | 'merge' | 'unknown';
export const RELATIONS: readonly Relation[] = ['finetune', 'adapter', 'quantized', 'merge', 'unknown'];

const CODES = new Map<Relation, number>(RELATIONS.map((r, i) => [r, i]));
export const MERGE_CODE = CODES.get('merge') as number;
/** No relation (a root): the code combining starts from. */
export const NO_RELATION = -1;

/** The code of a relation; anything unknown reads as 'unknown'. */
export function relationCode(r: Relation): number {
  return CODES.get(r) ?? RELATIONS.length - 1;
}

/** 'merge wins': the relation so far (NO_RELATION for none) combined with one more parent edge's. */
export function mergeWins(current: number, next: number): number {
  return current === NO_RELATION || next === MERGE_CODE ? next : current;
}
