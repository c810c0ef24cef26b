/**
 * Mocha entry for integration tests, loaded by VS Code's extension host via
 * --extensionTestsPath=out/test/suite/index. VS Code calls run() and exits the
 * extension host with 0 if it resolves, 1 if it rejects (that code is what the
 * launcher / test-electron report).
 *
 * Runs every out/test/integration/**\/*.test.js (override the folder with env
 * CL_INTEGRATION_TESTS_DIR, used by the host smoke test). CL_TEST_GREP keeps
 * only the test files whose path contains it (`CL_TEST_GREP=projectIndex npm run
 * test:integration` runs one file). Rejects when any test failed or when no test
 * ran, so an empty/mis-globbed suite (or a filter that matches nothing) cannot pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { resetRules } from '../integration/helpers';

export async function run(): Promise<void> {
  const root = process.env.CL_INTEGRATION_TESTS_DIR ?? path.resolve(__dirname, '../integration');
  let files = fs.existsSync(root)
    ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.test.js')).sort()
    : [];
  const grep = process.env.CL_TEST_GREP;
  if (grep) files = files.filter((f) => f.includes(grep));
  // Colours off: output is forwarded as plain text through the browser console.
  // The rules the fixtures exercise are turned on before the first test (helpers.ts, SUITE_RULES).
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, rootHooks: { beforeAll: resetRules } });
  for (const f of files) mocha.addFile(path.join(root, f));
  console.log(`[suite] ${files.length} test file(s) under ${root}${grep ? ` matching CL_TEST_GREP=${grep}` : ''}`);

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
    } catch (e) {
      reject(e);
    }
  });
  // Plain closing line that CI tooling recognises.
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed === 0) throw new Error('no integration test ran');
}
