// The ways the app changes its view state, made once (stable callbacks for the panels), and the page's own keys:
// "/" goes to the search, Escape unpicks.
import { useCallback, useEffect, type Dispatch, type SetStateAction } from 'react';
import { withStep } from '../view/history.ts';
import type { DynamicsView, ViewState } from '../view/state.ts';

export function useViewActions(setView: Dispatch<SetStateAction<ViewState>>) {
  const patchView = useCallback((p: Partial<ViewState>) => setView((v) => ({ ...v, ...p })), [setView]);
  const patchDynamics = useCallback(
    (p: Partial<DynamicsView>) => setView((v) => ({ ...v, dynamics: { ...v.dynamics, ...p } })),
    [setView],
  );
  // A group's orgs and roots not crawled yet become families, as if added in the sidebar.
  const addSeeds = useCallback(
    (add: { orgs: string[]; roots: string[] }) =>
      setView((v) => ({
        ...v,
        orgs: [...new Set([...v.orgs, ...add.orgs])],
        roots: [...new Set([...v.roots, ...add.roots])],
      })),
    [setView],
  );
  const setAsOf = useCallback(
    (asOf: string | null) => setView((v) => ({ ...v, filters: { ...v.filters, asOf } })),
    [setView],
  );
  // Back and Forward bring back an entry's pick, focus and selection; the rest of the view stays.
  const restoreStep = useCallback((entry: ViewState) => setView((v) => withStep(v, entry)), [setView]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = (e.target as HTMLElement | null)?.closest('input, select, textarea');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
      } else if (e.key === 'Escape' && !typing) patchView({ selected: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [patchView]);

  return { patchView, patchDynamics, addSeeds, setAsOf, restoreStep };
}
