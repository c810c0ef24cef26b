/**
 * The project layer's public surface: import resolution and project configuration.
 * Start with resolve.ts's header for how a specifier is resolved and in what order.
 */
export { createResolver, resolutionOptions, type Resolver, type ResolverOptions } from './resolve';
export type {
  BuiltinResolution,
  DeclarationResolution,
  ImportMode,
  JsonResolution,
  PackageRef,
  PackageResolution,
  Resolution,
  ResolvedVia,
  SourceResolution,
  Unresolved,
  UnresolvedCode,
} from './resolution';
export { isDeclarationFile, isSourceFile, packageNameOf, SOURCE_EXTENSIONS } from './resolution';
export { affectsResolution, createCachingHost, type CachingHost, type ProjectHost } from './host';
export { createMemoryHost, type MemoryHost, type MemoryHostOptions } from './memoryHost';
export { createProjectConfigs, type ProjectConfig, type ProjectConfigs } from './config';
export type { ConfigProblem, PackageJson, PackageJsonRead } from './packageJson';
export type { Workspace, WorkspacePackage } from './workspace';
export { lookupBuiltin } from './builtins';
export * as posixPath from './paths';
