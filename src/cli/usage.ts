/** The --help text. Kept apart from the parser so the wording is easy to review. */
import { CONFIG_FILE_NAME } from '../core/config';
import { allRules } from '../core/rules/index';
import { TOOL_NAME } from './version';

export function usageText(): string {
  const rules = allRules.map((rule) => `  ${rule.meta.id.padEnd(27)}${rule.meta.defaultSeverity}`).join('\n');
  return `Usage: ${TOOL_NAME} [options] <files or folders>...

Finds the concurrency structure of TypeScript and JavaScript files: places every
function in a quadrant (sequential, concurrent, parallel, concurrent-parallel),
estimates its parallel fraction, and flags common concurrency misconceptions.
Folders are searched for .ts .tsx .mts .cts .js .jsx .mjs .cjs files, skipping
node_modules and folders whose name starts with a dot.

Project mode (the default): the files the given ones import are read too, even
when not named (relative paths, tsconfig/jsconfig paths, package.json imports and
workspace packages, resolved from the nearest tsconfig/jsconfig/package.json), and
every file is analysed after the files it imports, so a call to a helper in
another file is judged by what the helper does. Only the files given are reported.

Options:
  --format text|json|sarif   output format (default: text)
  --cores N                  core count for the speedup estimate S(N) and the
                             timelines' worker lanes (at most 256 are drawn)
                             (default: this machine's available parallelism)
  --rule ID=SEVERITY         set a rule to off, info, warning or error; repeatable;
                             applied over the preset and the configuration file
  --preset NAME              recommended (default), strict (every rule, and
                             likely findings too, one level lower), all (every
                             rule at its default severity) or off (no rule);
                             replaces the configuration file's preset
  --config FILE              the configuration file to use (a package.json is
                             read for its "concurrencyLens" key); default: the
                             nearest ${CONFIG_FILE_NAME} or package.json
                             with a "concurrencyLens" key above each path
  --no-project               analyse each file alone, without reading what it
                             imports
  --fail-on info|warning|error|none
                             exit 1 when a finding at or above this severity
                             exists (default: error); none never exits 1 for
                             findings
  --timeline                 add each function's predicted timeline: ASCII
                             charts in text, a "timeline" key in json (not
                             with sarif). Text charts named functions, plus
                             the module and top-level callbacks when they
                             wait, block or use workers
  --html FILE                write a standalone timeline page (no network
                             needed); with several files, one page each, named
                             FILE-<path>.html
  --trace FILE               write Chrome trace-event JSON of every function's
                             timeline, for ui.perfetto.dev or chrome://tracing
  -j, --jobs N               analyse N files at once on worker threads (default:
                             one per 2 MB of source, at most one per core); the
                             output is the same for any N
                             (in project mode a file waits for its imports)
  --time-budget SECONDS|none
                             skip a file that takes longer than this to analyse,
                             saying so, and go on with the others (default: 60;
                             fractions such as 0.5 work; none: no limit; files
                             that import each other get one budget each, shared)
  -h, --help                 show this help and exit
  -v, --version              print the version and exit

Configuration file (${CONFIG_FILE_NAME}, or "concurrencyLens" in
package.json), the same one the editor extension reads:
  { "preset": "recommended", "rules": { "await-in-loop": "error" },
    "ignore": ["generated/**", "*.min.js"] }
"ignore" takes gitignore patterns relative to the file's folder; ignored files are
not reported, but are still read when a reported file imports them. An invalid
file stops the run with a message naming the key (exit 2).

Timelines are predictions from the code's structure, in relative cost units,
not measurements.

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, an invalid configuration file, a path that could not be read (the other files are still
     analysed and printed), or an --html/--trace file that could not be written

A file that does not parse is reported as not analysed, and one skipped (too big,
minified, nested too deeply, over its time budget) as skipped; on their own they
do not change the exit code.

Rules (default severity):
${rules}
`;
}
