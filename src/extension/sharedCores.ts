/**
 * One core count for the timeline panel, the sidebar, the hovers and the
 * summaries. Moving either view's slider sets it for all of them and for this
 * workspace (remembered in workspaceState across restarts); until the user
 * moves a slider, and again whenever the `concurrencyLens.cores` setting
 * changes, it is the setting's value.
 */
import * as vscode from 'vscode';
import { readConfig, SECTION } from './config';

const KEY = 'concurrencyLens.cores';
const MAX = 1024;

export class SharedCores implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<number>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly memento: vscode.Memento) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`${SECTION}.cores`)) return;
      // The user chose a new default: it replaces what a slider set before.
      void this.memento.update(KEY, undefined).then(() => this.changed.fire(this.value));
    });
  }

  get value(): number {
    const remembered = this.memento.get<unknown>(KEY);
    return isCoreCount(remembered) ? remembered : readConfig().cores;
  }

  async set(cores: number): Promise<void> {
    if (!isCoreCount(cores) || cores === this.value) return;
    await this.memento.update(KEY, cores);
    this.changed.fire(cores);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function isCoreCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX;
}
