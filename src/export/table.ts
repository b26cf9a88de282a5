// Any table of statistics (a chart's data) as CSV: header first, RFC 4180 through papaparse, formula-safe cells.
import Papa from 'papaparse';
import { safeCell } from './csv.ts';

export type Cell = string | number | boolean | null;

export function tableCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, Cell>[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === null ? '' : safeCell(r[c] as string | number | boolean))));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
}
