/**
 * Whether a file's `import` declarations run as ES imports or as `require()` calls, which
 * decides the `import` or `require` condition in package `exports` and `imports`. Node
 * and the TypeScript compiler decide it from the file, not from the syntax: `import` in a
 * `.ts` file compiled to CommonJS becomes `require()`.
 *
 *  - `.mts` `.mjs` run as ES modules; `.cts` `.cjs` as CommonJS.
 *  - Otherwise the project's `module` option, when set: `commonjs` (and AMD, UMD, System)
 *    emits require(); `node16`/`node18`/`node20`/`nodenext` follow the package.json `type`;
 *    `es2015` and later, and `preserve`, keep import.
 *  - Without a `module` option (plain JavaScript, or TypeScript left to its defaults), the
 *    nearest package.json `type`: `"module"` means import, anything else require.
 */
import * as ts from 'typescript';
import type { ProjectConfig } from './config';
import type { ImportMode } from './resolution';

const EMITS_REQUIRE = new Set<ts.ModuleKind>([ts.ModuleKind.CommonJS, ts.ModuleKind.AMD, ts.ModuleKind.UMD, ts.ModuleKind.System]);
const FOLLOWS_PACKAGE_TYPE = new Set<ts.ModuleKind>([ts.ModuleKind.Node16, ts.ModuleKind.Node18, ts.ModuleKind.Node20, ts.ModuleKind.NodeNext]);

export function impliedImportMode(file: string, project: ProjectConfig, packageType: 'module' | 'commonjs' | undefined): ImportMode {
  if (/\.m[jt]s$/.test(file)) return 'import';
  if (/\.c[jt]s$/.test(file)) return 'require';
  const module = project.compilerOptions.module;
  if (module !== undefined && module !== ts.ModuleKind.None) {
    if (EMITS_REQUIRE.has(module)) return 'require';
    if (!FOLLOWS_PACKAGE_TYPE.has(module)) return 'import';
  }
  return packageType === 'module' ? 'import' : 'require';
}
