// One chart of the dynamics panel, drawn by src/render/chart.ts, with the exports every chart has: PNG, SVG, and
// its data as CSV. The charting code (Vega, Vega-Lite) is a chunk of its own, loaded as the panel opens and tried
// out on a small chart out of sight while the worker computes (Vega's first chart costs ten times a later one: its
// code is compiled on first use); charts are then drawn one at a time in the order they ask, each in a task of its
// own: the monthly chart, the panel's first view, is not kept waiting behind the statistics' charts, and the page
// stays responsive between them.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { timelineSpec, type ChartSpec } from '../../charts/specs.ts';
import type { ChartHandle } from '../../render/chart.ts';
import { colorScheme, onSchemeChange } from '../../render/theme.ts';
import { download, saveUrl } from '../exportView.ts';

let charting: Promise<typeof import('../../render/chart.ts')> | null = null;
/** Starts loading the charting code (once). */
export const loadCharting = (): Promise<typeof import('../../render/chart.ts')> =>
  (charting ??= import('../../render/chart.ts'));

let warmed = false;
/** Loads the charting code and draws a small monthly chart with it, out of sight (once per page). */
export function warmCharting(): void {
  if (warmed) return;
  warmed = true;
  const row = { family: 'a', relation: 'all' as const, count: 1, share: 0.5, denominator: 2, call: 'a', tooFew: false };
  const rows = [
    { ...row, month: '2025-01' },
    { ...row, month: '2025-02', family: 'b', tooFew: true },
  ];
  const spec = timelineSpec(rows, {
    measure: 'share',
    families: ['a', 'b'],
    familyColors: ['#000', '#666'],
    asOf: null,
    width: 200,
  });
  inTurn(async () => {
    const { drawChart } = await loadCharting();
    (await drawChart(document.createElement('div'), spec, () => undefined, colorScheme())).finalize();
  }).catch(() => undefined);
}

let turn: Promise<unknown> = Promise.resolve();
/** Runs `draw` after every draw asked for before it, in a task of its own. */
function inTurn<T>(draw: () => Promise<T>): Promise<T> {
  const mine = turn.then(() => new Promise((next) => setTimeout(next, 0))).then(draw);
  turn = mine.catch(() => undefined);
  return mine;
}

export interface ChartCardProps {
  /** Names the card for tests and the exported files. */
  name: string;
  title: string;
  spec: ChartSpec | null;
  csv: () => string;
  fileStem: string;
  children?: ReactNode;
  empty?: string;
  /** Told the data row of a clicked mark. */
  onClickDatum?: (datum: unknown) => void;
}

export function ChartCard({ name, title, spec, csv, fileStem, children, empty, onClickDatum }: ChartCardProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const result = useRef<ChartHandle | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The latest handler, without drawing the chart again when it changes.
  const onClick = useRef(onClickDatum);
  useEffect(() => {
    onClick.current = onClickDatum;
  });

  // The chart is drawn again in the other colours when the system switches between light and dark.
  const [scheme, setScheme] = useState(colorScheme);
  useEffect(() => onSchemeChange(setScheme), []);

  useEffect(() => {
    const el = host.current;
    if (!el || !spec) return;
    let cancelled = false;
    const draw = async (): Promise<ChartHandle | null> => {
      const { drawChart } = await loadCharting();
      return cancelled ? null : drawChart(el, spec, (datum) => onClick.current?.(datum), scheme);
    };
    inTurn(draw).then(
      (r) => {
        if (!r) return;
        if (cancelled) return r.finalize();
        [result.current, el.dataset.ready] = [r, '1'];
        setProblem(null);
      },
      (e: unknown) => setProblem(`This chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      cancelled = true;
      delete el.dataset.ready;
      result.current?.finalize();
      result.current = null;
    };
  }, [spec, scheme]);

  const file = `${fileStem}-${name}`;
  const saveImage = async (format: 'png' | 'svg'): Promise<void> => {
    const chart = result.current;
    if (!chart) return;
    if (format === 'png') saveUrl(`${file}.png`, await chart.png(2));
    else download({ name: `${file}.svg`, text: await chart.svg(), type: 'image/svg+xml' });
  };
  return (
    <section className="chart-card" data-testid={`chart-${name}`} aria-label={title}>
      <header>
        <h3>{title}</h3>
        <span className="chart-exports">
          <button type="button" disabled={!spec} onClick={() => void saveImage('png')}>
            PNG
          </button>
          <button type="button" disabled={!spec} onClick={() => void saveImage('svg')}>
            SVG
          </button>
          <button
            type="button"
            disabled={!spec}
            onClick={() => download({ name: `${file}.csv`, text: csv(), type: 'text/csv' })}
          >
            CSV
          </button>
        </span>
      </header>
      {children}
      {problem && <p role="alert">{problem}</p>}
      {spec ? <div className="chart" ref={host} /> : <p className="chart-empty">{empty ?? 'Nothing to chart here.'}</p>}
    </section>
  );
}
