/**
 * Presets: named starting points for rule severities, as data. A configuration
 * file or `--preset` picks one; the file's `rules` and then `--rule` flags are
 * applied on top (see config.ts, `resolveSettings`).
 *
 * - `recommended` (the default): the table below, certain evidence only; rules that
 *   never held up on real projects are off.
 * - `strict`: every rule on at its default severity, and findings whose evidence is
 *   only likely (a blocking call in async code whose callers are unknown) are
 *   reported too, one level lower (AnalyzeOptions.strict).
 * - `all`: every rule on at its default severity, certain evidence only.
 * - `off`: every rule off, for a file that turns on only the rules it names.
 */
import { RULE_DEFAULTS, RULE_IDS } from './ruleCatalog';
import type { SeveritySetting } from './reportTypes';

export type PresetName = 'recommended' | 'strict' | 'all' | 'off';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'all', 'off'];
export const DEFAULT_PRESET: PresetName = 'recommended';

export interface Preset {
  /** A severity for every rule id. */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** Report likely findings too (one severity level lower). */
  strict: boolean;
}

function defaultSeverities(): Record<string, SeveritySetting> {
  return { ...RULE_DEFAULTS };
}

function everyRule(setting: SeveritySetting): Record<string, SeveritySetting> {
  return Object.fromEntries(RULE_IDS.map((id) => [id, setting]));
}

/**
 * The recommended set, one rule per line, filled from the precision study
 * (bench/realworld: labels.csv, `npm run realworld`, `--preset strict` for the rules
 * this set turns off). A rule none of whose judged findings on real projects held up
 * is off here and stays available in `all` and `strict`:
 *   event-loop-hog 0 of 137 judged, async-cpu-bound 0 of 9, promise-all-cpu 0 of 6,
 *   worker-oversubscription 0 of 3 (every label, every build of the study).
 * So is unbounded-fanout, whose certain findings held up 0 of 2 times in this preset
 * (6 of 80 under strict).
 * A rule whose findings held up less than 90% of the time in this preset is reported at
 * info here, not as a warning: floating-promise (14 of 17) on the 34 projects.
 * A rule that measured under 75% here, where an info finding must hold up, is off:
 * await-in-loop (13 of 37), sequential-awaits (2 of 6) and sync-promise-executor (2 of 4).
 * Their earlier figures (13 of 16, 1 of 1, 1 of 1) were taken on the projects they had
 * been fitted to; the fifth batch of five projects, judged before any change, gave 0 of
 * 21, 1 of 5 and 1 of 3. The rest keep their default severity; what they measure is in
 * the README.
 */
const RECOMMENDED_RULES: Record<string, SeveritySetting> = {
  'async-cpu-bound': 'off',
  'async-foreach': 'error',
  'async-without-await': 'info',
  'await-in-loop': 'off',
  'blocking-call': 'error',
  'event-loop-hog': 'off',
  'floating-promise': 'info',
  'promise-all-cpu': 'off',
  'sequential-awaits': 'off',
  'sync-promise-executor': 'off',
  'unbounded-fanout': 'off',
  'worker-oversubscription': 'off',
};

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  recommended: { rules: RECOMMENDED_RULES, strict: false },
  strict: { rules: defaultSeverities(), strict: true },
  all: { rules: defaultSeverities(), strict: false },
  off: { rules: everyRule('off'), strict: false },
};

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}
