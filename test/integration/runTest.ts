/**
 * Runs the integration suite (out/test/suite/index.js -> out/test/integration/**\/*.test.js)
 * inside a real VS Code.
 *
 * - If code-server is installed (scripts/install-test-host.sh) or CL_USE_CODE_SERVER=1,
 *   VS Code is code-server 1.100.3 + Debian Chromium, started by
 *   test/host/code-server-launcher.js, which test-electron treats as the VS Code executable.
 *   (Our machines cannot download VS Code; only npm and apt are reachable.)
 * - Otherwise test-electron downloads desktop VS Code as usual (needs internet + a display).
 *
 * Exits non-zero when VS Code could not start, any test failed, or no test ran
 * (the suite loader rejects on zero tests, which makes the extension host exit 1).
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..'); // out/test/integration -> repo root

export function hostExecutable(): string | undefined {
  const entry = path.join(root, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
  if (process.env.CL_USE_CODE_SERVER === '1' || (process.env.CL_USE_CODE_SERVER !== '0' && fs.existsSync(entry))) {
    return path.join(root, 'test/host/code-server-launcher.js');
  }
  return undefined;
}

async function main(): Promise<void> {
  const vscodeExecutablePath = hostExecutable();
  console.log(`[runTest] VS Code host: ${vscodeExecutablePath ?? 'test-electron download'}`);
  // The extension under test is loaded from package.json "main" (an esbuild bundle), not from out/.
  const main = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string }).main;
  if (main && !fs.existsSync(path.join(root, main))) {
    console.warn(`[runTest] WARNING: ${main} does not exist; run \`npm run build\` first or the extension cannot activate`);
  }
  // `--screenshots` runs the README screenshot script (test/screenshots) instead of the suite.
  const screenshots = process.argv.includes('--screenshots');
  const extensionTestsEnv = screenshots
    ? { CL_INTEGRATION_TESTS_DIR: path.join(root, 'out/test/screenshots'), CL_SCREENSHOT_DIR: path.join(root, 'media/screenshots') }
    : undefined;
  try {
    const code = await runTests({
      extensionTestsEnv,
      vscodeExecutablePath,
      version: vscodeExecutablePath ? undefined : '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/suite/index'),
      // Workspace folder opened in the window; --disable-extensions keeps other installed extensions out.
      launchArgs: [process.env.CL_TEST_WORKSPACE ?? path.join(root, screenshots ? 'examples' : 'test/integration/workspace'), '--disable-extensions'],
    });
    if (code !== 0) throw new Error(`exit code ${code}`);
  } catch (err) {
    console.error(`[runTest] integration tests failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

if (require.main === module) void main();
