/**
 * The text of the quick fix that starts a collection's waits together, shared
 * by await-in-loop (a loop of awaits) and async-foreach (a dropped promise per
 * item). A collection of bounded size gets one Promise.all; one whose size
 * comes from outside gets fixed-size chunks, so the fix never opens a request
 * per element at once (which unbounded-fanout would rightly flag).
 */

/** Waits started together per chunk when the collection's size comes from outside. */
export const CHUNK_SIZE = 10;

export interface TogetherParts {
  /** An expression that is an array: `urls`, `Array.from(ids)`. */
  array: string;
  /** The callback's parameter list text: `url`, `[key, value]` (with `body`). */
  param?: string;
  /** The callback's body: a block `{ … }` (kept as written, comments included) or an expression. */
  body?: string;
  /** Or the whole callback as written: `async (file) => { … }`, `upload`. */
  callback?: string;
  /** `out.push(...)` of each callback's result, in item order, when the loop collected results. */
  collectInto?: string;
  /** Cut the collection into chunks of CHUNK_SIZE (its size comes from outside). */
  chunked: boolean;
  /** The indentation of the statement being replaced, for the chunk loop's body. */
  indent: string;
  /** Names in use where the code goes, so the chunk counter does not shadow one. */
  taken: ReadonlySet<string>;
}

/** One statement (two lines when chunked) that runs the body for every item, overlapping the waits. */
export function togetherStatement(parts: TogetherParts): string {
  const counter = freeName(parts.taken, ['i', 'start', 'offset', 'at']);
  const source = parts.chunked ? `${parts.array}.slice(${counter}, ${counter} + ${CHUNK_SIZE})` : parts.array;
  const mapper = parts.callback ?? `async (${parts.param}) => ${parts.body}`;
  const all = `await Promise.all(${source}.map(${mapper}))`;
  const statement = parts.collectInto ? `${parts.collectInto}.push(...(${all}));` : `${all};`;
  if (!parts.chunked) return statement;
  return `for (let ${counter} = 0; ${counter} < ${parts.array}.length; ${counter} += ${CHUNK_SIZE}) {\n${parts.indent}  ${reindent(statement, '  ')}\n${parts.indent}}`;
}

function freeName(taken: ReadonlySet<string>, choices: string[]): string {
  for (const name of choices) if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`i${n}`)) n++;
  return `i${n}`;
}

/** Moves every line after the first one level deeper (the block keeps its shape inside the chunk loop). */
function reindent(text: string, by: string): string {
  return text.split('\n').map((line, i) => (i === 0 || line.length === 0 ? line : by + line)).join('\n');
}
