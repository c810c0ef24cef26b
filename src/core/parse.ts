/**
 * The one place that calls typescript-estree. A syntax error becomes a value,
 * never an exception that escapes.
 */
import { parse as estreeParse, TSError, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParseError } from './reportTypes';

export type ParseResult =
  | { ok: true; ast: TSESTree.Program }
  /** `tooDeep`: valid code may still be too deeply nested for the parser's recursion. */
  | { ok: false; error: ParseError; tooDeep: boolean };

/** JSX is enabled for .tsx/.jsx, and for plain .js (React code often lives in .js files). */
export function wantsJsx(fileName: string): boolean {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
}

export function parseSource(text: string, fileName = 'file.ts'): ParseResult {
  try {
    const ast = estreeParse(text, {
      loc: true,
      range: true,
      comment: true,
      jsx: wantsJsx(fileName),
      // Keep going on semantic errors (duplicate declarations, ...): we only need the shape.
      allowInvalidAST: false,
      errorOnUnknownASTType: false,
      suppressDeprecatedPropertyWarnings: true,
    });
    return { ok: true, ast };
  } catch (err) {
    return { ok: false, error: toParseError(err), tooDeep: err instanceof RangeError };
  }
}

function toParseError(err: unknown): ParseError {
  if (err instanceof TSError) {
    return { message: err.message, line: err.location.start.line, column: err.location.start.column + 1 };
  }
  // Stack overflows on absurd nesting and the like: still a value, not a crash.
  const message = err instanceof Error ? err.message : String(err);
  return { message: `could not parse: ${message}`, line: 1, column: 1 };
}
