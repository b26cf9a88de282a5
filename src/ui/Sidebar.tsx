// The left panel: families and roots (add, remove), encoding with its legend, and filters.
import { RELATIONS } from '../lineage/model.ts';
import {
  COLOR_BY,
  SIZE_BY,
  activeFilterCount,
  emptyFilters,
  type ColorBy,
  type Filters,
  type SizeBy,
  type ViewState,
} from '../view/state.ts';
import { Families } from './Families.tsx';
import type { GraphSummary } from './GraphView.tsx';

interface Props {
  view: ViewState;
  summary: GraphSummary | null;
  options: { licenses: string[]; pipelines: string[]; libraries: string[] };
  onChange(patch: Partial<ViewState>): void;
}

export function Sidebar({ view, summary, options, onChange }: Props) {
  return (
    <nav className="sidebar" aria-label="Families, encoding and filters">
      <Families view={view} onChange={onChange} />
      <Encoding view={view} summary={summary} onChange={onChange} />
      <FiltersForm filters={view.filters} options={options} onChange={(filters) => onChange({ filters })} />
    </nav>
  );
}

function Encoding({ view, summary, onChange }: Pick<Props, 'view' | 'summary' | 'onChange'>) {
  return (
    <section aria-labelledby="encoding-h">
      <h2 id="encoding-h">Encoding</h2>
      <label>
        Colour by{' '}
        <select
          value={view.colorBy}
          onChange={(e) => onChange({ colorBy: e.target.value as ColorBy })}
          data-testid="color-by"
        >
          {COLOR_BY.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Size by{' '}
        <select value={view.sizeBy} onChange={(e) => onChange({ sizeBy: e.target.value as SizeBy })}>
          {SIZE_BY.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={view.fold} onChange={(e) => onChange({ fold: e.target.checked })} /> Fold
        quantization and adapter leaves
      </label>
      <ul className="legend" data-testid="legend" aria-label={`Legend: colour shows ${view.colorBy}`}>
        {summary?.legend.map((l) => (
          <li key={l.label}>
            <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
            {l.label} <small>{l.count.toLocaleString('en')}</small>
          </li>
        ))}
      </ul>
      <p className="note" data-testid="fold-note">
        Size: {view.sizeBy} (log scale).{' '}
        {summary?.folded
          ? `${summary.folded.quantizations.toLocaleString('en')} quantizations and ${summary.folded.adapters.toLocaleString('en')} adapters folded into their parents.`
          : 'Nothing folded.'}
      </p>
    </section>
  );
}

const num = (v: string): number | null =>
  v.trim() === '' || !Number.isFinite(Number(v)) ? null : Math.max(0, Number(v));

function FiltersForm({
  filters,
  options,
  onChange,
}: {
  filters: Filters;
  options: Props['options'];
  onChange(f: Filters): void;
}) {
  const set = (patch: Partial<Filters>): void => onChange({ ...filters, ...patch });
  const select = (label: string, value: string | null, values: string[], key: 'license' | 'pipeline' | 'library') => (
    <label>
      {label}{' '}
      <select
        value={value ?? ''}
        onChange={(e) => set({ [key]: e.target.value || null })}
        data-testid={`filter-${key}`}
      >
        <option value="">any</option>
        {/* The filter in force is offered even before the models' values are read (or when none has it, from a
            link): a select without its value's option shows "any" while it filters. */}
        {(value === null || values.includes(value) ? values : [value, ...values]).map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    </label>
  );
  const range = (label: string, min: number | null, max: number | null, keys: [keyof Filters, keyof Filters]) => (
    <fieldset className="range">
      <legend>{label}</legend>
      <input
        type="number"
        min={0}
        aria-label={`${label} at least`}
        placeholder="min"
        value={min ?? ''}
        onChange={(e) => set({ [keys[0]]: num(e.target.value) })}
        data-testid={`filter-${keys[0]}`}
      />
      <input
        type="number"
        min={0}
        aria-label={`${label} at most`}
        placeholder="max"
        value={max ?? ''}
        onChange={(e) => set({ [keys[1]]: num(e.target.value) })}
      />
    </fieldset>
  );
  const count = activeFilterCount(filters);
  return (
    <section aria-labelledby="filters-h">
      <h2 id="filters-h">Filters {count > 0 && <small>({count} active)</small>}</h2>
      <fieldset className="relations">
        <legend>Relation to parent</legend>
        {RELATIONS.map((r) => (
          <label key={r}>
            <input
              type="checkbox"
              checked={filters.relations.includes(r)}
              onChange={(e) =>
                set({
                  relations: e.target.checked ? [...filters.relations, r] : filters.relations.filter((x) => x !== r),
                })
              }
              data-testid={`filter-relation-${r}`}
            />{' '}
            {r}
          </label>
        ))}
      </fieldset>
      {range('Downloads', filters.minDownloads, filters.maxDownloads, ['minDownloads', 'maxDownloads'])}
      {range('Likes', filters.minLikes, filters.maxLikes, ['minLikes', 'maxLikes'])}
      {range('Depth', filters.minDepth, filters.maxDepth, ['minDepth', 'maxDepth'])}
      <fieldset className="range">
        <legend>Created</legend>
        <input
          type="date"
          aria-label="Created from"
          value={filters.createdFrom ?? ''}
          onChange={(e) => set({ createdFrom: e.target.value || null })}
        />
        <input
          type="date"
          aria-label="Created until"
          value={filters.createdTo ?? ''}
          onChange={(e) => set({ createdTo: e.target.value || null })}
        />
      </fieldset>
      {select('License', filters.license, options.licenses, 'license')}
      {select('Pipeline', filters.pipeline, options.pipelines, 'pipeline')}
      {select('Library', filters.library, options.libraries, 'library')}
      {count > 0 && (
        <button type="button" onClick={() => onChange(emptyFilters())}>
          Clear filters
        </button>
      )}
    </section>
  );
}
