// Depth of every model (0 for roots, else one more than its shallowest parent) by breadth-first search from
// the roots, and the back edges that close cycles, which depths and layouts must not follow.

export interface DepthResult {
  depth: Map<string, number>;
  /** `parent\u0000child` keys of edges that close a cycle. */
  backEdges: Set<string>;
}

export const edgeKey = (parent: string, child: string): string => `${parent}\u0000${child}`;

export function computeDepths(
  ids: readonly string[],
  edges: readonly { parent: string; child: string }[],
): DepthResult {
  const children = new Map<string, string[]>();
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of edges) {
    (children.get(e.parent) ?? children.set(e.parent, []).get(e.parent))?.push(e.child);
    indegree.set(e.child, (indegree.get(e.child) ?? 0) + 1);
  }
  const depth = new Map<string, number>();
  const queue: string[] = ids.filter((id) => indegree.get(id) === 0);
  for (const id of queue) depth.set(id, 0);
  bfs(queue, children, depth);
  // Models reachable only through a cycle get the depth of their cycle entry, counted from 0.
  for (const id of ids) {
    if (depth.has(id)) continue;
    depth.set(id, 0);
    bfs([id], children, depth);
  }
  return { depth, backEdges: findBackEdges(ids, children) };
}

function bfs(queue: string[], children: Map<string, string[]>, depth: Map<string, number>): void {
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const d = (depth.get(id) ?? 0) + 1;
    for (const child of children.get(id) ?? []) {
      if (depth.has(child)) continue;
      depth.set(child, d);
      queue.push(child);
    }
  }
}

/** Iterative DFS colouring: an edge into a node still on the stack closes a cycle. */
function findBackEdges(ids: readonly string[], children: Map<string, string[]>): Set<string> {
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const kids = children.get(top.id) ?? [];
      if (top.next >= kids.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const child = kids[top.next++] as string;
      const s = state.get(child);
      if (s === 1) back.add(edgeKey(top.id, child));
      else if (s === undefined) {
        state.set(child, 1);
        stack.push({ id: child, next: 0 });
      }
    }
  }
  return back;
}
