/**
 * await-in-loop, continued: order the author states (a comment, an `ordered`
 * branch) and loading code (issue 9, beliefs 1 and 7). Kept apart from the main
 * table to keep each file readable.
 */
import { runRuleTests } from '../ruleTester';

runRuleTests('await-in-loop', {
  valid: [
    {
      name: 'a comment above the loop says the waits run in series on purpose',
      code: `import { readFile } from 'node:fs/promises';
export async function populate(paths: string[]) {
  // Populate in series: one transaction cannot run operations in parallel.
  for (const path of paths) {
    await readFile(path);
  }
}`,
    },
    {
      name: 'the ordered branch of an if that offers Promise.all otherwise',
      code: `import { readFile } from 'node:fs/promises';
export async function populate(paths: { name: string; ordered?: boolean }[]) {
  if (paths.some((p) => p.ordered)) {
    for (const path of paths) await readFile(path.name);
  } else {
    await Promise.all(paths.map((path) => readFile(path.name)));
  }
}`,
    },
    {
      name: 'a helper that loads code with import(): plugins and migrations load one after another',
      code: `export async function loadCode(path: string) {
  const mod = await import(path);
  return mod.default as object;
}
export async function loadAll(paths: string[]) {
  const loaded: object[] = [];
  for (const path of paths) {
    loaded.push(await loadCode(path));
  }
  return loaded;
}`,
    },
    {
      name: 'an async helper that requires code by a computed name, awaited per module: ordered loading',
      code: `import { readdir } from 'node:fs/promises';
export async function resolveEntry(path: string) {
  const files = await readdir(path);
  return { files, exports: require(path) as object };
}
export async function loadAll(paths: string[]) {
  const loaded: object[] = [];
  for (const path of paths) loaded.push(await resolveEntry(path));
  return loaded;
}`,
    },
  ],
  invalid: [
    {
      name: 'a comment that says nothing about order leaves the finding',
      code: `import { readFile } from 'node:fs/promises';
export async function show(paths: string[]) {
  // Read every file and print its size.
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    console.log(path, text.length);
  }
}`,
      errors: [{ line: 5, column: 18, endLine: 5, endColumn: 46 }],
    },
    {
      name: 'an if whose condition is not about order',
      code: `import { readFile } from 'node:fs/promises';
export async function show(paths: string[], enabled: boolean) {
  if (enabled) {
    for (const path of paths) console.log(path, (await readFile(path, 'utf8')).length);
  }
}`,
      errors: [{ line: 4, column: 50, endLine: 4, endColumn: 78 }],
    },
  ],
});
