// Bundles every entry point with esbuild. `node esbuild.js [--watch] [--production]`.
// Bundles (not tsc output) are what ship: the CLI and bench as single files, the
// extension host bundle and the webview bundle added by their issues.
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Node bundles (CommonJS). `vscode` is provided by the host at run time. */
const nodeEntries = [
  // dist/cli.js is a small launcher that loads the CLI bundle, cliMain.js, with V8's code cache.
  { in: 'src/cli/launch.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/cli/main.ts', out: 'cliMain' },
  { in: 'bench/bench.ts', out: 'bench' },
  { in: 'bench/realworld/realworld.ts', out: 'realworld' },
  { in: 'src/extension/extension.ts', out: 'extension' },
  // The analysis worker thread: the parser and the core, loaded only when the first file is analysed.
  { in: 'src/extension/analysisWorker.ts', out: 'analysisWorker' },
].filter((entry) => fs.existsSync(entry.in));

/** Browser bundles (one IIFE each, loaded by a <script nonce> tag; no imports at run time). */
const browserEntries = [
  // The timeline page: the webview panel, the sidebar view and the CLI's --html page.
  { in: 'src/webview/main.ts', out: 'webview' },
].filter((entry) => fs.existsSync(entry.in));

async function main() {
  const contexts = [];
  for (const entry of browserEntries) {
    contexts.push(
      await esbuild.context({
        entryPoints: { [entry.out]: entry.in },
        bundle: true,
        platform: 'browser',
        target: 'es2020',
        format: 'iife',
        outdir: 'dist',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'warning',
      }),
    );
  }
  for (const entry of nodeEntries) {
    contexts.push(
      await esbuild.context({
        entryPoints: { [entry.out]: entry.in },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        outdir: 'dist',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        external: ['vscode'],
        banner: entry.banner ? { js: entry.banner } : undefined,
        logLevel: 'warning',
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  for (const ctx of contexts) {
    await ctx.rebuild();
    await ctx.dispose();
  }
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
