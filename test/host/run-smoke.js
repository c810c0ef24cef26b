#!/usr/bin/env node
/*
 * Proves the integration-test host end to end (npm run test:host-smoke):
 * runs test/host/smoke-extension through @vscode/test-electron's runTests with
 * code-server-launcher.js as "the VS Code executable", three times:
 *   1. normal run         -> must exit 0 (activation, command, editor + screenshot)
 *   2. CL_SMOKE_FAIL=1    -> one test fails, must exit non-zero
 *   3. no test files      -> suite loader must refuse, must exit non-zero
 * Needs scripts/install-test-host.sh. Compiles just the real suite loader
 * (test/suite/*.ts -> out/test/suite/) itself, so half-edited extension sources
 * elsewhere in the repo cannot break the host check.
 * Screenshots go to $CL_SCREENSHOT_DIR or .tmp/screenshots.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '../..');
const base = {
  vscodeExecutablePath: path.join(__dirname, 'code-server-launcher.js'),
  extensionDevelopmentPath: path.join(__dirname, 'smoke-extension'),
  extensionTestsPath: path.join(root, 'out/test/suite/index'),
  launchArgs: [path.join(root, 'test/integration/workspace'), '--disable-extensions'],
};
const testsDir = path.join(__dirname, 'smoke-extension/test');
const shots = path.resolve(process.env.CL_SCREENSHOT_DIR || path.join(root, '.tmp/screenshots'));

/**
 * Resolves to { code, out }: runTests rejects (TestRunFailedError) on non-zero; `out` is
 * the launcher's output (runTests copies it to our stdout), captured so each case can
 * check it failed for the right reason and not because, say, VS Code never started.
 */
async function run(name, env) {
  const t = Date.now();
  console.log(`\n=== smoke: ${name} ===`);
  let code, out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => { out += chunk; return write(chunk, ...rest); };
  try { code = await runTests({ ...base, extensionTestsEnv: env }); } catch (e) { code = e.code ?? 1; }
  finally { process.stdout.write = write; }
  console.log(`=== smoke: ${name}: exit ${code} in ${((Date.now() - t) / 1000).toFixed(1)}s ===`);
  return { code, out };
}

function compileSuite() {
  const tsc = require.resolve('typescript/bin/tsc');
  const args = ['--module', 'commonjs', '--target', 'ES2022', '--esModuleInterop', '--skipLibCheck', '--strict',
    '--types', 'node,mocha', '--rootDir', root, '--outDir', path.join(root, 'out'),
    path.join(root, 'test/suite/index.ts'), path.join(root, 'test/suite/screenshot.ts')];
  const r = require('child_process').spawnSync(process.execPath, [tsc, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

(async () => {
  compileSuite();
  const pass = await run('pass', { CL_INTEGRATION_TESTS_DIR: testsDir, CL_SCREENSHOT_DIR: shots });
  const fail = await run('fail', { CL_INTEGRATION_TESTS_DIR: testsDir, CL_SMOKE_FAIL: '1' });
  const empty = await run('empty', { CL_INTEGRATION_TESTS_DIR: path.join(testsDir, 'no-such-dir') });
  const results = [
    ['passing suite exits 0 (activation, command, editor)', pass.code === 0 && /^3 passed, 0 failed$/m.test(pass.out)],
    ['screenshot taken', fs.existsSync(path.join(shots, 'smoke-editor.png'))],
    ['failing test exits non-zero', fail.code !== 0 && /^3 passed, 1 failed$/m.test(fail.out)],
    ['zero tests exits non-zero', empty.code !== 0 && /no integration test ran/.test(empty.out)],
  ];
  console.log('');
  for (const [what, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  const failed = results.filter(([, ok]) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  console.log(`screenshot: ${path.join(shots, 'smoke-editor.png')}`);
  process.exit(failed ? 1 : 0);
})();
