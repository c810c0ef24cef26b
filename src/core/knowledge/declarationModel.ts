/**
 * What the first pass of the declaration reader collects: every value and type
 * of one scope, filed by dotted path, with its signature nodes left unjudged.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

const T = AST_NODE_TYPES;

export interface Signature {
  params: TSESTree.Parameter[];
  returnType: TSESTree.TypeNode | undefined;
  async: boolean;
  /** Its own type parameters (`<T>`): a result of type `T` names no declared type. */
  typeParameters: string[];
}

export interface RawValue {
  kind: 'function' | 'class' | 'value' | 'namespace';
  /** Dotted path of the enclosing namespace ('' at the top). */
  scope: string;
  /** Functions: their overloads; classes: their constructors; constants of a function or object type: its call signatures. */
  signatures: Signature[];
  /** Constants: the declared type. */
  valueType?: TSESTree.TypeNode;
  /** Constants or object types with construct signatures (`new (...)`): what they construct. */
  constructs?: Signature[];
}

export interface RawMember {
  signatures: Signature[];
  /** A property (not a method): its declared type. */
  property?: TSESTree.TypeNode;
}

export interface RawType {
  kind: 'class' | 'interface' | 'alias';
  scope: string;
  /** Written names of what it extends or implements ('events.EventEmitter', 'Promise'). */
  heritage: string[];
  members: Map<string, RawMember>;
  calls: Signature[];
  constructs: Signature[];
  alias?: TSESTree.TypeNode;
  /** The type's own type parameters (`interface Box<T>`), seen by its members. */
  typeParameters: string[];
}

export interface ReExport {
  from: string;
  /** `export { a as b } from`: [imported, exported] pairs; absent for `export * from`. */
  names?: Array<[string, string]>;
  /** `export * as ns from`. */
  as?: string;
}

export interface ScopeScan {
  values: Map<string, RawValue>;
  types: Map<string, RawType>;
  /** Exported name -> local name. */
  exported: Map<string, string>;
  /** `export = X`: the local name of X. */
  exportEquals?: string;
  reExports: ReExport[];
  /** No top-level import or export: every declaration is a global. */
  script: boolean;
  /** `declare module 'x' { ... }` blocks, by module name; `declare global` under GLOBAL_SCOPE. */
  ambient: Map<string, ScopeScan>;
}

export const GLOBAL_SCOPE = 'globalThis';

export function emptyScan(script: boolean): ScopeScan {
  return { values: new Map(), types: new Map(), exported: new Map(), reExports: [], script, ambient: new Map() };
}

/** Dotted text of a type or value name: `A`, `A.B.C`; null for anything else. */
export function dottedName(node: TSESTree.Node): string | null {
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.TSQualifiedName) {
    const left = dottedName(node.left);
    return left === null ? null : `${left}.${node.right.name}`;
  }
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
    const left = dottedName(node.object);
    return left === null ? null : `${left}.${node.property.name}`;
  }
  return null;
}

/** `scope.name`, or `name` at the top. */
export function join(scope: string, name: string): string {
  return scope ? `${scope}.${name}` : name;
}
