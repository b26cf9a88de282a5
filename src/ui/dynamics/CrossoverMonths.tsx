// The crossover answer month by month: each family's new derivatives beside its share, the sample the leader is
// called on (both families in the trailing window) and the call, with the months too few to call marked.
import type { CrossoverAnswer } from '../../stats/crossover.ts';
import { crossoverMonths, crossoverMonthsCsv } from '../../stats/crossover-words.ts';
import type { Denominator } from '../../stats/shares.ts';
import type { MonthlyDerivatives } from '../../stats/timeline.ts';
import { download } from '../exportView.ts';

interface Props {
  answer: CrossoverAnswer;
  monthly: MonthlyDerivatives;
  denominator: Denominator;
  fileStem: string;
}

const count = (x: number): string => x.toLocaleString('en');
const share = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

export function CrossoverMonths({ answer, monthly, denominator, fileStem }: Props) {
  const rows = crossoverMonths(answer, monthly, denominator.total);
  const small = rows.filter((r) => r.call === 'too few').length;
  const window = answer.window === 1 ? 'the month' : `the trailing ${answer.window} months`;
  return (
    <details className="crossover-months" data-testid="crossover-months">
      <summary>
        Month by month: counts, shares and the leader called ({count(small)} month{small === 1 ? '' : 's'} too few to
        call)
      </summary>
      <p className="note">
        A leader is called on {window}, and only when the two have at least {answer.minimum} new derivatives there
        together: with fewer, one model more or less moves a share by more than 5 points. Those months are shaded in the
        chart and marked here, and they neither start nor break a lead.{' '}
        <button
          type="button"
          onClick={() =>
            download({
              name: `${fileStem}-crossover-months.csv`,
              text: crossoverMonthsCsv(answer, rows),
              type: 'text/csv',
            })
          }
        >
          Months as CSV
        </button>
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">month</th>
              <th scope="col">{answer.a} new</th>
              <th scope="col">share</th>
              <th scope="col">{answer.b} new</th>
              <th scope="col">share</th>
              <th scope="col">both, {answer.window === 1 ? 'month' : `${answer.window} months`}</th>
              <th scope="col">leader</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month} className={r.call === 'too few' ? 'too-few' : undefined} data-call={r.call}>
                <td>{r.month}</td>
                <td>{count(r.aCount)}</td>
                <td>{share(r.aShare)}</td>
                <td>{count(r.bCount)}</td>
                <td>{share(r.bShare)}</td>
                <td>{count(r.sample)}</td>
                <td>{r.call === 'too few' ? `too few (< ${answer.minimum})` : r.call}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
