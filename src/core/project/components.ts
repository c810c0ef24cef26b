/**
 * Strongly connected components of the import graph (Tarjan's algorithm,
 * iterative so a long import chain cannot overflow the stack), dependencies
 * first: every component comes after the components it imports. Roots are
 * visited in the order given and children in sorted order, and each
 * component's members are sorted, so the order is the same on every run.
 * Shared by the in-process project analysis and the CLI's scheduler.
 */
export function stronglyConnected(roots: Iterable<string>, children: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of roots) {
    if (index.has(root)) continue;
    const work: { node: string; next: number; children: string[] }[] = [];
    const enter = (node: string) => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: 0, children: [...children(node)].sort() });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++];
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      out.push(component.sort());
    }
  }
  return out;
}
