/**
 * espree, ESLint's JavaScript parser, loaded on first use like typescript-estree
 * (estree.ts), with the options every call shares. Its tree is ESTree, the subset of
 * TSESTree that plain JavaScript produces, so it is typed as TSESTree here: parse.ts
 * decides which files it reads.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type * as Espree from 'espree';

export type EspreeSourceType = 'module' | 'commonjs';

export interface EspreeParser {
  parse(text: string, options: { sourceType: EspreeSourceType; jsx: boolean; comment: boolean }): TSESTree.Program & { comments?: TSESTree.Comment[] };
}

let loaded: typeof Espree | null = null;

const parser: EspreeParser = {
  parse(text, { sourceType, jsx, comment }) {
    // A require inside the function (not an import) keeps the bundles from loading it at start.
    loaded ??= require('espree') as typeof Espree;
    const ast = loaded.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, comment, ecmaFeatures: { jsx } });
    return ast as unknown as TSESTree.Program & { comments?: TSESTree.Comment[] };
  },
};

export function espree(): EspreeParser {
  return parser;
}
