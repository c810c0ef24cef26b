/**
 * Quick fixes: the safe rewrites the rules computed (applied only when the
 * document is still at the analysed version), plus "disable for this line",
 * "disable for this file" and "show rule documentation" for every finding.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/reportTypes';
import { DIRECTIVE_PREFIX } from '../core/suppress';
import { ruleOf, toRange } from './convert';
import type { DocumentAnalyzer } from './documentAnalyzer';

export class LensCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.analyzer.state(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const rule = ruleOf(diagnostic);
      if (!rule) continue;
      const finding = state?.report?.findings.find((f) => f.rule === rule && toRange(f).isEqual(diagnostic.range));
      if (finding && state && state.version === document.version) actions.push(...rewrites(document, finding, diagnostic));
      actions.push(disableForLine(document, rule, diagnostic), disableForFile(document, rule, diagnostic), showDocs(rule, diagnostic));
    }
    return actions;
  }
}

function rewrites(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  return finding.fixes.map((fix) => {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred;
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of fix.edits) {
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
    }
    return action;
  });
}

function disableForLine(document: vscode.TextDocument, rule: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const line = document.lineAt(diagnostic.range.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const action = new vscode.CodeAction(`Disable ${rule} for this line`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}// ${DIRECTIVE_PREFIX}-next-line ${rule}\n`);
  return action;
}

function disableForFile(document: vscode.TextDocument, rule: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  // After a shebang line, which must stay first.
  const at = document.lineCount > 0 && document.lineAt(0).text.startsWith('#!') ? 1 : 0;
  const action = new vscode.CodeAction(`Disable ${rule} for this file`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(at, 0), `/* ${DIRECTIVE_PREFIX} ${rule} */\n`);
  return action;
}

function showDocs(rule: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Show documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: 'concurrencyLens.showRuleDocs', title: 'Show rule documentation', arguments: [rule] };
  return action;
}
