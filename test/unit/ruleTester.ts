/**
 * A RuleTester in the ESLint style: every `invalid` case must produce exactly
 * the listed findings of the rule under test (line, column, and optionally end
 * position, message fragment and fix output); every `valid` case none.
 */
import * as assert from 'assert';
import { analyze } from '../../src/core/report';
import { allRules } from '../../src/core/rules';
import type { Finding, SeveritySetting } from '../../src/core/reportTypes';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the message must contain. */
  message?: string;
  /** The reported severity (the rule's default, or one level lower when the evidence is only likely). */
  severity?: Finding['severity'];
}

export interface InvalidCase {
  name?: string;
  code: string;
  fileName?: string;
  /** Analyse under the strict preset (findings on likely, not certain, evidence). */
  strict?: boolean;
  errors: ExpectedFinding[];
  /** Expected source after applying the first (or `fixIndex`) fix of the first finding. */
  output?: string;
  fixIndex?: number;
}

export interface ValidCase {
  name?: string;
  code: string;
  fileName?: string;
  strict?: boolean;
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

/** Analyse with only `ruleId` enabled. */
export function findingsFor(ruleId: string, code: string, fileName = 'test.ts', strict = false): Finding[] {
  const rules: Record<string, SeveritySetting> = {};
  for (const rule of allRules) rules[rule.meta.id] = rule.meta.id === ruleId ? rule.meta.defaultSeverity : 'off';
  const report = analyze(code, { fileName, rules, strict });
  assert.strictEqual(report.parseError, null, `test code must parse: ${JSON.stringify(report.parseError)}`);
  return report.findings;
}

export function applyFix(code: string, finding: Finding, index = 0): string {
  const fix = finding.fixes[index];
  assert.ok(fix, `expected a fix #${index} on ${finding.rule} at ${finding.line}:${finding.column}`);
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

export function runRuleTests(ruleId: string, tests: RuleTests): void {
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => {
      assert.ok(allRules.some((rule) => rule.meta.id === ruleId), `${ruleId} is not in the registry`);
    });
    describe('valid', () => {
      tests.valid.forEach((entry, index) => {
        const test = typeof entry === 'string' ? { code: entry } : entry;
        it(test.name ?? `valid #${index + 1}`, () => {
          const found = findingsFor(ruleId, test.code, test.fileName, test.strict);
          assert.deepStrictEqual(found.map((f) => brief(f)), [], 'expected no findings');
        });
      });
    });
    describe('invalid', () => {
      tests.invalid.forEach((test, index) => {
        it(test.name ?? `invalid #${index + 1}`, () => {
          const found = findingsFor(ruleId, test.code, test.fileName, test.strict);
          assert.deepStrictEqual(
            found.map((f, i) => brief(f, test.errors[i])),
            test.errors.map((e) => expectedBrief(ruleId, e)),
          );
          for (const [i, expected] of test.errors.entries()) {
            if (expected.message) assert.ok(found[i].message.includes(expected.message), `message "${found[i].message}" should contain "${expected.message}"`);
          }
          if (test.output !== undefined) {
            assert.strictEqual(applyFix(test.code, found[0], test.fixIndex), test.output);
            assertNoFindingOfItsOwnMaking(test.code, found[0], test.fixIndex ?? 0, test.fileName);
          }
        });
      });
    });
  });
}

/**
 * A quick fix must not trade one finding for another: the rewritten code,
 * analysed with every rule (strict), has no finding inside the text the fix wrote.
 */
export function assertNoFindingOfItsOwnMaking(code: string, finding: Finding, fixIndex: number, fileName = 'test.ts'): void {
  const fix = finding.fixes[fixIndex];
  const output = applyFix(code, finding, fixIndex);
  const report = analyze(output, { fileName, strict: true });
  assert.strictEqual(report.parseError, null, `the fixed code must parse: ${JSON.stringify(report.parseError)}`);
  // Where the edits' new text sits in the output (edits apply from the end, so earlier offsets stay put).
  let shift = 0;
  const written: [number, number][] = [];
  for (const edit of [...fix.edits].sort((a, b) => a.start - b.start)) {
    written.push([edit.start + shift, edit.start + shift + edit.newText.length]);
    shift += edit.newText.length - (edit.end - edit.start);
  }
  const lineOf = (offset: number) => output.slice(0, offset).split('\n').length;
  const own = report.findings.filter((f) => written.some(([start, end]) => f.line >= lineOf(start) && f.line <= lineOf(end)));
  assert.deepStrictEqual(own.map((f) => `${f.rule}@${f.line}`), [], `the fix "${fix.title}" raised a finding of its own making in:\n${output}`);
}

/** The comparable part of a finding, shaped like the expectation it is compared with. */
function brief(finding: Finding, like?: ExpectedFinding): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: finding.rule, line: finding.line, column: finding.column };
  if (like?.endLine !== undefined) out.endLine = finding.endLine;
  if (like?.endColumn !== undefined) out.endColumn = finding.endColumn;
  if (like?.severity !== undefined) out.severity = finding.severity;
  return out;
}

function expectedBrief(ruleId: string, expected: ExpectedFinding): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: ruleId, line: expected.line, column: expected.column };
  if (expected.endLine !== undefined) out.endLine = expected.endLine;
  if (expected.endColumn !== undefined) out.endColumn = expected.endColumn;
  if (expected.severity !== undefined) out.severity = expected.severity;
  return out;
}
