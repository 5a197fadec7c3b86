/** A namespace-resolved XML element: what every operation handler reads requests from. */
export interface XNode {
  local: string;
  ns: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export function child(node: XNode | undefined, local: string): XNode | undefined {
  return node?.children.find((c) => c.local === local);
}

export function childrenNamed(node: XNode | undefined, local: string): XNode[] {
  return node ? node.children.filter((c) => c.local === local) : [];
}

export function childText(node: XNode | undefined, local: string): string | undefined {
  return child(node, local)?.text;
}

/** Follows a path of local names, e.g. path(req, 'ItemShape', 'BaseShape'). */
export function path(node: XNode | undefined, ...locals: string[]): XNode | undefined {
  let current = node;
  for (const local of locals) current = child(current, local);
  return current;
}
