// nodes.csv and edges.csv (DESIGN.md §2): RFC 4180 through papaparse, header first, and every cell that a
// spreadsheet would run as a formula (= + - @ tab CR) made inert with a leading apostrophe.
import Papa from 'papaparse';
import { EDGE_COLUMNS, NODE_COLUMNS, type Lineage } from '../lineage/types.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text that no spreadsheet evaluates; numbers stay numbers. */
export function safeCell(value: string | number | boolean): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function nodesCsv(lineage: Lineage): string {
  const rows = lineage.nodes.map((n) => NODE_COLUMNS.map((c) => safeCell(n[c])));
  return Papa.unparse({ fields: [...NODE_COLUMNS], data: rows }, { newline: '\r\n' });
}

export function edgesCsv(lineage: Lineage): string {
  const rows = lineage.edges.map((e) => EDGE_COLUMNS.map((c) => safeCell(e[c])));
  return Papa.unparse({ fields: [...EDGE_COLUMNS], data: rows }, { newline: '\r\n' });
}
