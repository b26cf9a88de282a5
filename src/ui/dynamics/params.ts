// What the family-dynamics panel asks its worker, read from the explorer's view: one rule for the panel and for
// the answer the app prepares before the panel opens (dynamics-host.ts), so the two ask the same question.
import { useMemo } from 'react';
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

/** The panel's request as the view gives it, a new object only when what the worker reads changes (the panel's
 * and the prepared request are the same question). */
export function usePanelParams(view: ViewState, familyOrder: readonly string[], selectedIds: ReadonlySet<string>) {
  const d = view.dynamics;
  const familiesKey = panelFamilies(familyOrder).join('\n');
  const selection = d.scope === 'selection' ? selectedIds : null;
  return useMemo(
    () => dynamicsParams(view, familiesKey === '' ? [] : familiesKey.split('\n'), selection ?? new Set()),
    [view.filters, view.focus, d.kind, d.communityOnly, familiesKey, d.groups, d.scope, selection], // eslint-disable-line react-hooks/exhaustive-deps
  );
}
