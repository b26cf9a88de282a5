// The bars above the graph, in one row that wraps (app.css .graph-bars): the focus, and the selection (its size and
// rule, or the path being picked).
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
  const selecting = !isEmptySelection(view.selection) || pathFrom;
  if (!selecting && !view.focus) return null;
  return (
    <div className="graph-bars">
      {view.focus && (
        <div className="focus-bar" data-over-graph>
          Focused on <strong>{view.focus}</strong>{' '}
          <button type="button" onClick={onShowAll}>
            Show all
          </button>
        </div>
      )}
      {selecting && (
        <div className="selection-bar" data-testid="selection-bar" data-over-graph aria-live="polite">
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
    </div>
  );
}
