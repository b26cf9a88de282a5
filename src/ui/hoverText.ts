// The read-out under the graph while a model is hovered: how it derives from each parent (the relation of every
// highlighted edge into it), its ancestry's length, and its direct children by relation; a model the crawl did not
// read, or the Hub refused, says so.
import type { LineageGraph } from '../graph/graph.ts';
import { ancestors } from '../graph/queries.ts';
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { counted } from '../stats/counted.ts';
import { statusNote } from '../view/node-facts.ts';

export function hoverText(graph: LineageGraph, id: string): string {
  const parents: string[] = [];
  graph.forEachInEdge(id, (_e, attrs, parent) => parents.push(`${attrs.relation} of ${parent}`));
  const children = new Map<Relation, number>();
  graph.forEachOutEdge(id, (_e, attrs) => children.set(attrs.relation, (children.get(attrs.relation) ?? 0) + 1));
  const byRelation = RELATIONS.filter((r) => children.has(r)).map(
    (r) => `${(children.get(r) ?? 0).toLocaleString('en')} ${r}`,
  );
  const total = graph.outDegree(id);
  const up = ancestors(graph, id).length;
  const note = statusNote(graph.getNodeAttribute(id, 'status'));
  return [
    note ? `${id} (${note})` : id,
    parents.length > 0 ? parents.join(', ') : 'a root',
    counted(up, 'ancestor'),
    total > 0 ? `${counted(total, 'direct child', 'direct children')} (${byRelation.join(', ')})` : 'no children',
  ].join(' · ');
}
