// The bars above the graph: the selection (its size and rule, or the path being picked) and the focus.
import { describeSelection, isEmptySelection } from '../view/selection.ts';
import type { ViewState } from '../view/state.ts';

interface Props {
  view: ViewState;
  selectedCount: number;
  pathFrom: string | null;
  onClearSelection(): void;
  onShowAll(): void;
}

export function GraphBars({ view, selectedCount, pathFrom, onClearSelection, onShowAll }: Props) {
  return (
    <>
      {(!isEmptySelection(view.selection) || pathFrom) && (
        <div className="selection-bar" data-testid="selection-bar" aria-live="polite">
          {pathFrom ? (
            <>
              Pick the other end of the path from <strong>{pathFrom}</strong> (search or click).{' '}
            </>
          ) : (
            <>
              <strong>{selectedCount.toLocaleString('en')} selected</strong>: {describeSelection(view.selection)}.{' '}
            </>
          )}
          <button type="button" onClick={onClearSelection}>
            Clear selection
          </button>
        </div>
      )}
      {view.focus && (
        <div className="focus-bar">
          Focused on <strong>{view.focus}</strong>{' '}
          <button type="button" onClick={onShowAll}>
            Show all
          </button>
        </div>
      )}
    </>
  );
}
