/**
 * typescript-estree's parser, loaded on first use. Loading it (its program and watch
 * machinery come with it) costs about a quarter of a second; the CLI's main thread in
 * project mode never parses, only its workers do, so it should not pay for it at start.
 * Everything else the core needs from the AST types (AST_NODE_TYPES) comes from
 * @typescript-eslint/types, which is small.
 */
import type * as Estree from '@typescript-eslint/typescript-estree';

let loaded: typeof Estree | null = null;

export function estree(): typeof Estree {
  // A require inside the function (not an import) is what keeps the bundle from loading it at start.
  loaded ??= require('@typescript-eslint/typescript-estree') as typeof Estree;
  return loaded;
}
