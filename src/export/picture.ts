// The explorer's default picture of a lineage, for files other tools open (GEXF's viz): the radial layout, colour
// by family in the family order, size by downloads. The same functions the explorer draws with, so Gephi opens
// the forests as Forkscope showed them. The app sends the picture it draws now instead (PictureColumns): the
// explorer's own positions, whatever subset is exported, in the colours and sizes on screen.
import { createLineageGraph } from '../graph/graph.ts';
import { prepareLayout } from '../layout/input.ts';
import { radialLayout } from '../layout/radial.ts';
import type { Lineage } from '../lineage/types.ts';
import { computeColors, computeSizes, incomingRelations } from '../view/encoding.ts';
import { rowsOfGraph } from '../view/rows.ts';
import type { NodeVisual } from './gexf.ts';
import type { PictureColumns } from '../view/picture-frame.ts';

export function defaultPicture(lineage: Lineage, familyOrder: readonly string[]): (id: string) => NodeVisual {
  const graph = createLineageGraph(lineage);
  const { ids, input } = prepareLayout(graph, familyOrder);
  const xy = radialLayout(input);
  const rows = rowsOfGraph(graph, ids);
  const { colors } = computeColors(rows, 'family', incomingRelations(rows), familyOrder);
  const sizes = computeSizes(rows, 'downloads', null);
  const index = new Map(ids.map((id, i) => [id, i]));
  return (id) => {
    const i = index.get(id);
    if (i === undefined) return {};
    return { x: xy[2 * i], y: xy[2 * i + 1], color: colors[i], size: sizes[i] };
  };
}

export function columnsPicture(p: PictureColumns): (id: string, index: number) => NodeVisual | undefined {
  return (_id, i) =>
    i < p.color.length ? { x: p.xy[2 * i], y: p.xy[2 * i + 1], color: p.color[i], size: p.size[i] } : undefined;
}
