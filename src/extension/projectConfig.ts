/**
 * The project's configuration file (`concurrency-lens.config.json`, or the
 * `concurrencyLens` key of package.json) in the editor: the same file and the
 * same validation as the CLI (src/core/config.ts), found upward from each
 * document. Where the file and the VS Code settings disagree on a rule, the file
 * wins for its project, and the status bar says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { nearestConfig, type FoundConfig } from '../core/configLookup';
import type { SeveritySetting } from '../core/reportTypes';
import { mergeSettings, type EffectiveSettings } from './settingsMerge';

export { mergeSettings, type EffectiveSettings };

export class ProjectConfigs implements vscode.Disposable {
  /** Folder -> what was found from there (the lookup walks upward, so one per folder). */
  private readonly byFolder = new Map<string, FoundConfig | { problems: string[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    for (const pattern of ['**/concurrency-lens.config.json', '**/package.json']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const reset = (uri: vscode.Uri) => {
        if (uri.fsPath.includes(`${path.sep}node_modules${path.sep}`)) return;
        this.byFolder.clear();
        this.reported.clear();
        this.changed.fire();
      };
      this.disposables.push(watcher, watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset));
    }
  }

  /** The effective settings for a document, given the VS Code settings' rules. */
  settingsFor(uri: vscode.Uri, settingsRules: Record<string, SeveritySetting>): EffectiveSettings {
    if (uri.scheme !== 'file') return mergeSettings(null, settingsRules, null);
    const found = this.lookup(path.dirname(uri.fsPath));
    if ('problems' in found) {
      const settings = mergeSettings(null, settingsRules, null);
      return { ...settings, note: `The configuration file is not used: ${found.problems[0]}` };
    }
    return mergeSettings(found, settingsRules, uri.fsPath);
  }

  private lookup(folder: string): FoundConfig | { problems: string[] } {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const lookup = nearestConfig(folder, {
      isFile: (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
      read: (file) => {
        try {
          return fs.readFileSync(file, 'utf8');
        } catch (err) {
          return err instanceof Error ? err : new Error(String(err));
        }
      },
      display: (file) => vscode.workspace.asRelativePath(file),
    });
    const value = lookup.kind === 'ok' ? lookup.found : { problems: lookup.messages };
    if ('problems' in value) {
      for (const problem of value.problems) {
        if (this.reported.has(problem)) continue;
        this.reported.add(problem);
        this.log.warn(`configuration file not used: ${problem}`);
      }
    } else if (value.file) this.log.debug(`configuration for ${folder}: ${value.file}`);
    this.byFolder.set(folder, value);
    return value;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
