/**
 * Second pass of the declaration reader: judging written types. Does a return
 * type promise something (`Promise<T>`, `PromiseLike<T>`, a local alias of one,
 * an interface that extends Promise)? What named type does the call give? Is a
 * parameter a Node-style completion callback? Purely syntactic: names are
 * resolved only against the declarations of the same file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { dottedName, type RawType, type Signature } from './declarationModel';

const T = AST_NODE_TYPES;

const PROMISE_NAMES = new Set(['Promise', 'PromiseLike', 'globalThis.Promise', 'globalThis.PromiseLike']);
const ASYNC_ITERABLE_NAMES = new Set(['AsyncIterable', 'AsyncIterableIterator', 'AsyncGenerator', 'AsyncIterator', 'NodeJS.AsyncIterator']);
/** TypeScript's utility types: `Promise<ReturnType<T>>` names no declared type. */
const UTILITY_TYPES = new Set([
  'ReturnType', 'Awaited', 'Partial', 'Required', 'Readonly', 'Record', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable',
  'Parameters', 'InstanceType', 'ConstructorParameters', 'ThisType', 'Array', 'ReadonlyArray',
]);
/** Aliases of aliases are followed this far; real declarations need two or three steps. */
const MAX_ALIAS_DEPTH = 6;
/** A completion callback's first parameter: `(err, result) => void`. */
const ERROR_PARAMETER = /^(err|error|e|ex)$/i;

export type PromiseShape = 'always' | 'some' | 'never';

export interface Shape {
  promise: PromiseShape;
  /** The named type given back (inside the promise when there is one). */
  named?: string;
  asyncIterable: boolean;
}

export interface TypeResolver {
  /** The declared key a written type name refers to from `scope`, or null when this file does not declare it. */
  resolve(written: string, scope: string): string | null;
  type(key: string): RawType | undefined;
  /** A class or interface that extends Promise or PromiseLike, itself or through its ancestors. */
  extendsPromise(key: string): boolean;
}

const NEVER: Shape = { promise: 'never', asyncIterable: false };

/** Where a written type is read: its namespace, the type `this` means, and the type parameters in view. */
export interface ShapeContext {
  scope: string;
  resolver: TypeResolver;
  /** The enclosing class or interface: `this` (a builder's result) means it. */
  owner?: string;
  /** Type parameter names in view: a result of type `T` names no declared type. */
  generic?: ReadonlySet<string>;
  /** Inside an alias followed from `Thenable<Buffer>`: its parameters and the named types given for them. */
  given?: ReadonlyMap<string, string>;
}

/** What a written return type gives back. */
export function shapeOf(node: TSESTree.TypeNode | undefined, context: ShapeContext, depth = 0): Shape {
  if (!node || depth > MAX_ALIAS_DEPTH) return NEVER;
  const { resolver, owner } = context;
  switch (node.type) {
    case T.TSThisType:
      return owner ? { promise: resolver.extendsPromise(owner) ? 'always' : 'never', named: owner, asyncIterable: false } : NEVER;
    case T.TSTypeReference: {
      const written = dottedName(node.typeName);
      const given = written ? context.given?.get(written) : undefined;
      if (given) return { promise: 'never', named: given, asyncIterable: false };
      if (!written || context.generic?.has(written) || UTILITY_TYPES.has(written)) return NEVER;
      if (PROMISE_NAMES.has(written)) return { promise: 'always', named: namedArgument(node, context), asyncIterable: false };
      if (ASYNC_ITERABLE_NAMES.has(written)) return { promise: 'never', asyncIterable: true };
      const key = resolver.resolve(written, context.scope);
      const declared = key ? resolver.type(key) : undefined;
      if (declared?.kind === 'alias' && declared.alias) {
        const inner: ShapeContext = { scope: declared.scope, resolver, owner, generic: new Set(declared.typeParameters), given: givenArguments(node, declared, context) };
        return shapeOf(declared.alias, inner, depth + 1);
      }
      if (key && resolver.extendsPromise(key)) return { promise: 'always', named: key, asyncIterable: false };
      return { promise: 'never', named: key ?? written, asyncIterable: false };
    }
    case T.TSUnionType:
      return unionShape(node.types, context, depth);
    case T.TSIntersectionType: {
      // `Promise<T> & { cancel(): void }` is still a promise.
      const parts = node.types.map((part) => shapeOf(part, context, depth + 1));
      const promised = parts.find((part) => part.promise !== 'never');
      return promised ?? { promise: 'never', named: parts.find((part) => part.named)?.named, asyncIterable: parts.some((part) => part.asyncIterable) };
    }
    default:
      return NEVER;
  }
}

