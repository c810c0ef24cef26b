/** Typed access to the `concurrencyLens.*` settings. Read fresh each time: changes apply without reload. */
import * as os from 'os';
import * as vscode from 'vscode';
import type { SeveritySetting } from '../core/reportTypes';

export const SECTION = 'concurrencyLens';
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
  { language, scheme: 'vscode-remote' },
]);

const SEVERITY_SETTINGS = new Set(['off', 'info', 'warning', 'error']);

export interface LensConfig {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  cores: number;
  codeLens: boolean;
  debounceMs: number;
  maxFileSizeBytes: number;
}

export function readConfig(): LensConfig {
  const config = vscode.workspace.getConfiguration(SECTION);
  const cores = config.get<unknown>('cores', null);
  return {
    enable: config.get<unknown>('enable', true) !== false,
    rules: validRules(config.get<unknown>('rules', {})),
    cores: typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : machineCores(),
    codeLens: config.get<unknown>('codeLens', true) !== false,
    debounceMs: Math.max(0, numberOr(config.get<unknown>('debounceMs'), 300)),
    maxFileSizeBytes: Math.max(1, numberOr(config.get<unknown>('maxFileSizeKb'), 512)) * 1024,
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The well-formed entries only, as a plain object (the configuration is a proxy that cannot be posted to a worker). */
function validRules(rules: unknown): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return out;
  for (const [id, severity] of Object.entries(rules)) {
    if (typeof severity === 'string' && SEVERITY_SETTINGS.has(severity)) out[id] = severity as SeveritySetting;
  }
  return out;
}

export function machineCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export function isAnalysable(document: vscode.TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
}

/**
 * What is wrong with the settings as written (settings.json is not checked
 * against the schema): unknown rule ids, bad severities, a core count that
 * cannot be used. Each of these falls back to the default; the log says so.
 */
export function configurationProblems(knownRules: readonly string[]): string[] {
  const config = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];
  const rules = config.get<unknown>('rules', {});
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    problems.push(`${SECTION}.rules should be an object of rule id -> "off" | "info" | "warning" | "error"; it is ignored`);
  } else {
    for (const [id, severity] of Object.entries(rules)) {
      if (!knownRules.includes(id)) problems.push(`${SECTION}.rules: unknown rule "${id}" (known: ${knownRules.join(', ')})`);
      else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.has(severity)) problems.push(`${SECTION}.rules.${id}: "${String(severity)}" is not off, info, warning or error; the rule keeps its default`);
    }
  }
  const cores = config.get<unknown>('cores', null);
  if (cores !== null && !(typeof cores === 'number' && Number.isInteger(cores) && cores >= 1)) {
    problems.push(`${SECTION}.cores: ${JSON.stringify(cores)} is not a whole number of at least 1; using this machine's ${machineCores()}`);
  }
  for (const key of ['debounceMs', 'maxFileSizeKb']) {
    const value = config.get<unknown>(key);
    if (value !== undefined && typeof value !== 'number') problems.push(`${SECTION}.${key}: ${JSON.stringify(value)} is not a number; using the default`);
  }
  return problems;
}

/**
 * The file name the analysis sees. The core reads a file's place in its project
 * (a `test/` or `scripts/` folder makes code one-shot, where blocking is harmless),
 * so it gets the path from the workspace folder, as the CLI run at the root
 * would: an absolute path would let a folder above the project, say
 * ~/tests/shop/, silence a server's findings. Outside any folder: the name alone.
 */
export function analysisFileName(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
