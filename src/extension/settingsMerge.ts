/**
 * The VS Code settings and the project's configuration file, merged for one
 * document (no vscode here, so it is unit-tested): the file's preset, then the
 * settings' rules, then the file's own rules, which win for its project.
 */
import * as path from 'path';
import { createIgnoreFilter, resolveSettings } from '../core/config';
import type { FoundConfig } from '../core/configLookup';
import type { SeveritySetting } from '../core/reportTypes';

export interface EffectiveSettings {
  rules: Record<string, SeveritySetting>;
  strict: boolean;
  /** The configuration file that applies, or null. */
  file: string | null;
  /** The document matches the file's `ignore` patterns: it is not analysed. */
  ignored: boolean;
  /** For the status bar: which settings the file overrides, or why the file could not be used. */
  note: string | null;
}

/** The settings for one document, from the file that applies (if any) over the VS Code settings. */
export function mergeSettings(found: FoundConfig | null, settingsRules: Record<string, SeveritySetting>, documentPath: string | null): EffectiveSettings {
  if (!found?.config || !found.file) return { ...resolveSettings({ config: null, cliPreset: null, cliRules: settingsRules }), file: null, ignored: false, note: null };
  const fileRules = found.config.rules;
  const resolved = resolveSettings({ config: { ...found.config, rules: { ...settingsRules, ...fileRules } }, cliPreset: null, cliRules: {} });
  const overridden = Object.keys(settingsRules).filter((id) => fileRules[id] !== undefined && fileRules[id] !== settingsRules[id]).sort();
  const name = path.basename(found.file);
  const note = overridden.length > 0 ? `${name} overrides your concurrencyLens.rules for: ${overridden.map((id) => `${id} (${fileRules[id]})`).join(', ')}.` : null;
  let ignored = false;
  if (documentPath && found.config.ignore.length > 0) {
    const relative = path.relative(path.dirname(found.file), documentPath).split(path.sep).join('/');
    ignored = !relative.startsWith('..') && createIgnoreFilter(found.config.ignore)(relative);
  }
  return { rules: resolved.rules, strict: resolved.strict, file: found.file, ignored, note };
}
