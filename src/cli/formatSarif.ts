/**
 * SARIF 2.1.0, the format GitHub code scanning (and other dashboards) ingest. One run,
 * every rule described in tool.driver.rules whether or not it fired (so a dashboard can
 * show what was checked), results pointing at paths relative to the checkout.
 */
import { createHash } from 'node:crypto';
import type * as sarif from 'sarif';
import { allRules } from '../core/rules/index';
import type { Finding, Severity, SeveritySetting } from '../core/reportTypes';
import { splitLines } from '../core/lines';
import type { RuleMeta } from '../core/rules/ruleTypes';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION, ruleHelpUri } from './version';
import type { AnalyzedFile, RunResult } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Versioned, so a future change of what is hashed cannot silently re-open old alerts. */
export const FINGERPRINT_KEY = 'concurrencyLens/v1';

export interface SarifOptions {
  /** The --rule overrides, recorded so a reader knows the levels were not the defaults. */
  rules?: Record<string, SeveritySetting>;
}

export function formatSarif(result: RunResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
}

export function toSarifLog(result: RunResult, options: SarifOptions = {}): sarif.Log {
  const results: sarif.Result[] = [];
  for (const file of result.files) results.push(...fileResults(file));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            semanticVersion: TOOL_VERSION,
            rules: allRules.map((rule) => ruleDescriptor(rule.meta)),
          },
        },
        invocations: [invocation(result, options.rules ?? {})],
        // Our columns come from the TypeScript parser, which counts UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function ruleDescriptor(meta: RuleMeta): sarif.ReportingDescriptor {
  const helpUri = ruleHelpUri(meta.id);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} What it shows: ${meta.picture}.` },
    help: {
      text: `${meta.description} What it shows: ${meta.picture}. Details, examples and fixes: ${helpUri}`,
      markdown: `${meta.description}\n\nWhat it shows: *${meta.picture}*.\n\n[Details, examples and fixes](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
    properties: { tags: ['concurrency'] },
  };
}

function fileResults(file: AnalyzedFile): sarif.Result[] {
  const lines = splitLines(file.text);
  const seen = new Map<string, number>();
  return file.report.findings.map((finding) => {
    const hash = fingerprint(finding, file.path, lines[finding.line - 1] ?? '');
    // Two identical findings on identical lines still need distinct fingerprints.
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return findingResult(finding, file.path, `${hash}:${occurrence}`);
  });
}

function findingResult(finding: Finding, path: string, print: string): sarif.Result {
  const ruleIndex = allRules.findIndex((rule) => rule.meta.id === finding.rule);
  const result: sarif.Result = {
    ruleId: finding.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(path, finding) }],
  };
  if (finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, index) => ({
      id: index + 1,
      physicalLocation: physicalLocation(related.file ?? path, related),
      message: { text: related.message },
    }));
  }
  result.partialFingerprints = { [FINGERPRINT_KEY]: print };
  return result;
}

/**
 * Hashes what identifies a finding to a reader: the rule, the file, the message and the
 * text of its line, but not the line number, so adding code above it keeps the alert.
 */
export function fingerprint(finding: Finding, path: string, lineText: string): string {
  return createHash('sha256')
    .update([finding.rule, path, finding.message, lineText.trim()].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Parse errors, skipped files and unreadable paths are facts about the run, not about
 * the code, so they are notifications. Only an unreadable path makes the run
 * unsuccessful: the others were looked at and reported.
 */
function invocation(result: RunResult, overrides: Record<string, SeveritySetting>): sarif.Invocation {
  const notifications: sarif.Notification[] = [];
  for (const file of result.files) {
    const { parseError, skipped } = file.report;
    if (parseError) {
      notifications.push({
        level: 'warning',
        message: { text: `Parse error, file not analysed: ${parseError.message}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.path),
              region: { startLine: parseError.line, startColumn: parseError.column },
            },
          },
        ],
      });
    } else if (skipped) {
      notifications.push({
        level: 'note',
        message: { text: `File skipped: ${skipped}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.path) } }],
      });
    }
  }
  for (const problem of result.problems) {
    notifications.push({
      level: 'error',
      message: { text: `Could not read: ${problem.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path) } }],
    });
  }
  const out: sarif.Invocation = { executionSuccessful: result.problems.length === 0 };
  const configured = Object.keys(overrides).sort();
  if (configured.length > 0) {
    out.ruleConfigurationOverrides = configured.map((id) => ({
      descriptor: { id, index: allRules.findIndex((rule) => rule.meta.id === id) },
      configuration:
        overrides[id] === 'off' ? { enabled: false } : { enabled: true, level: sarifLevel(overrides[id] as Severity) },
    }));
  }
  if (notifications.length > 0) out.toolExecutionNotifications = notifications;
  return out;
}

function physicalLocation(
  path: string,
  range: { line: number; column: number; endLine: number; endColumn: number },
): sarif.PhysicalLocation {
  return {
    artifactLocation: artifactLocation(path),
    // Both sides agree: 1-based lines and columns, the end column just past the range.
    region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
  };
}

/**
 * Relative to %SRCROOT% (the directory the CLI ran in, normally the checkout root), so the
 * log is the same on every machine. A path with no relative form (another drive on
 * Windows) becomes a file URI, which SARIF forbids combining with a base id.
 */
export function artifactLocation(path: string): sarif.ArtifactLocation {
  if (/^(\/|[A-Za-z]:\/)/.test(path)) {
    const absolute = path.startsWith('/') ? path : `/${path}`;
    return { uri: `file://${encodePath(absolute)}` };
  }
  return { uri: encodePath(path), uriBaseId: SRCROOT };
}

/** A URI, not a file path: spaces, `#`, `%` and friends must be percent-encoded. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function sarifLevel(severity: Severity): sarif.ReportingConfiguration.level {
  return severity === 'info' ? 'note' : severity;
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}
