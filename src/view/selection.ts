// Selections a researcher cuts out of the graph: a model's descendants to depth k and/or its ancestors, the
// lineage path between two models, a box drawn on the canvas, plus single models added or removed by hand. The rule (not the list) is
// what permalinks carry, so a link stays short and reopens the same selection on newer data.
import type { LineageGraph } from '../graph/graph.ts';
import { ancestors, descendants, lineagePath } from '../graph/queries.ts';

export type SelectionRule =
  | { kind: 'none' }
  | { kind: 'lineage'; root: string; depth: number | null; up: boolean; down: boolean }
  | { kind: 'path'; from: string; to: string }
  /** A rectangle drawn on the canvas, in layout coordinates (the layout is deterministic, so it is shareable). */
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number };

export interface Selection {
  rule: SelectionRule;
  add: string[];
  remove: string[];
}

export function emptySelection(): Selection {
  return { rule: { kind: 'none' }, add: [], remove: [] };
}

export function isEmptySelection(s: Selection): boolean {
  return s.rule.kind === 'none' && s.add.length === 0;
}

/** The selected models present in the graph; a rule naming an unknown model selects nothing from it. */
export function resolveSelection(graph: LineageGraph, s: Selection): Set<string> {
  const out = new Set<string>();
  const r = s.rule;
  if (r.kind === 'lineage' && graph.hasNode(r.root)) {
    out.add(r.root);
    if (r.down) for (const id of descendants(graph, r.root, r.depth ?? Infinity)) out.add(id);
    if (r.up) for (const id of ancestors(graph, r.root)) out.add(id);
  }
  if (r.kind === 'path' && graph.hasNode(r.from) && graph.hasNode(r.to))
    for (const id of lineagePath(graph, r.from, r.to) ?? []) out.add(id);
  if (r.kind === 'box')
    graph.forEachNode((id, a) => {
      if (a.x !== undefined && a.y !== undefined && a.x >= r.x0 && a.x <= r.x1 && a.y >= r.y0 && a.y <= r.y1)
        out.add(id);
    });
  for (const id of s.add) if (graph.hasNode(id)) out.add(id);
  for (const id of s.remove) out.delete(id);
  return out;
}

export function describeSelection(s: Selection): string {
  const r = s.rule;
  const base =
    r.kind === 'lineage'
      ? `${[r.up ? 'ancestors' : '', r.down ? `descendants${r.depth === null ? '' : ` to depth ${r.depth}`}` : ''].filter(Boolean).join(' and ')} of ${r.root}`
      : r.kind === 'path'
        ? `path from ${r.from} to ${r.to}`
        : r.kind === 'box'
          ? 'models in the drawn box'
          : 'models picked by hand';
  const edits = [s.add.length ? `+${s.add.length}` : '', s.remove.length ? `−${s.remove.length}` : '']
    .filter(Boolean)
    .join(' ');
  return edits ? `${base} (${edits})` : base;
}

/** Permalink form: `d:ID[:k]` descendants, `a:ID` ancestors, `ad:ID[:k]` both, `p:FROM>TO` path, `b:x0,y0,x1,y1` box. */
export function encodeRule(r: SelectionRule): string | null {
  if (r.kind === 'none') return null;
  if (r.kind === 'path') return `p:${r.from}>${r.to}`;
  if (r.kind === 'box') return `b:${[r.x0, r.y0, r.x1, r.y1].map((n) => Number(n.toFixed(2))).join(',')}`;
  const kind = `${r.up ? 'a' : ''}${r.down ? 'd' : ''}`;
  return `${kind}:${r.root}${r.down && r.depth !== null ? `:${r.depth}` : ''}`;
}

export function decodeRule(raw: string, isId: (s: string) => boolean): SelectionRule | null {
  const box = raw.match(/^b:(-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)$/);
  if (box) {
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    return [x0, y0, x1, y1].every((n) => Number.isFinite(n) && Math.abs(n) < 1e9) && x0 <= x1 && y0 <= y1
      ? { kind: 'box', x0, y0, x1, y1 }
      : null;
  }
  const path = raw.match(/^p:([^>]+)>(.+)$/);
  if (path)
    return isId(path[1] as string) && isId(path[2] as string)
      ? { kind: 'path', from: path[1] as string, to: path[2] as string }
      : null;
  const m = raw.match(/^(a|d|ad):([^:]+)(?::(\d{1,3}))?$/);
  if (!m || !isId(m[2] as string)) return null;
  return {
    kind: 'lineage',
    root: m[2] as string,
    up: m[1]?.includes('a') ?? false,
    down: m[1]?.includes('d') ?? false,
    depth: m[3] === undefined ? null : Number(m[3]),
  };
}
