/**
 * How many analysis workers a run starts when `--jobs` is not given. Each worker loads the
 * bundle and warms up its own JIT (about 0.15 s of start-up, then slower first files), and in
 * project mode a file waits for its imports, so a second worker pays off only on enough work.
 * Timed on this repository's 2-core machine, whole runs, JSON output: undici's lib (1.1 MB),
 * knex (0.9 MB), mongoose (1.7 MB), moleculer and pm2 (under 1 MB) ran as fast or faster on
 * one worker; NodeBB (3.7 MB) ran 10-20% faster on two; sequelize (1.9 MB) was even.
 */
import * as fs from 'node:fs';
import type { SourceFile } from './walk';

/** One worker per this much source asked for. */
export const BYTES_PER_WORKER = 2 * 1024 * 1024;

/** At least one, at most `limit` (the cores): one per BYTES_PER_WORKER of the files' sizes. */
export function automaticJobs(files: readonly SourceFile[], limit: number): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file.absolute).size;
    } catch {
      // Unreadable: reported when it is read; it costs no analysis.
    }
  }
  return Math.max(1, Math.min(limit, Math.ceil(bytes / BYTES_PER_WORKER)));
}
