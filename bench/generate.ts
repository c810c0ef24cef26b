/**
 * Deterministic generator of realistic TypeScript source of an exact line count.
 * A seeded PRNG (not Math.random) so the same size always yields the same text:
 * numbers from two runs, or two machines, are then about the same input.
 */
import { FILE_HEADER, TEMPLATES, type Ctx, type Rng } from './templates';

/** mulberry32: tiny, fast, good enough to vary code shapes; fully determined by the seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** One fixed seed for every size, so a smaller input is (nearly) a prefix of a bigger one: same mix. */
export const DEFAULT_SEED = 0xc0ffee;

const AREAS = ['api', 'jobs', 'storage', 'billing', 'media', 'auth', 'metrics', 'sync'];

/**
 * Returns source text with exactly `lines` lines (for lines >= the header size).
 * Sections ("modules": a header comment, their own namespace imports, 2 to 4
 * templates) are appended while they fit; the remainder is padded with comment
 * lines, because cutting a section would not parse.
 */
export function generateSource(lines: number, seed = DEFAULT_SEED): string {
  const r = makeRng(seed);
  const out: string[] = [...FILE_HEADER];
  const ctx: Ctx = { r, id: 0, cpuHelpers: [], asyncHelpers: [] };
  for (let id = 1; ; id++) {
    const imports = new Set<string>();
    const body: string[] = [];
    const count = r.int(2, 4);
    for (let i = 0; i < count; i++) {
      // Unique per template use, not per section: a section may pick the same template twice.
      ctx.id++;
      const p = r.pick(TEMPLATES)(ctx);
      p.imports.forEach((s) => imports.add(s));
      body.push(...p.body);
    }
    const section = [
      `// ---- module src/${r.pick(AREAS)}/part${id}.ts ----`,
      ...imports,
      ...(imports.size > 0 ? [''] : []),
      ...body,
    ];
    // The section that does not fit is dropped whole (and generation stops, so the
    // helpers it registered are never called).
    if (out.length + section.length > lines) break;
    out.push(...section);
  }
  while (out.length < lines) out.push(out.length % 7 === 0 ? '' : `// padding line ${out.length + 1}`);
  return out.slice(0, Math.max(lines, 0)).join('\n') + '\n';
}

/** Line count as the table reports it (the trailing newline does not start a line). */
export function countLines(text: string): number {
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}
