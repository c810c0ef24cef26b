/**
 * Sets `.parent` on every run-time node (typescript-estree's `parse` leaves it
 * unset). An explicit stack and the visitor keys: no recursion limit, no
 * callbacks. Type annotations and type-only declarations are skipped: the rules
 * only walk up from code, and in TypeScript files types are a large share of nodes.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

const ALL_KEYS = visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements', 'decorators']);
const TYPE_ONLY = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction']);
const keysByType = new Map<string, readonly string[]>();

function codeKeys(type: string): readonly string[] {
  let keys = keysByType.get(type);
  if (!keys) {
    keys = TYPE_ONLY.has(type) ? [] : (ALL_KEYS[type] ?? []).filter((key) => !TYPE_KEYS.has(key));
    keysByType.set(type, keys);
  }
  return keys;
}

export function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const record = node as unknown as Record<string, unknown>;
    for (const key of codeKeys(node.type)) {
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
