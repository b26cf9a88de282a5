// The time slider under the graph: shows the forests as they were at the end of a month (models created later are
// hidden; undated ones, mostly parents the Hub could not show, stay), and a replay that walks the months from the
// first model to the last.
import { useEffect, useMemo, useState } from 'react';
import type { ModelNode } from '../lineage/types.ts';
import { monthOf, monthRange } from '../stats/timeline.ts';

interface Props {
  /** The laid-out lineage's records (read, not the shared graph, so the months can be found after the first frame). */
  models: readonly ModelNode[];
  asOf: string | null;
  onChange(asOf: string | null): void;
}

const STEP_MS = 450;

export function modelMonths(models: readonly ModelNode[]): string[] {
  let first: string | null = null;
  let last: string | null = null;
  for (const model of models) {
    const m = monthOf(model.created_at);
    if (!m) continue;
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  }
  return first && last ? monthRange(first, last) : [];
}

export function TimeSlider({ models, asOf, onChange }: Props) {
  const months = useMemo(() => modelMonths(models), [models]);
  const [playing, setPlaying] = useState(false);
  const index = asOf === null ? months.length - 1 : Math.max(0, months.indexOf(asOf));

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (index >= months.length - 1) {
        setPlaying(false);
        onChange(null);
      } else onChange(months[index + 1] ?? null);
    }, STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, months, onChange]);

  if (months.length < 2) return null;
  const replay = (): void => {
    if (playing) return setPlaying(false);
    if (asOf === null || index >= months.length - 1) onChange(months[0] ?? null);
    setPlaying(true);
  };
  return (
    <div className="time-slider" data-testid="time-slider" data-over-graph>
      <button type="button" onClick={replay} aria-pressed={playing}>
        {playing ? '❚❚ Pause' : '▶ Replay'}
      </button>
      <input
        type="range"
        aria-label="Show models created up to"
        min={0}
        max={months.length - 1}
        value={index}
        onChange={(e) => {
          setPlaying(false);
          const i = Number(e.target.value);
          onChange(i >= months.length - 1 ? null : (months[i] ?? null));
        }}
      />
      <output data-testid="time-slider-month">{asOf === null ? 'all time' : `up to ${asOf}`}</output>
      {asOf !== null && !playing && (
        <button type="button" onClick={() => onChange(null)}>
          All time
        </button>
      )}
    </div>
  );
}
