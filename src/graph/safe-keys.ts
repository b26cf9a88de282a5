// graphology keeps each node's neighbours in plain objects (`out[target]`), so an edge to a model named
// `constructor`, `toString` or `__proto__` finds Object.prototype's member there: the edge reads as already present
// and merging it throws, or `__proto__` swaps the object's prototype. Hub ids are untrusted text, so the app's
// graphs are SafeGraphs: prototype-free neighbour objects, and the three methods that call `hasOwnProperty` on them
// answered with Object.hasOwn. This reaches into one private, writable member of graphology (`NodeDataClass`, the
// class of a node's record); the hostile-ids unit test fails if a graphology update moves it.
import Graph from 'graphology';
import type { Attributes, GraphOptions } from 'graphology-types';

interface NodeData {
  clear(): void;
  in?: object;
  out?: object;
  undirected?: object;
}
type NodeDataClass = new (key: string, attributes: object) => NodeData;

const safeClasses = new WeakMap<NodeDataClass, NodeDataClass>();

function prototypeFree(Base: NodeDataClass): NodeDataClass {
  let Safe = safeClasses.get(Base);
  if (!Safe) {
    Safe = class extends Base {
      override clear(): void {
        super.clear();
        if (this.in) this.in = Object.create(null) as object;
        if (this.out) this.out = Object.create(null) as object;
        if (this.undirected) this.undirected = Object.create(null) as object;
      }
    };
    safeClasses.set(Base, Safe);
  }
  return Safe;
}

interface Internals {
  NodeDataClass?: NodeDataClass;
  _nodes: Map<string, NodeData>;
}

/** A graphology Graph for which every string is a valid node key. */
export class SafeGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> extends Graph<N, E> {
  constructor(options?: GraphOptions) {
    super(options);
    const internal = this as unknown as Internals;
    if (typeof internal.NodeDataClass !== 'function')
      throw new Error('graph/safe-keys: this graphology version has no NodeDataClass; ids cannot be made safe');
    internal.NodeDataClass = prototypeFree(internal.NodeDataClass);
  }

  override hasEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length === 1) return super.hasEdge(args[0]);
    return this.hasDirectedEdge(args[0], args[1]) || this.hasUndirectedEdge(args[0], args[1]);
  }

  override hasDirectedEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length === 1) return super.hasDirectedEdge(args[0]);
    return this.neighbourIn('out', args[0], args[1]);
  }

  override hasUndirectedEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length === 1) return super.hasUndirectedEdge(args[0]);
    return this.neighbourIn('undirected', args[0], args[1]);
  }

  private neighbourIn(index: 'out' | 'undirected', source: unknown, target: unknown): boolean {
    const data = (this as unknown as Internals)._nodes.get(String(source));
    const neighbours = data?.[index];
    return neighbours !== undefined && Object.hasOwn(neighbours, String(target));
  }
}
