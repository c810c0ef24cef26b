/**
 * Issue 11, item 9: a property-based fuzz test (fast-check) over mutations of the examples
 * and fixtures. A few hundred cases with a fixed seed run with every `npm test`; `npm run
 * fuzz` runs tens of thousands (runFuzz.ts).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { REPO_ROOT } from '../cli/helpers';
import { fuzzProperty } from './runFuzz';
import { loadSeeds } from './inputs';

describe('fuzz: mutated examples and fixtures', function () {
  this.timeout(600_000);

  it('loads every example and fixture as a seed', () => {
    const files = loadSeeds(REPO_ROOT).map((seed) => seed.file);
    assert.ok(files.includes('examples/crawler.ts') && files.includes('test/fixtures/reports/widget.tsx'), files.join(' '));
  });

  it('every property holds for 300 inputs (seed 20261201)', () => {
    fc.assert(fuzzProperty(loadSeeds(REPO_ROOT)), { seed: 20261201, numRuns: 300 });
  });
});
