// Which view changes are steps in the browser's history, so Back undoes them: the picked model, the focused
// subtree and the selection (rule and models added or removed by hand), set or cleared. Everything else (camera,
// filters, encodings, families, the panel's settings) rewrites the current entry. Back and Forward bring back an
// entry's step and leave the rest as it is now: Back undoes a pick, it does not undo a filter or crawl a family
// away.
import type { ViewState } from './state.ts';

export type ViewStep = Pick<ViewState, 'selected' | 'focus' | 'selection'>;

export function stepOf(view: ViewState): ViewStep {
  return { selected: view.selected, focus: view.focus, selection: view.selection };
}

/** Equal for two views exactly when they are the same step. */
export function stepKey(view: ViewState): string {
  const { selected, focus, selection } = stepOf(view);
  return JSON.stringify([selected, focus, selection.rule, selection.add, selection.remove]);
}

/** The view now, with the step of `entry` (a history entry's view, read back through the URL codec). */
export function withStep(view: ViewState, entry: ViewState): ViewState {
  return { ...view, ...stepOf(entry) };
}
