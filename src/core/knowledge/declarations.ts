/**
 * The declaration-file reader: what a package's `.d.ts` says about calling its
 * exports, read syntactically (no type checker). A function declared to return
 * `Promise<…>` returns a promise; a class constructs its instance type; a method
 * of an interface or class is found as `Type#method`.
 *
 * Keys follow the knowledge table's style, relative to the module:
 * `readFile` (an export), `default` (the default export, or the `export =`
 * value), `ns.member` (inside a namespace, or a class's static), `Type#method`
 * (a method or property of a class or interface), `Type()` (calling a value of
 * that type: interfaces with call signatures).
 *
 * Bounded work: texts over `maxBytes` are not parsed, namespaces nest at most a
 * few levels, alias chains are followed a few steps, and every pass is linear in
 * the number of declarations.
 */
import { estree } from '../estree';
import { emptyScan, type RawType, type RawValue, type ReExport, type ScopeScan } from './declarationModel';
import { scanProgram } from './declarationScan';
import { makeResolver, shapeOf, signatureFacts, type PromiseShape, type SignatureFacts, type TypeResolver } from './declarationTypes';

export { GLOBAL_SCOPE, type ReExport } from './declarationModel';
export type { PromiseShape } from './declarationTypes';

/** Larger files are not parsed (lib.dom.d.ts, the largest common one, is under 2 MB). */
export const DEFAULT_MAX_DECLARATION_BYTES = 2 * 1024 * 1024;
const MAX_HERITAGE_DEPTH = 8;

export interface DeclaredCallable {
  kind: 'function' | 'class' | 'method' | 'call' | 'value' | 'namespace';
  /** Some overload returns a promise (`promise` says whether all do). */
  returnsPromise: boolean;
  /** `Promise<…>`/`PromiseLike<…>` (or a local alias, or an interface extending Promise) on every overload, some, or none. */
  promise: PromiseShape;
  /** The named type the call gives back, unwrapped from its promise ('Pool', 'Mocha.Runner'); for a class, itself. */
  returns?: string;
  /** Constants and properties: their declared named type ('AxiosStatic'), through which members are found. */
  valueType?: string;
  /** Called with `new`: a class, or a constant whose type has construct signatures. */
  newable: boolean;
  /** Some overload takes a Node-style `(err, result) => void` completion callback as its last parameter. */
  callbackStyle: boolean;
  /** Some overload returns an async iterable. */
  asyncIterable: boolean;
  overloads: number;
}

export interface DeclaredType {
  kind: 'class' | 'interface' | 'alias';
  /** Names it extends or implements, resolved to keys of this file where declared here. */
  extends: string[];
  /** It extends Promise or PromiseLike (itself or through an ancestor). */
  extendsPromise: boolean;
  /** Awaiting a value of this type waits: it extends a promise or has a `then` method. */
  thenable: boolean;
}

export interface ModuleDeclarations {
  facts: ReadonlyMap<string, DeclaredCallable>;
  types: ReadonlyMap<string, DeclaredType>;
  /** `export * from` and `export { a } from`: where the rest of the module's exports live. */
  reExports: readonly ReExport[];
}

export interface Declarations extends ModuleDeclarations {
  fileName: string;
  /** `declare module 'x' { ... }` blocks (with `node:` dropped) and `declare global` (as GLOBAL_SCOPE). */
  ambientModules: ReadonlyMap<string, ModuleDeclarations>;
  /** No top-level import or export: the file's declarations are globals. */
  script: boolean;
  /** Why the file was not (fully) read: too large, or it does not parse. */
  skipped?: string;
}

export interface ReadOptions {
  maxBytes?: number;
}

export function readDeclarations(text: string, fileName: string, options: ReadOptions = {}): Declarations {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DECLARATION_BYTES;
  // Length in UTF-16 units is at most the UTF-8 byte count, so this check never lets a larger file through unparsed-checked.
  if (text.length > maxBytes) return emptyDeclarations(fileName, `${fileName} is larger than ${maxBytes} bytes; its declarations were not read`);
  let scan: ScopeScan;
  try {
    scan = scanProgram(estree().parse(text, { jsx: false, suppressDeprecatedPropertyWarnings: true }));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return emptyDeclarations(fileName, `${fileName} could not be read: ${reason}`);
  }
  const own = finalise(scan);
  const ambientModules = new Map<string, ModuleDeclarations>();
  for (const [name, inner] of scan.ambient) {
    const module = name.startsWith('node:') ? name.slice(5) : name;
    const finalised = finalise(inner, scan);
    // `declare module 'node:fs' { export * from 'fs' }` only points at the module it names.
    const useful = { ...finalised, reExports: finalised.reExports.filter((r) => r.from !== module && r.from !== `node:${module}`) };
    const existing = ambientModules.get(module);
    ambientModules.set(module, existing ? mergeModules(existing, useful) : useful);
  }
  return { fileName, ...own, ambientModules, script: scan.script };
}

