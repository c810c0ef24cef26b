/**
 * Screenshot of the real workbench from inside an integration test.
 * Works only under test/host/code-server-launcher.js with CL_SCREENSHOT_DIR set:
 * the launcher then puts CL_SCREENSHOT_URL into the extension host's env and
 * answers GET ?name=x by saving $CL_SCREENSHOT_DIR/x.png (Playwright page.screenshot).
 * Resolves to the saved path, or undefined when not available (e.g. desktop VS Code).
 */
export async function takeScreenshot(name: string): Promise<string | undefined> {
  const url = process.env.CL_SCREENSHOT_URL;
  if (!url) return undefined;
  const res = await fetch(`${url}?name=${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`screenshot failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { path: string }).path;
}
