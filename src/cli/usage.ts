/** The --help text. Kept apart from the parser so the wording is easy to review. */
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

Options:
  --format text|json|sarif   output format (default: text)
  --cores N                  core count for the speedup estimate S(N) and the
                             timelines' worker lanes (at most 256 are drawn)
                             (default: this machine's available parallelism)
  --rule ID=SEVERITY         set a rule to off, info, warning or error; repeatable
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
                             one per core); the output is the same for any N
  --time-budget SECONDS|none
                             skip a file that takes longer than this to analyse,
                             saying so, and go on with the others (default: 60;
                             fractions such as 0.5 work; none: no limit)
  -h, --help                 show this help and exit
  -v, --version              print the version and exit

Timelines are predictions from the code's structure, in relative cost units,
not measurements.

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, a path that could not be read (the other files are still
     analysed and printed), or an --html/--trace file that could not be written

A file that does not parse is reported as not analysed, and one skipped (too big,
minified, nested too deeply, over its time budget) as skipped; on their own they
do not change the exit code.

Rules (default severity):
${rules}
`;
}
