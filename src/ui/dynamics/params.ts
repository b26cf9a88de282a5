// What the family-dynamics panel asks its worker, read from the explorer's view: one rule for the panel and for
// the answer the app prepares before the panel opens (dynamics-host.ts), so the two ask the same question.
import type { ViewState } from '../../view/state.ts';
import type { DynamicsParams } from '../../workers/dynamics.ts';

export function dynamicsParams(
  view: ViewState,
  families: readonly string[],
  selectedIds: ReadonlySet<string>,
): DynamicsParams {
  const d = view.dynamics;
  return {
    filters: view.filters,
    focus: view.focus,
    kind: d.kind,
    communityOnly: d.communityOnly,
    families,
    groups: d.groups,
    scope: d.scope,
    selected: d.scope === 'selection' ? [...selectedIds] : [],
  };
}

/** The crawled families the panel shows, in the explorer's order (the models of no family are not one). */
export function panelFamilies(familyOrder: readonly string[]): string[] {
  return familyOrder.filter((f) => f !== 'other');
}

/** Two requests with the same key ask the same question (the params are plain data). */
export function paramsKey(params: DynamicsParams): string {
  return JSON.stringify(params);
}
