// "Which family has the most derivatives, and more than the next two combined?": cumulative derivatives per
// family and per group (direct, and all below) up to the time slider's month, in words and as a table.
import { comparisonCsv, describeComparison, type Comparison } from '../../stats/compare.ts';
import { counted } from '../../stats/counted.ts';
import { download } from '../exportView.ts';

interface Props {
  comparison: Comparison;
  fileStem: string;
}

export function CompareSection({ comparison: c, fileStem }: Props) {
  const hasGroups = c.rows.some((r) => r.kind === 'group');
  const rows = [...c.rows].sort((a, b) => (a.kind === b.kind ? b.all - a.all : a.kind === 'family' ? -1 : 1));
  return (
    <section className="compare" data-testid="compare" aria-label="Derivatives compared">
      <h3>Derivatives compared {c.asOf ? `up to ${c.asOf}` : '(all time)'}</h3>
      <p data-testid="compare-answer">
        {describeComparison(c, 'family')}
        {hasGroups && ` ${describeComparison(c, 'group')}`}
        {c.asOf &&
          c.undated > 0 &&
          ` ${counted(c.undated, 'derivative without a date is', 'derivatives without a date are')} in no month.`}
      </p>
      <table>
        <thead>
          <tr>
            <th>family or group</th>
            <th>direct</th>
            <th>all below</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.kind}:${r.name}`} data-testid={`compare-${r.kind}`}>
              <td>
                {r.name}
                {r.kind === 'group' && <small> (group)</small>}
              </td>
              <td>{r.direct.toLocaleString('en')}</td>
              <td>{r.all.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => download({ name: `${fileStem}-compared.csv`, text: comparisonCsv(c), type: 'text/csv' })}
      >
        Table as CSV
      </button>
    </section>
  );
}
