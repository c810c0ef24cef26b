/**
 * Sets `.parent` on every node (typescript-estree's `parse` leaves it unset).
 * An explicit stack and the visitor keys: no recursion limit, no callbacks.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

const KEYS = visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;

export function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const record = node as unknown as Record<string, unknown>;
    for (const key of KEYS[node.type] ?? []) {
      const value = record[key];
      if (Array.isArray(value)) {
        for (const child of value) {
          if (child && typeof (child as TSESTree.Node).type === 'string') {
            (child as { parent: TSESTree.Node }).parent = node;
            stack.push(child as TSESTree.Node);
          }
        }
      } else if (value && typeof (value as TSESTree.Node).type === 'string') {
        (value as { parent: TSESTree.Node }).parent = node;
        stack.push(value as TSESTree.Node);
      }
    }
  }
}
