/**
 * The table and the declaration files together. The table wins: a declaration
 * is consulted only for names the table knows nothing about. What a declaration
 * can say is limited to what its types show: it returns a promise (a wait on
 * something unknown), calls back, constructs an instance, or is a synchronous
 * function of unknown cost (`does: 'unknown'`, never a guess that it is cheap).
 */
import type { Behaviour, InstanceType } from './behaviour';
import { COMPLETION, deepFreeze } from './build';
import { declaredFactOf } from './declarationLookup';
import { GLOBAL_SCOPE, type DeclaredCallable, type Declarations, type ModuleDeclarations } from './declarations';
import { behaviourOf as tableBehaviourOf, instanceTypeOf as tableInstanceTypeOf, moduleOf, normaliseQualifiedName } from './lookup';

/** Answers are remembered per lookup object; past this many the memory starts again. */
const MAX_CACHED = 50_000;

export interface PackageDeclarations {
  /** The module specifier the declarations describe ('pg', 'fs/promises'); GLOBAL_SCOPE for globals. */
  module: string;
  declarations: Declarations | ModuleDeclarations;
}

export interface KnowledgeLookup {
  behaviourOf(qualifiedName: string): Behaviour | null;
  instanceTypeOf(key: string): InstanceType | null;
}

/** A lookup over the table first and then the given packages' declarations. */
export function withDeclarations(packages: Iterable<PackageDeclarations>): KnowledgeLookup {
  const byModule = new Map<string, ModuleDeclarations[]>();
  const add = (module: string, declarations: ModuleDeclarations) => byModule.set(module, [...(byModule.get(module) ?? []), declarations]);
  for (const { module, declarations } of packages) {
    add(module.startsWith('node:') ? module.slice(5) : module, declarations);
    if ('ambientModules' in declarations) {
      for (const [name, inner] of declarations.ambientModules) add(name, inner);
      if (declarations.script) add(GLOBAL_SCOPE, declarations);
    }
  }
  const behaviours = new Map<string, Behaviour | null>();
  return {
    behaviourOf(qualifiedName) {
      const known = tableBehaviourOf(qualifiedName);
      if (known) return known;
      if (behaviours.has(qualifiedName)) return behaviours.get(qualifiedName)!;
      if (behaviours.size >= MAX_CACHED) behaviours.clear();
      // Frozen like the table's answers: every caller of this lookup shares them.
      const found = deepFreeze(declaredBehaviour(normaliseQualifiedName(qualifiedName), byModule));
      behaviours.set(qualifiedName, found);
      return found;
    },
    instanceTypeOf(key) {
      const known = tableInstanceTypeOf(key);
      if (known) return known;
      const { module, path, sources } = locate(key, byModule);
      for (const declarations of sources) {
        const type = declarations.types.get(path);
        if (!type) continue;
        const parent = type.extends.find((name) => declarations.types.has(name));
        return {
          ...(type.thenable ? { thenable: 'unknown' as const } : {}),
          ...(parent ? { extends: qualify(module, parent) } : {}),
        };
      }
      return null;
    },
  };
}

/** The module a name belongs to, its path inside it, and the declarations that may describe it (globals last). */
function locate(name: string, byModule: ReadonlyMap<string, ModuleDeclarations[]>): { module: string; path: string; sources: ModuleDeclarations[] } {
  const module = moduleOf(name);
  const own = byModule.get(module);
  if (own) return { module, path: name.slice(module.length + 1), sources: own };
  return { module: GLOBAL_SCOPE, path: name, sources: byModule.get(GLOBAL_SCOPE) ?? [] };
}

function qualify(module: string, name: string): string {
  return module === GLOBAL_SCOPE ? name : `${module}.${name}`;
}

function declaredBehaviour(name: string, byModule: ReadonlyMap<string, ModuleDeclarations[]>): Behaviour | null {
  const { module, path, sources } = locate(name, byModule);
  for (const declarations of sources) {
    const fact = declaredFactOf(declarations, path);
    if (fact) return behaviourFromDeclaration(fact, module, declarations);
  }
  return null;
}

/** What a declared callable tells about calling it, in the table's vocabulary. */
export function behaviourFromDeclaration(fact: DeclaredCallable, module: string, declarations: ModuleDeclarations): Behaviour | null {
  if (fact.kind === 'namespace') return null;
  const instance = fact.returns && declarations.types.has(fact.returns) ? qualify(module, fact.returns) : undefined;
  const extra: Partial<Behaviour> = { source: 'declaration', ...(instance ? { instance } : {}) };
  const callback: Behaviour = { does: 'wait', wait: 'unknown', returnsPromise: false, callbackStyle: true, callback: COMPLETION, source: 'declaration' };
  if (fact.newable) return { does: 'sync', returnsPromise: false, newable: true, ...extra };
  if (fact.returnsPromise) {
    return { does: 'wait', wait: 'unknown', returnsPromise: true, ...extra, ...(fact.callbackStyle ? { whenCallback: callback } : {}) };
  }
  if (fact.callbackStyle) return { ...callback, ...extra };
  if (fact.asyncIterable) return { does: 'sync', returnsPromise: false, asyncIterable: 'unknown', ...extra };
  // A property or constant with nothing callable about it says nothing about calls.
  if (fact.overloads === 0) return null;
  return { does: 'unknown', returnsPromise: false, ...extra };
}
