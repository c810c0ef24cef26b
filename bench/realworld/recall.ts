/**
 * The recall side of await-in-loop: loops that ESLint's `no-await-in-loop` would flag
 * and our rule leaves silent. Judging a sample of them says whether the silence was
 * right. Written against typescript-estree directly (not src/core) so the yardstick
 * does not move when the analyzer's own model changes.
 *
 * ESLint's definition, as followed here: an `await` counts when, walking up to the
 * nearest function, it sits in a loop's body (or a `for`'s test or update, or a
 * `while`/`do` test). Awaits inside a `for await` loop do not count (that loop is a
 * boundary, as in ESLint), and neither does a `for await` statement itself (ESLint
 * reports one nested in another loop; the study leaves asynchronous iteration out).
 */
import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';

export interface AwaitPosition {
  line: number;
  /** 1-based, like the CLI's JSON. */
  column: number;
}

/** The outermost loop (within one function) that makes one or more awaits run once per iteration. */
export interface LoopNest {
  line: number;
  kind: string;
  awaits: AwaitPosition[];
}

type Node = TSESTree.Node;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function isBoundary(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type) || (node.type === 'ForOfStatement' && node.await);
}

/** Whether `child` is a part of `loop` that runs once per iteration. */
function isLooped(child: Node, loop: Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child === loop.test || child === loop.update || child === loop.body;
    case 'ForOfStatement':
    case 'ForInStatement':
      return child === loop.body;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return child === loop.test || child === loop.body;
    default:
      return false;
  }
}

/** Parse for the scan; JSX on for the file kinds that allow it, and a second try without it for .js. */
function parseForScan(text: string, fileName: string): TSESTree.Program | null {
  const jsx = /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
  const attempt = (withJsx: boolean): TSESTree.Program | null => {
    try {
      return parse(text, { loc: true, range: true, jsx: withJsx, comment: false, errorOnUnknownASTType: false, suppressDeprecatedPropertyWarnings: true });
    } catch {
      return null;
    }
  };
  return attempt(jsx) ?? (jsx ? attempt(false) : null);
}

/** Every loop nest of a file with an await ESLint's no-await-in-loop would report; [] when the file does not parse. */
export function findAwaitLoops(text: string, fileName: string): LoopNest[] {
  const program = parseForScan(text, fileName);
  if (!program) return [];
  const awaits: TSESTree.AwaitExpression[] = [];
  simpleTraverse(program, { enter: (node) => { if (node.type === 'AwaitExpression') awaits.push(node); } }, true);
  const nests = new Map<Node, LoopNest>();
  for (const node of awaits) {
    let outermost: Node | null = null;
    let child: Node = node;
    let parent = node.parent as Node | undefined;
    while (parent && !isBoundary(parent)) {
      if (isLooped(child, parent)) outermost = parent;
      child = parent;
      parent = parent.parent as Node | undefined;
    }
    if (!outermost) continue;
    const nest = nests.get(outermost) ?? { line: outermost.loc.start.line, kind: outermost.type, awaits: [] };
    nest.awaits.push({ line: node.loc.start.line, column: node.loc.start.column + 1 });
    nests.set(outermost, nest);
  }
  return [...nests.values()].sort((a, b) => a.line - b.line);
}

/** A nest counts as flagged when an await-in-loop finding sits on one of its awaits. */
export function isFlagged(nest: LoopNest, findings: readonly AwaitPosition[]): boolean {
  return nest.awaits.some((a) => findings.some((f) => f.line === a.line && f.column === a.column));
}
