// Everything about one model: metadata, a link to its Hub page, its ancestry chain, children per relation
// (direct and transitive), and "crawl descendants" for a model outside the crawled families. Hub text is only
// ever rendered as text.
import { useMemo } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import { ancestryChain, childCounts } from '../graph/queries.ts';
import { RELATIONS } from '../hub/model.ts';
import { modelPageUrl } from './settings.ts';

interface Props {
  graph: LineageGraph;
  id: string;
  hubUrl: string;
  crawledFamilies: readonly string[];
  onPick(id: string): void;
  onFocus(id: string): void;
  onCrawlDescendants(id: string): void;
  onClose(): void;
}

export function DetailsPanel({
  graph,
  id,
  hubUrl,
  crawledFamilies,
  onPick,
  onFocus,
  onCrawlDescendants,
  onClose,
}: Props) {
  const attrs = graph.getNodeAttributes(id);
  const chain = useMemo(() => ancestryChain(graph, id), [graph, id]);
  const counts = useMemo(() => childCounts(graph, id), [graph, id]);
  const href = modelPageUrl(hubUrl, id);
  const outside = !crawledFamilies.includes(attrs.family);
  const rows: [string, string][] = [
    ['family', attrs.family],
    ['author', attrs.author],
    ['status', attrs.status],
    ['depth', String(attrs.depth)],
    ['downloads (30 d)', attrs.downloads.toLocaleString('en')],
    ['likes', attrs.likes.toLocaleString('en')],
    ['created', attrs.created_at.slice(0, 10) || '—'],
    ['last modified', attrs.last_modified.slice(0, 10) || '—'],
    ['pipeline', attrs.pipeline_tag || '—'],
    ['library', attrs.library_name || '—'],
    ['license', attrs.license || '—'],
    ['gated', attrs.gated || 'no'],
  ];
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
      <h3>Children by relation</h3>
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