function emptyDeclarations(fileName: string, skipped: string): Declarations {
  return { fileName, facts: new Map(), types: new Map(), reExports: [], ambientModules: new Map(), script: false, skipped };
}

function mergeModules(first: ModuleDeclarations, second: ModuleDeclarations): ModuleDeclarations {
  return {
    facts: new Map([...first.facts, ...second.facts]),
    types: new Map([...first.types, ...second.types]),
    reExports: [...first.reExports, ...second.reExports],
  };
}

/** Turns one scope's scan into facts. `outer` is the file around an ambient module, whose globals it may name. */
function finalise(scan: ScopeScan, outer?: ScopeScan): ModuleDeclarations {
  const resolver = makeResolver(scan.types, outer?.types);
  const exportEquals = scan.exportEquals;
  // `export = X`: X's members are the module's members, so `X.Foo` is spelled `Foo`.
  const rename = (name: string): string => (exportEquals && name.startsWith(`${exportEquals}.`) ? name.slice(exportEquals.length + 1) : name);
  const facts = new Map<string, DeclaredCallable>();

  for (const [key, type] of scan.types) {
    for (const [name, member] of type.members) {
      if (member.signatures.length > 0) {
        facts.set(`${rename(key)}#${name}`, callable('method', signatureFacts(member.signatures, type.scope, resolver, key, type.typeParameters), rename));
      } else if (member.property) {
        const named = shapeOf(member.property, { scope: type.scope, resolver, owner: key, generic: new Set(type.typeParameters) }).named;
        facts.set(`${rename(key)}#${name}`, withNames(callable('value', NO_SIGNATURE, rename), undefined, named && rename(named)));
      }
    }
    const calls = callsOf(key, resolver);
    if (calls) facts.set(`${rename(key)}()`, callable('call', signatureFacts(calls.signatures, calls.scope, resolver, key, calls.typeParameters), rename));
  }

  const exportsByLocal = new Map<string, string[]>();
  for (const [exported, local] of scan.exported) exportsByLocal.set(local, [...(exportsByLocal.get(local) ?? []), exported]);
  const outerScan = outer ?? emptyScan(false);
  for (const [path, value] of scan.values) {
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const rest = dot < 0 ? '' : path.slice(dot);
    const names = scan.script ? [head] : exportsByLocal.get(head) ?? [];
    const keys = names.map((name) => name + rest);
    if (exportEquals === head) keys.push(rest ? rest.slice(1) : 'default');
    if (keys.length === 0) continue;
    const fact = valueFact(value, path, scan, resolver, rename, 0);
    for (const key of keys) facts.set(key, fact);
  }
  // `declare module 'mocha' { export = Mocha }` where Mocha is declared around the module block.
  if (exportEquals && !scan.values.has(exportEquals) && outerScan.values.has(exportEquals)) {
    const outerResolver = makeResolver(outerScan.types);
    for (const [path, value] of outerScan.values) {
      if (path !== exportEquals && !path.startsWith(`${exportEquals}.`)) continue;
      facts.set(path === exportEquals ? 'default' : path.slice(exportEquals.length + 1), valueFact(value, path, outerScan, outerResolver, (n) => n, 0));
    }
  }

  const types = new Map<string, DeclaredType>();
  for (const [key, type] of scan.types) types.set(rename(key), declaredType(key, type, resolver, rename));
  return { facts, types, reExports: scan.reExports };
}

const NO_SIGNATURE: SignatureFacts = { promise: 'never', callbackStyle: false, asyncIterable: false, overloads: 0 };

function callable(kind: DeclaredCallable['kind'], facts: SignatureFacts, rename: (name: string) => string): DeclaredCallable {
  const fact: DeclaredCallable = {
    kind,
    returnsPromise: facts.promise !== 'never',
    promise: facts.promise,
    newable: false,
    callbackStyle: facts.callbackStyle,
    asyncIterable: facts.asyncIterable,
    overloads: facts.overloads,
  };
  return withNames(fact, facts.returns && rename(facts.returns));
}

/** Sets `returns` and `valueType` only when known, so facts carry no undefined fields. */
function withNames(fact: DeclaredCallable, returns: string | undefined, valueType?: string): DeclaredCallable {
  const named = { ...fact };
  if (returns) named.returns = returns;
  if (valueType) named.valueType = valueType;
  return named;
}

