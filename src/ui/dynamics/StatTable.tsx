// A list behind a statistic (license changes, cross-family merges, distillations): the first rows on screen,
// every row in its CSV. Model ids are buttons that show the model in the graph.
import { tableCsv, type Cell } from '../../export/table.ts';
import { download } from '../exportView.ts';

export interface StatTableProps<C extends string> {
  name: string;
  title: string;
  columns: readonly C[];
  rows: readonly Record<C, Cell>[];
  /** Columns holding model ids. */
  modelColumns?: readonly C[];
  fileStem: string;
  note?: string;
  shown?: number;
  onPick(id: string): void;
}

export function StatTable<C extends string>(p: StatTableProps<C>) {
  const shown = p.rows.slice(0, p.shown ?? 12);
  const cell = (c: C, v: Cell) =>
    p.modelColumns?.includes(c) && typeof v === 'string' ? (
      <button type="button" className="link-button" onClick={() => p.onPick(v)}>
        {v}
      </button>
    ) : (
      String(v ?? '')
    );
  return (
    <section className="stat-table" data-testid={`table-${p.name}`} aria-label={p.title}>
      <header>
        <h3>
          {p.title} <small>({p.rows.length.toLocaleString('en')})</small>
        </h3>
        <button
          type="button"
          disabled={p.rows.length === 0}
          onClick={() =>
            download({ name: `${p.fileStem}-${p.name}.csv`, text: tableCsv(p.columns, p.rows), type: 'text/csv' })
          }
        >
          CSV
        </button>
      </header>
      {p.note && <p className="note">{p.note}</p>}
      {p.rows.length === 0 ? (
        <p className="chart-empty">None in this scope.</p>
      ) : (
        <table>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c}>{c.replaceAll('_', ' ')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i}>
                {p.columns.map((c) => (
                  <td key={c}>{cell(c, r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.rows.length > shown.length && (
        <p className="note">
          {shown.length} of {p.rows.length.toLocaleString('en')} shown; the CSV has them all.
        </p>
      )}
    </section>
  );
}
