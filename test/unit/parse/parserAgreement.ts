/**
 * What the two parsers give for one JavaScript file, as the analysis sees it: the report
 * and the export summary with every rule on (strict), and the comments. espree is read
 * for plain JavaScript (parse.ts); typescript-estree is what it replaced, so any
 * difference here is a difference a user would see.
 */
import { parseSource, type ParserChoice } from '../../../src/core/parse';
import { PRESETS } from '../../../src/core/presets';
import { analyzeParsed } from '../../../src/core/report';

export interface Disagreement {
  file: string;
  /** The first differing line of the two JSON texts, or why one parser could not read it. */
  detail: string;
}

function viewOf(text: string, file: string, parser: ParserChoice): string {
  const parsed = parseSource(text, file, parser);
  if (!parsed.ok) return `parse error at ${parsed.error.line}:${parsed.error.column}`;
  const { report, summary } = analyzeParsed(parsed.ast, text, { fileName: file, rules: PRESETS.strict.rules, strict: true }, file);
  const comments = (parsed.ast.comments ?? []).map((c) => [c.type, c.value, ...c.range, c.loc.start.line, c.loc.start.column, c.loc.end.line, c.loc.end.column]);
  return JSON.stringify({ report, summary, comments }, null, 1);
}

/** Null when espree's tree gives the same analysis as typescript-estree's. */
export function compareParsers(text: string, file: string): Disagreement | null {
  const fast = viewOf(text, file, 'auto');
  const reference = viewOf(text, file, 'typescript-estree');
  if (fast === reference) return null;
  const a = fast.split('\n');
  const b = reference.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  return { file, detail: `line ${at + 1} of the JSON: espree ${a[at]?.trim()} / typescript-estree ${b[at]?.trim()}` };
}