function valueFact(value: RawValue, path: string, scan: ScopeScan, resolver: TypeResolver, rename: (name: string) => string, depth: number): DeclaredCallable {
  switch (value.kind) {
    case 'function':
      return callable('function', signatureFacts(value.signatures, value.scope, resolver), rename);
    case 'class':
      return withNames({ ...callable('class', NO_SIGNATURE, rename), newable: true, overloads: value.signatures.length }, rename(path), rename(path));
    case 'namespace':
      return callable('namespace', NO_SIGNATURE, rename);
    default:
  }
  const annotation = value.valueType;
  // `export const compare: typeof verify` behaves as `verify`.
  if (annotation?.type === 'TSTypeQuery' && annotation.exprName.type === 'Identifier' && depth < MAX_HERITAGE_DEPTH) {
    const target = resolveValue(annotation.exprName.name, value.scope, scan);
    if (target) return valueFact(scan.values.get(target)!, target, scan, resolver, rename, depth + 1);
  }
  if (value.signatures.length > 0 || value.constructs) {
    const own = callable('value', signatureFacts(value.signatures, value.scope, resolver), rename);
    const made = value.constructs && signatureFacts(value.constructs, value.scope, resolver).returns;
    return value.constructs ? withNames({ ...own, newable: true }, made && rename(made)) : own;
  }
  const named = annotation && shapeOf(annotation, { scope: value.scope, resolver }).named;
  const key = named && resolver.type(named) ? named : undefined;
  const calls = key ? callsOf(key, resolver) : null;
  const constructs = key ? constructsOf(key, resolver) : null;
  const base = calls ? callable('value', signatureFacts(calls.signatures, calls.scope, resolver, key, calls.typeParameters), rename) : callable('value', NO_SIGNATURE, rename);
  const fact = withNames(base, base.returns, named && rename(named));
  if (constructs) {
    const made = signatureFacts(constructs.signatures, constructs.scope, resolver, key, constructs.typeParameters).returns;
    return withNames({ ...fact, newable: true }, made && rename(made));
  }
  return fact;
}

function resolveValue(name: string, scope: string, scan: ScopeScan): string | null {
  let current = scope;
  for (;;) {
    const candidate = current ? `${current}.${name}` : name;
    if (scan.values.has(candidate)) return candidate;
    if (!current) return null;
    const dot = current.lastIndexOf('.');
    current = dot < 0 ? '' : current.slice(0, dot);
  }
}

/** Call (or construct) signatures of a type or its nearest ancestor that has some. */
interface Inherited {
  signatures: RawType['calls'];
  scope: string;
  typeParameters: string[];
}

function inheritedSignatures(key: string, resolver: TypeResolver, pick: (type: RawType) => RawType['calls']): Inherited | null {
  const seen = new Set<string>();
  let frontier = [key];
  for (let depth = 0; depth < MAX_HERITAGE_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const current of frontier) {
      if (seen.has(current)) continue;
      seen.add(current);
      const type = resolver.type(current);
      if (!type) continue;
      const signatures = pick(type);
      if (signatures.length > 0) return { signatures, scope: type.scope, typeParameters: type.typeParameters };
      for (const parent of type.heritage) {
        const resolved = resolver.resolve(parent, type.scope);
        if (resolved) next.push(resolved);
      }
    }
    frontier = next;
  }
  return null;
}

const callsOf = (key: string, resolver: TypeResolver) => inheritedSignatures(key, resolver, (type) => type.calls);
const constructsOf = (key: string, resolver: TypeResolver) => inheritedSignatures(key, resolver, (type) => type.constructs);

function declaredType(key: string, type: RawType, resolver: TypeResolver, rename: (name: string) => string): DeclaredType {
  const extendsPromise = resolver.extendsPromise(key);
  let thenable = extendsPromise;
  const seen = new Set<string>();
  const queue = [key];
  while (!thenable && queue.length > 0 && seen.size < MAX_HERITAGE_DEPTH * 4) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const declared = resolver.type(current);
    if (!declared) continue;
    if (declared.members.has('then')) thenable = true;
    for (const parent of declared.heritage) {
      const resolved = resolver.resolve(parent, declared.scope);
      if (resolved) queue.push(resolved);
    }
  }
  return {
    kind: type.kind,
    extends: type.heritage.map((name) => rename(resolver.resolve(name, type.scope) ?? name)),
    extendsPromise,
    thenable,
  };
}
