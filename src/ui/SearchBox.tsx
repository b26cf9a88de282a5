// Search with autocomplete over every model id: an ARIA combobox; Enter or a click selects and frames the model.
// The index is built from the laid-out lineage's own records, so the app can build it after the first frame.
import { useMemo, useState } from 'react';
import { SearchIndex } from '../graph/search-index.ts';
import type { ModelNode } from '../lineage/types.ts';

interface Props {
  /** The models to search (a lineage may list a model twice: the later record wins, as in the graph). */
  models: readonly ModelNode[];
  onPick(id: string): void;
}

function searchIndexOf(models: readonly ModelNode[]): SearchIndex {
  const downloads = new Map<string, number>();
  for (const m of models) downloads.set(m.id, m.downloads);
  return new SearchIndex([...downloads.keys()], Float64Array.from(downloads.values()));
}

export function SearchBox({ models, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const index = useMemo(() => searchIndexOf(models), [models]);
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
        // The key that focuses it is said by aria-keyshortcuts and the title: in the placeholder it cut the count
        // off in a full header ("Search 106,997 mode").
        aria-keyshortcuts="/"
        title="Search models by id (key /)"
        // No count while the index is being built (the first forests are drawn before it): "Search 0 models" read
        // as an empty graph.
        placeholder={index.size > 0 ? `Search ${index.size.toLocaleString('en')} models` : 'Search models'}
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
