/**
 * Saturating arithmetic for relative costs. A loop multiplies its body's cost by its trip
 * count and a call folds in its callee's, so 170 nested loops (or a chain of 170 helpers
 * that each loop) would overflow to Infinity, and Infinity / Infinity is NaN: a JSON total
 * of null and "main idle NaN%". Sums and products stop at MAX_COST instead, so every cost
 * stays finite, and more work never costs less than less work.
 */

/** Far above any drawable schedule, and small enough that adding one unit to it is exact. */
export const MAX_COST = 1e12;

export function addCost(a: number, b: number): number {
  return Math.min(MAX_COST, a + b);
}

export function mulCost(a: number, b: number): number {
  return Math.min(MAX_COST, a * b);
}
