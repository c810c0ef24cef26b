/**
 * The one place that parses source files. A syntax error becomes a value, never an
 * exception that escapes.
 *
 * Plain JavaScript (.js .mjs .cjs .jsx) is read by espree, ESLint's own parser, which
 * takes about a third of typescript-estree's time on the same text (TypeScript's parse and
 * then the conversion to ESTree) and gives the same ESTree tree for it. What espree
 * cannot read goes to typescript-estree: TypeScript or Flow syntax in a .js file, code
 * that is only valid outside strict mode and outside a script, and syntax errors, whose
 * message is typescript-estree's as before. The analysis reads only ESTree shapes both
 * give alike; test/unit/parse/parserAgreement.test.ts checks that the two parsers give the
 * same report, summary and comments over real files (undici's lib) and the edge cases.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { espree, type EspreeSourceType } from './espree';
import { estree } from './estree';
import { hasForeignLineBreaks, LineIndex } from './lines';
import type { ParseError } from './reportTypes';

export type ParseResult =
  | { ok: true; ast: TSESTree.Program }
  /** `tooDeep`: valid code may still be too deeply nested for the parser's recursion. */
  | { ok: false; error: ParseError; tooDeep: boolean };

/** JSX is enabled for .tsx/.jsx, and for plain .js (React code often lives in .js files). */
export function wantsJsx(fileName: string): boolean {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
}

function estreeOptions(fileName: string, comment: boolean) {
  return {
    loc: true,
    range: true,
    comment,
    jsx: wantsJsx(fileName),
    // Keep going on semantic errors (duplicate declarations, ...): we only need the shape.
    allowInvalidAST: false,
    errorOnUnknownASTType: false,
    suppressDeprecatedPropertyWarnings: true,
  } as const;
}

/**
 * `ast.comments` is filled on first read. Collecting comments walks every token of the file
 * again (about a fifth of the parse), and most files never need them: suppressions are read
 * only from files that mention a directive, and the fixes that must not drop a comment look
 * for one only where the text has a comment opener (suppress.ts, facts/waits.ts). When they
 * are read, the file is parsed again with comments: the same parser on the same text gives
 * the same comments, with the same locations, as collecting them the first time would have.
 * The property is not enumerable, so walks over the tree's keys never trigger it.
 * `parser` is for tests that compare the two parsers on the same JavaScript.
 */
export function parseSource(text: string, fileName = 'file.ts', parser: ParserChoice = 'auto'): ParseResult {
  const javaScript = parser === 'auto' ? parseJavaScript(text, fileName) : null;
  if (javaScript) return { ok: true, ast: withLazyComments(javaScript.ast, text, javaScript.parseWithComments) };
  try {
    const ast = estree().parse(text, estreeOptions(fileName, false));
    return { ok: true, ast: withLazyComments(ast, text, () => estree().parse(text, estreeOptions(fileName, true)).comments ?? []) };
  } catch (err) {
    return { ok: false, error: toParseError(err, text), tooDeep: err instanceof RangeError };
  }
}

/** `auto`: espree for plain JavaScript, typescript-estree for the rest; tests compare the two. */
export type ParserChoice = 'auto' | 'typescript-estree';

const JAVASCRIPT_FILE = /\.(js|mjs|cjs|jsx)$/i;

interface JavaScriptParse {
  ast: TSESTree.Program;
  parseWithComments: () => TSESTree.Comment[];
}

/**
 * A module first (import/export, top-level await), then a CommonJS script (sloppy mode,
 * top-level return); a .cjs file only as the latter. Null when espree cannot read it.
 */
function parseJavaScript(text: string, fileName: string): JavaScriptParse | null {
  if (!JAVASCRIPT_FILE.test(fileName)) return null;
  const kinds: EspreeSourceType[] = /\.cjs$/i.test(fileName) ? ['commonjs'] : ['module', 'commonjs'];
  const jsx = wantsJsx(fileName);
  for (const sourceType of kinds) {
    try {
      const ast = espree().parse(text, { sourceType, jsx, comment: false });
      // espree lists a `#!` line as a Hashbang comment; typescript-estree leaves it out, and it can hold no directive.
      const parseWithComments = () => (espree().parse(text, { sourceType, jsx, comment: true }).comments ?? []).filter((c) => (c.type as string) !== 'Hashbang');
      return { ast, parseWithComments };
    } catch {
      // Not readable this way (or at all): the next way, then typescript-estree.
    }
  }
  return null;
}

/** Locations by the editor's line model, and `comments` read on demand (see above). */
function withLazyComments(ast: TSESTree.Program, text: string, parseWithComments: () => TSESTree.Comment[]): TSESTree.Program {
  const foreignBreaks = hasForeignLineBreaks(text);
  if (foreignBreaks) relocate(ast, new LineIndex(text));
  let comments: TSESTree.Comment[] | undefined;
  Object.defineProperty(ast, 'comments', {
    configurable: true,
    enumerable: false,
    get(): TSESTree.Comment[] {
      if (comments === undefined) {
        comments = parseWithComments();
        if (foreignBreaks) relocate(comments, new LineIndex(text));
      }
      return comments;
    },
  });
  return ast;
}

/**
 * Recomputes every `loc` (nodes, comments, tokens) from its `range` by the editor's line
 * model: TypeScript counts U+2028/U+2029 as line breaks, so inside a string or comment they
 * would shift every later line number. Iterative, so it adds no recursion of its own.
 */
function relocate(root: object, lines: LineIndex): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    const range = record.range;
    if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number' && typeof record.loc === 'object') {
      record.loc = { start: lines.position(range[0]), end: lines.position(range[1]) };
    }
    for (const key in record) {
      if (key !== 'parent' && key !== 'loc' && key !== 'range') stack.push(record[key]);
    }
  }
}

function toParseError(err: unknown, text: string): ParseError {
  if (err instanceof estree().TSError) {
    const { start } = err.location;
    // The parser's line counts U+2028/U+2029 as breaks; the offset is what both models agree on.
    const at = hasForeignLineBreaks(text) ? new LineIndex(text).position(start.offset) : { line: start.line, column: start.column };
    return { message: err.message, line: at.line, column: at.column + 1 };
  }
  // Stack overflows on absurd nesting and the like: still a value, not a crash.
  const message = err instanceof Error ? err.message : String(err);
  return { message: `could not parse: ${message}`, line: 1, column: 1 };
}