function unionShape(types: TSESTree.TypeNode[], context: ShapeContext, depth: number): Shape {
  let promised = 0;
  let counted = 0;
  let named: string | undefined;
  let asyncIterable = false;
  for (const part of types) {
    // `Promise<T> | undefined` is a promise whenever there is a result at all.
    if (part.type === T.TSUndefinedKeyword || part.type === T.TSNullKeyword || part.type === T.TSVoidKeyword) continue;
    const shape = shapeOf(part, context, depth + 1);
    counted++;
    if (shape.promise === 'always') promised++;
    else if (shape.promise === 'some') promised += 0.5;
    named ??= shape.named;
    asyncIterable ||= shape.asyncIterable;
  }
  const promise: PromiseShape = counted > 0 && promised === counted ? 'always' : promised > 0 ? 'some' : 'never';
  return { promise, named, asyncIterable };
}

/** `Thenable<Buffer>` with `type Thenable<T> = PromiseLike<T>`: T stands for Buffer inside the alias. */
function givenArguments(node: TSESTree.TSTypeReference, alias: RawType, context: ShapeContext): Map<string, string> | undefined {
  const args = node.typeArguments?.params;
  if (!args || alias.typeParameters.length === 0) return undefined;
  const given = new Map<string, string>();
  alias.typeParameters.forEach((parameter, i) => {
    const named = args[i] ? namedType(args[i], context) : undefined;
    if (named) given.set(parameter, named);
  });
  return given;
}

function namedArgument(node: TSESTree.TSTypeReference, context: ShapeContext): string | undefined {
  const argument = node.typeArguments?.params[0];
  return argument ? namedType(argument, context) : undefined;
}

/** The declared (or written) name a type argument refers to, when it is a plain named type. */
function namedType(argument: TSESTree.TypeNode, context: ShapeContext): string | undefined {
  if (argument.type === T.TSThisType) return context.owner;
  if (argument.type !== T.TSTypeReference) return undefined;
  const written = dottedName(argument.typeName);
  if (written && context.given?.has(written)) return context.given.get(written);
  if (!written || context.generic?.has(written) || UTILITY_TYPES.has(written)) return undefined;
  const { resolver } = context;
  const key = resolver.resolve(written, context.scope);
  const declared = key ? resolver.type(key) : undefined;
  // `Promise<Alias>`: name what the alias stands for when it is itself a named type.
  if (declared?.kind === 'alias' && declared.alias?.type === T.TSTypeReference) return dottedName(declared.alias.typeName) ?? key ?? written;
  return key ?? written;
}

export interface SignatureFacts {
  promise: PromiseShape;
  returns?: string;
  callbackStyle: boolean;
  asyncIterable: boolean;
  overloads: number;
}

/**
 * Overloads judged together: a promise on every one, on some (often the ones without a callback), or
 * on none. `ownerParameters` are the enclosing type's type parameters.
 */
