// Everything about one model: metadata, a link to its Hub page, its ancestry chain, children per relation
// (direct and transitive; with the time slider back in time, of the models there by its month, as the graph shows),
// and "crawl descendants" for a model outside the crawled families. Hub text is only ever rendered as text.
import { useMemo, useState } from 'react';
import type { Selection } from '../view/selection.ts';
import type { LineageGraph } from '../graph/graph.ts';
import { ancestryChain, childCounts } from '../graph/queries.ts';
import { RELATIONS } from '../lineage/model.ts';
import { existedBy, madeBy } from '../view/filters.ts';
import { detailRows } from '../view/node-facts.ts';
import { modelPageUrl } from './settings.ts';

interface Props {
  graph: LineageGraph;
  /** Changes whenever the graph is rebuilt in place (the layout's version): the memoised counts are read again. */
  graphVersion: number;
  id: string;
  /** The time slider's month (YYYY-MM), or null for all time. */
  asOf: string | null;
  hubUrl: string;
  crawledFamilies: readonly string[];
  onPick(id: string): void;
  onFocus(id: string): void;
  onCrawlDescendants(id: string): void;
  onClose(): void;
  selection: Selection;
  selectedIds: ReadonlySet<string>;
  onSelection(s: Selection): void;
  onStartPath(id: string): void;
}

export function DetailsPanel(props: Props) {
  const { graph, graphVersion, id, asOf, hubUrl, crawledFamilies, onPick, onFocus, onCrawlDescendants, onClose } =
    props;
  const attrs = graph.getNodeAttributes(id);
  // The graph object stays for the app's life and is refilled in place: its version says when it changed.
  const chain = useMemo(() => ancestryChain(graph, id), [graph, graphVersion, id]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(
    () => childCounts(graph, id, madeBy(graph, asOf)),
    [graph, graphVersion, id, asOf], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const href = modelPageUrl(hubUrl, id);
  const outside = !crawledFamilies.includes(attrs.family);
  const rows = detailRows(attrs);
  return (
    <aside className="details" data-testid="node-details" aria-label={`Details of ${id}`}>
      <header>
        <h2>{id}</h2>
        <button type="button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          Open on the Hub ↗
        </a>
      )}
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>Ancestry</h3>
      <ol className="chain">
        {chain.map((a) => (
          <li key={a}>
            <button type="button" className="link" onClick={() => onPick(a)} aria-current={a === id}>
              {a}
            </button>
          </li>
        ))}
      </ol>
      {asOf && !existedBy(attrs, asOf) && (
        <p className="as-of-note" data-testid="made-later">
          Made in {attrs.created_at.slice(0, 7)}, after the time slider&apos;s {asOf}: not drawn at that month.
        </p>
      )}
      <h3>Children by relation{asOf && <span className="as-of"> by the end of {asOf}</span>}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">relation</th>
            <th scope="col">direct</th>
            <th scope="col">all below</th>
          </tr>
        </thead>
        <tbody>
          {RELATIONS.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              <td>{counts.direct[r]}</td>
              <td>{counts.transitive[r]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SelectActions {...props} />
      <div className="actions">
        <button type="button" onClick={() => onFocus(id)}>
          Focus on this subtree
        </button>
        {outside && (
          <button type="button" onClick={() => onCrawlDescendants(id)}>
            Crawl descendants
          </button>
        )}
      </div>
    </aside>
  );
}

function SelectActions({ id, selection, selectedIds, onSelection, onStartPath }: Props) {
  const [depth, setDepth] = useState('');
  const k = depth.trim() === '' ? null : Math.max(0, Math.floor(Number(depth)) || 0);
  const lineage = (up: boolean, down: boolean): void =>
    onSelection({ rule: { kind: 'lineage', root: id, depth: k, up, down }, add: [], remove: [] });
  const inSelection = selectedIds.has(id);
  const toggle = (): void =>
    onSelection(
      inSelection
        ? { ...selection, add: selection.add.filter((a) => a !== id), remove: [...selection.remove, id] }
        : { ...selection, add: [...selection.add, id], remove: selection.remove.filter((r) => r !== id) },
    );
  return (
    <section aria-labelledby="select-h">
      <h3 id="select-h">Select</h3>
      <p className="note">Or shift-drag on the graph to select what a box holds.</p>
      <label>
        Descendants to depth{' '}
        <input
          type="number"
          min={0}
          placeholder="all"
          value={depth}
          onChange={(e) => setDepth(e.target.value)}
          className="depth"
          data-testid="select-depth"
        />
      </label>
      <div className="actions">
        <button type="button" onClick={() => lineage(false, true)} data-testid="select-descendants">
          Descendants
        </button>
        <button type="button" onClick={() => lineage(true, false)}>
          Ancestors
        </button>
        <button type="button" onClick={() => lineage(true, true)}>
          Both
        </button>
        <button type="button" onClick={() => onStartPath(id)}>
          Path to…
        </button>
        <button type="button" onClick={toggle} data-testid="select-toggle">
          {inSelection ? 'Remove from selection' : 'Add to selection'}
        </button>
      </div>
    </section>
  );
}
