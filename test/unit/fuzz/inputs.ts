/**
 * Fuzz inputs: the examples and the fixtures, mutated the way real edits and real bad files
 * mutate code (lines deleted, duplicated, swapped; a file cut short; concurrency tokens
 * inserted; a body nested many times; stray code units, line ends and separators).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

export interface Seed {
  /** Relative to the repository, forward slashes. */
  file: string;
  text: string;
}

export interface FuzzInput {
  seed: string;
  fileName: string;
  text: string;
  /** What was done to the seed, for the failure message. */
  steps: string[];
}

const SOURCE = /\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/;

export function loadSeeds(root: string): Seed[] {
  const seeds: Seed[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) visit(relative);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) seeds.push({ file: relative, text: fs.readFileSync(path.join(root, relative), 'utf8') });
    }
  };
  for (const folder of ['examples', 'test/fixtures']) visit(folder);
  return seeds;
}

const TOKENS = [
  'await ', 'async ', '{', '}', '(', ')', '[', ']', 'for (;;) ', 'new Worker(', 'Promise.all(', 'yield ', '=> ', 'function () {',
  'while (true) {', ';', '\n', '`', '${', '"', "'", '/*', '*/', '//', '/', '<div>', '</div>', 'readFileSync(', 'setTimeout(',
  'export default class { m() { return this.m(); } }', 'items.forEach(async (x) => { await fetch(x); });', '\u2028', '\u2029', '\r', '\r\n', '\u001b[31m', '\u0007',
];

/** Openers and closers that nest a body; `f(async function () {` is left out on purpose (the parser is exponential on it: the time budget's job, not the fuzzer's). */
const WRAPPERS: [string, string][] = [
  ['{', '}'], ['function f() {', '}'], ['if (x) {', '}'], ['for (const a of b) {', '}'], ['(() => {', '})();'], ['async function g() {', '}'],
  ['f(() => {', '});'], ['x = [', '];'], ['x = (', ');'], ['try {', '} finally {}'], ['class C { m() {', '} }'],
];

type Step = (text: string) => { text: string; step: string };

const position = fc.nat();

const lineStep = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate'), at: position }),
  fc.record({ kind: fc.constant('swap'), at: position, with: position }),
).map((op): Step => (text) => {
  const lines = text.split('\n');
  if (lines.length === 0) return { text, step: 'no lines' };
  const i = op.at % lines.length;
  if (op.kind === 'delete') lines.splice(i, 1);
  else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i]);
  else {
    const j = (op as { with: number }).with % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return { text: lines.join('\n'), step: `${op.kind} line ${i + 1}` };
});

const truncateStep = position.map((at): Step => (text) => ({ text: text.slice(0, at % (text.length + 1)), step: `truncate at ${at % (text.length + 1)}` }));

const insertStep = fc.record({ at: position, token: fc.constantFrom(...TOKENS), copies: fc.integer({ min: 1, max: 3 }) }).map((op): Step => (text) => {
  const at = op.at % (text.length + 1);
  return { text: text.slice(0, at) + op.token.repeat(op.copies) + text.slice(at), step: `insert ${JSON.stringify(op.token.repeat(op.copies))} at ${at}` };
});

const nestStep = fc.record({ wrapper: fc.integer({ min: 0, max: WRAPPERS.length - 1 }), times: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 100, max: 400 })), from: position, to: position }).map((op): Step => (text) => {
  const lines = text.split('\n');
  const a = op.from % (lines.length + 1);
  const b = op.to % (lines.length + 1);
  const [from, to] = a <= b ? [a, b] : [b, a];
  const [open, close] = WRAPPERS[op.wrapper];
  const nested = [...lines.slice(0, from), open.repeat(op.times), ...lines.slice(from, to), close.repeat(op.times), ...lines.slice(to)];
  return { text: nested.join('\n'), step: `nest lines ${from + 1}-${to} in ${JSON.stringify(open)} x${op.times}` };
});

const codeUnitsStep = fc.record({ at: position, units: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 8 }) }).map((op): Step => (text) => {
  const at = op.at % (text.length + 1);
  const inserted = String.fromCharCode(...op.units);
  return { text: text.slice(0, at) + inserted + text.slice(at), step: `insert code units ${op.units.map((u) => u.toString(16)).join(' ')} at ${at}` };
});

const lineEndStep = fc.constantFrom('\r\n', '\r', '\u2028').map((end): Step => (text) => ({ text: text.replace(/\r\n|\r|\n/g, end === '\u2028' ? '\n\u2028' : end), step: `line ends ${JSON.stringify(end)}` }));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: lineStep },
  { weight: 1, arbitrary: truncateStep },
  { weight: 4, arbitrary: insertStep },
  { weight: 2, arbitrary: nestStep },
  { weight: 2, arbitrary: codeUnitsStep },
  { weight: 1, arbitrary: lineEndStep },
);

/** A seed with zero to four mutations applied. */
export function fuzzInput(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc.record({ seed: fc.integer({ min: 0, max: seeds.length - 1 }), steps: fc.array(step, { maxLength: 4 }) }).map(({ seed, steps }) => {
    let text = seeds[seed].text;
    const done: string[] = [];
    for (const apply of steps) {
      const result = apply(text);
      text = result.text;
      done.push(result.step);
    }
    return { seed: seeds[seed].file, fileName: path.basename(seeds[seed].file), text, steps: done };
  });
}
