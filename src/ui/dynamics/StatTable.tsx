// A list behind a statistic (license changes, cross-family merges, distillations): the first rows on screen,
// every row in its CSV, which the dynamics worker makes when asked (the page never holds the whole list). Model ids
// are buttons that show the model in the graph.
import { useState } from 'react';
import type { StatList, StatTableName } from '../../workers/dynamics-tables.ts';
import { download } from '../exportView.ts';

export interface StatTableProps<N extends StatTableName> {
  name: N;
  title: string;
  columns: readonly (keyof StatList<N>['head'][number])[];
  /** The list's size and first rows. */
  list: StatList<N>;
  /** Columns holding model ids. */
  modelColumns?: readonly (keyof StatList<N>['head'][number])[];
  fileStem: string;
  note?: string;
  csv(name: N): Promise<string>;
  onPick(id: string): void;
}

export function StatTable<N extends StatTableName>(p: StatTableProps<N>) {
  const { total, head } = p.list;
  const [problem, setProblem] = useState<string | null>(null);
  const saveCsv = (): void => {
    setProblem(null);
    p.csv(p.name).then(
      (text) => download({ name: `${p.fileStem}-${p.name}.csv`, text, type: 'text/csv' }),
      (e: unknown) => setProblem(`The CSV could not be made: ${e instanceof Error ? e.message : String(e)}.`),
    );
  };
  const cell = (c: keyof StatList<N>['head'][number], v: unknown) =>
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
          {p.title} <small>({total.toLocaleString('en')})</small>
        </h3>
        <button type="button" disabled={total === 0} onClick={saveCsv}>
          CSV
        </button>
      </header>
      {p.note && <p className="note">{p.note}</p>}
      {problem && <p role="alert">{problem}</p>}
      {total === 0 ? (
        <p className="chart-empty">None in this scope.</p>
      ) : (
        <table>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={String(c)}>{String(c).replaceAll('_', ' ')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {head.map((r, i) => (
              <tr key={i}>
                {p.columns.map((c) => (
                  <td key={String(c)}>{cell(c, r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > head.length && (
        <p className="note">
          {head.length} of {total.toLocaleString('en')} shown; the CSV has them all.
        </p>
      )}
    </section>
  );
}
