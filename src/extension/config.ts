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
  const cores = config.get<number | null>('cores', null);
  return {
    enable: config.get<boolean>('enable', true),
    // A plain copy: the configuration object is a proxy that cannot be posted to a worker.
    rules: { ...config.get<Record<string, SeveritySetting>>('rules', {}) },
    cores: typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : machineCores(),
    codeLens: config.get<boolean>('codeLens', true),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 300)),
    maxFileSizeBytes: Math.max(1, config.get<number>('maxFileSizeKb', 512)) * 1024,
  };
}

export function machineCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export function isAnalysable(document: vscode.TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
}
