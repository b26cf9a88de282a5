// nodes.csv and edges.csv (DESIGN.md §2): RFC 4180 through papaparse, header first, and every cell that a
// spreadsheet would run as a formula made inert (safeCell, the one rule for every CSV the app writes).
import Papa from 'papaparse';
import { EDGE_COLUMNS, NODE_COLUMNS, nodeCell, type Lineage } from '../lineage/types.ts';

// A formula starts a field: at the cell's start, or after a `;`, `,`, tab or line break, where a spreadsheet that
// splits on another separator than ours starts a new field (`x;=cmd` is `=cmd` in a `;` locale). Spaces before
// it do not stop a spreadsheet (` =cmd`); the full-width signs (＝＋－＠) are read as formulas by some; tab and CR
// at a field's start are OWASP's advice too.
const FIELD_FORMULA = /(^|[;,\t\r\n])(?=[ \u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;

/** A cell as text that no spreadsheet evaluates: an apostrophe before each field that could start a formula.
 * Numbers stay numbers. */
export function safeCell(value: string | number | boolean): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return String(value).replace(FIELD_FORMULA, "$1'");
}

export function nodesCsv(lineage: Lineage): string {
  // An unread node's counts are empty cells: unknown, not 0.
  const rows = lineage.nodes.map((n) => NODE_COLUMNS.map((c) => safeCell(nodeCell(n, c) ?? '')));
  return Papa.unparse({ fields: [...NODE_COLUMNS], data: rows }, { newline: '\r\n' });
}

export function edgesCsv(lineage: Lineage): string {
  const rows = lineage.edges.map((e) => EDGE_COLUMNS.map((c) => safeCell(e[c])));
  return Papa.unparse({ fields: [...EDGE_COLUMNS], data: rows }, { newline: '\r\n' });
}