export function signatureFacts(signatures: Signature[], scope: string, resolver: TypeResolver, owner?: string, ownerParameters: string[] = []): SignatureFacts {
  let promised = 0;
  let returns: string | undefined;
  let callbackStyle = false;
  let asyncIterable = false;
  for (const signature of signatures) {
    const generic = new Set([...ownerParameters, ...signature.typeParameters]);
    const shape = signature.async ? { promise: 'always' as const, named: undefined, asyncIterable: false } : shapeOf(signature.returnType, { scope, resolver, owner, generic });
    if (shape.promise === 'always') promised++;
    else if (shape.promise === 'some') promised += 0.5;
    returns ??= shape.named;
    asyncIterable ||= shape.asyncIterable;
    callbackStyle ||= takesCompletionCallback(signature, scope, resolver);
  }
  const promise: PromiseShape = signatures.length > 0 && promised === signatures.length ? 'always' : promised > 0 ? 'some' : 'never';
  return { promise, returns, callbackStyle, asyncIterable, overloads: signatures.length };
}

/** The last parameter is a function whose first parameter is an error: Node's completion callback. */
function takesCompletionCallback(signature: Signature, scope: string, resolver: TypeResolver): boolean {
  const last = signature.params[signature.params.length - 1];
  if (!last || last.type !== T.Identifier || !last.typeAnnotation) return false;
  const fn = functionType(last.typeAnnotation.typeAnnotation, scope, resolver, 0);
  const first = fn?.params[0];
  if (!first || first.type !== T.Identifier) return false;
  if (ERROR_PARAMETER.test(first.name)) return true;
  const annotation = first.typeAnnotation?.typeAnnotation;
  return !!annotation && mentionsError(annotation);
}

function functionType(node: TSESTree.TypeNode, scope: string, resolver: TypeResolver, depth: number): TSESTree.TSFunctionType | null {
  if (node.type === T.TSFunctionType) return node;
  if (node.type === T.TSUnionType) {
    for (const part of node.types) {
      const fn = functionType(part, scope, resolver, depth + 1);
      if (fn) return fn;
    }
    return null;
  }
  if (node.type === T.TSTypeReference && depth < MAX_ALIAS_DEPTH) {
    const written = dottedName(node.typeName);
    const key = written ? resolver.resolve(written, scope) : null;
    const declared = key ? resolver.type(key) : undefined;
    if (declared?.kind === 'alias' && declared.alias) return functionType(declared.alias, declared.scope, resolver, depth + 1);
  }
  return null;
}

function mentionsError(node: TSESTree.TypeNode): boolean {
  if (node.type === T.TSTypeReference) return /Error|Exception/.test(dottedName(node.typeName) ?? '');
  if (node.type === T.TSUnionType) return node.types.some(mentionsError);
  return false;
}

/** Resolution of written names against one file's declarations, with memoised `extendsPromise`. */
export function makeResolver(types: ReadonlyMap<string, RawType>, fallback?: ReadonlyMap<string, RawType>): TypeResolver {
  const promiseMemo = new Map<string, boolean>();
  const lookup = (key: string) => types.get(key) ?? fallback?.get(key);
  const resolver: TypeResolver = {
    resolve(written, scope) {
      // A name written inside namespace `A.B` may mean `A.B.X`, `A.X` or `X`.
      let current = scope;
      for (;;) {
        const candidate = current ? `${current}.${written}` : written;
        if (lookup(candidate)) return candidate;
        if (!current) return null;
        const dot = current.lastIndexOf('.');
        current = dot < 0 ? '' : current.slice(0, dot);
      }
    },
    type: lookup,
    extendsPromise(key) {
      const known = promiseMemo.get(key);
      if (known !== undefined) return known;
      promiseMemo.set(key, false); // a cycle in `extends` is not a promise
      const declared = lookup(key);
      const result = !!declared && declared.heritage.some((name) => PROMISE_NAMES.has(name) || (() => {
        const parent = resolver.resolve(name, declared.scope);
        return !!parent && resolver.extendsPromise(parent);
      })());
      promiseMemo.set(key, result);
      return result;
    },
  };
  return resolver;
}
