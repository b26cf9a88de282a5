// The bar above the graph: search, the Hub in use, the family-dynamics toggle, sharing and export, settings. An
// embedded view gets only a link back to the full app.
import type { ComponentProps } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import type { ModelNode } from '../lineage/types.ts';
import type { ViewState } from '../view/state.ts';
import { SearchBox } from './SearchBox.tsx';
import { PUBLIC_HUB } from './settings.ts';
import { ShareActions } from './ShareActions.tsx';

type ShareProps = ComponentProps<typeof ShareActions>;

interface Props {
  graph: LineageGraph;
  ids: readonly string[];
  /** The laid-out records (search reads them). */
  models: readonly ModelNode[];
  view: ViewState;
  selectedIds: ReadonlySet<string>;
  info: ShareProps['info'];
  hubUrl: string;
  onPick(id: string): void;
  onOpenSnapshot: ShareProps['onOpenSnapshot'];
  onNotice: ShareProps['onNotice'];
  onDone: ShareProps['onDone'];
  linkNow: ShareProps['linkNow'];
  rendererRef: ShareProps['rendererRef'];
  summary: ShareProps['summary'];
  onSettings(): void;
  onDynamics(): void;
}

export function AppHeader(p: Props) {
  if (p.view.embed)
    return (
      <a
        className="embed-link"
        data-over-graph
        href={window.location.href.replace(/([?&])embed=1&?/, '$1')}
        target="_blank"
        rel="noopener noreferrer"
      >
        Open in Forkscope ↗
      </a>
    );
  return (
    <header className="app-header">
      <h1>Forkscope</h1>
      <SearchBox models={p.models} onPick={p.onPick} />
      {p.hubUrl !== PUBLIC_HUB && (
        <span className="hub-badge" data-testid="hub-badge" title={`${p.hubUrl}: not the public Hugging Face Hub`}>
          Hub: {p.hubUrl}
        </span>
      )}
      <button type="button" aria-pressed={p.view.dynamics.open} onClick={p.onDynamics}>
        Family dynamics
      </button>
      <ShareActions
        graph={p.graph}
        ids={p.ids}
        view={p.view}
        selectedIds={p.selectedIds}
        info={p.info}
        hubUrl={p.hubUrl}
        onOpenSnapshot={p.onOpenSnapshot}
        onNotice={p.onNotice}
        onDone={p.onDone}
        linkNow={p.linkNow}
        rendererRef={p.rendererRef}
        summary={p.summary}
      />
      <button type="button" onClick={p.onSettings}>
        Settings
      </button>
    </header>
  );
}
