// A model's position in the laid-out ids, for the few lookups a pick or a key makes: the map of every id is made on
// the first lookup, not on a reopen (at 200,000 models it is not worth making before anyone asks).
import { useMemo } from 'react';

/** The position of an id in `ids`, -1 when it is not there. */
export type PositionOf = (id: string) => number;

export function usePositionOf(ids: readonly string[]): PositionOf {
  return useMemo(() => {
    let index: Map<string, number> | null = null;
    return (id: string): number => (index ??= new Map(ids.map((m, i) => [m, i]))).get(id) ?? -1;
  }, [ids]);
}
