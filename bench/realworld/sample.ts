/**
 * Seeded sampling for judging. The order is a seeded shuffle of ALL items of a rule
 * (judged or not), sorted first so that it does not depend on the order files were
 * read; `--sample N` shows the first N of that order that have no label yet. So the
 * judged set for a seed is always a prefix of one fixed random order, however many
 * rounds of judging it took, and anyone can check that nothing was picked by hand.
 */

/** mulberry32: a tiny, well-known 32-bit generator; plenty for shuffling a few thousand items. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates over a copy, driven by the seeded generator. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Sampled<T> {
  item: T;
  /** 1-based position in the seeded order of its group: the judged set is the prefix. */
  rank: number;
}

/**
 * The first `n` unjudged items of the seeded order. `key` sorts the items before
 * shuffling (and decides which are judged), so the result is the same on every machine.
 */
export function sampleUnjudged<T>(items: readonly T[], key: (item: T) => string, judged: (item: T) => boolean, n: number, seed: number): Sampled<T>[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const order = seededShuffle(sorted, seed);
  const out: Sampled<T>[] = [];
  for (let i = 0; i < order.length && out.length < n; i++) {
    if (!judged(order[i])) out.push({ item: order[i], rank: i + 1 });
  }
  return out;
}

/** Lines `line - before` .. `line + after` of a text, numbered, the given line marked with `>`. */
export function sourceContext(text: string, line: number, before = 3, after = 5): string {
  const lines = text.split('\n');
  const first = Math.max(1, line - before);
  const last = Math.min(lines.length, line + after);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
  return out.join('\n');
}
