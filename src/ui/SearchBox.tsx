// Search with autocomplete over every model id: an ARIA combobox; Enter or a click selects and frames the model.
import { useMemo, useState } from 'react';
import type { LineageGraph } from '../graph/graph.ts';
import { SearchIndex } from '../graph/search-index.ts';

interface Props {
  graph: LineageGraph;
  ids: readonly string[];
  onPick(id: string): void;
}

export function SearchBox({ graph, ids, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const index = useMemo(
    () =>
      new SearchIndex(
        ids,
        Float64Array.from(ids, (id) => graph.getNodeAttribute(id, 'downloads')),
      ),
    [graph, ids],
  );
  const hits = useMemo(() => index.search(query, 10), [index, query]);
  const pick = (id: string): void => {
    onPick(id);
    setQuery(id);
    setOpen(false);
  };
  return (
    <div className="search">
      <input
        data-testid="search-input"
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={open && hits[active] ? `hit-${active}` : undefined}
        aria-label="Search models by id"
        placeholder={`Search ${ids.length.toLocaleString('en')} models  ( / )`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) pick(hits[active].id);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && hits.length > 0 && (
        <ul id="search-results" role="listbox" className="search-results" data-testid="search-results">
          {hits.map((h, i) => (
            <li key={h.id} id={`hit-${i}`} role="option" aria-selected={i === active} onMouseDown={() => pick(h.id)}>
              <span>{h.id}</span>
              <small>{h.downloads.toLocaleString('en')} ↓</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
