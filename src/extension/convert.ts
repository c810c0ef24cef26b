/** The only place that maps core types (1-based lines and columns) to vscode types (0-based). */
import * as vscode from 'vscode';
import type { Finding, Location, Severity } from '../core/reportTypes';

export const DIAGNOSTIC_SOURCE = 'Concurrency Lens';

export function toRange(location: Location): vscode.Range {
  return new vscode.Range(location.line - 1, location.column - 1, location.endLine - 1, location.endColumn - 1);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default: {
      const unexpected: never = severity;
      throw new Error(`unknown severity ${String(unexpected)}`);
    }
  }
}

/**
 * The diagnostic code's link: a command URI that opens the rule's page bundled
 * with the extension, rendered inside VS Code (the hover and the Problems view
 * open code links with commands allowed). Works offline, and for the version installed.
 */
export function ruleDocsUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: 'concurrencyLens.showRuleDocs', query: JSON.stringify([rule]) });
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, toSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocsUri(finding.rule) };
  diagnostic.relatedInformation = finding.related.map(
    // Evidence in another file of the project (the imported helper that blocks) points into that file.
    (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(related.file ? vscode.Uri.file(related.file) : uri, toRange(related)), related.message),
  );
  return diagnostic;
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return typeof code === 'string' ? code : undefined;
}
