/**
 * What the analyzer knows about calling known APIs: Node built-ins, web globals
 * and well-known npm packages (the table), and what a package's declaration
 * files say about the rest.
 */
export type { Behaviour, CallbackRuns, CallbackUse, ConcurrencyLimit, Does, InstanceType, PoolSize, WaitKind } from './behaviour';
export { KNOWLEDGE_COST } from './behaviour';
export { behaviourOf, instanceTypeOf, moduleOf, normaliseQualifiedName, promisifiedBehaviourOf } from './lookup';
export {
  DEFAULT_MAX_DECLARATION_BYTES, GLOBAL_SCOPE, readDeclarations,
  type DeclaredCallable, type DeclaredType, type Declarations, type ModuleDeclarations, type PromiseShape, type ReadOptions, type ReExport,
} from './declarations';
export { declaredFactOf } from './declarationLookup';
export { behaviourFromDeclaration, withDeclarations, type KnowledgeLookup, type PackageDeclarations } from './merge';
