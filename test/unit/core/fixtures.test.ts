/**
 * Fixture files with their expected report next to them (<name>.expected.json, the
 * CLI's JSON contract). A change in analysis shows up as a diff to review; after
 * reviewing it, regenerate with UPDATE_FIXTURES=1.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatJson } from '../../../src/cli/formatJson';
import { analyze } from '../../../src/core/report';

const dir = path.resolve(__dirname, '../../../../test/fixtures/reports');
const sources = fs.readdirSync(dir).filter((name) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(name)).sort();

describe('fixture reports', () => {
  it('has fixtures to check', () => {
    assert.ok(sources.length >= 4, `only ${sources.length} fixtures in ${dir}`);
  });

  for (const name of sources) {
    it(`${name} matches ${name}.expected.json`, () => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const actual = formatJson([{ path: name, text, report: analyze(text, { fileName: name }) }]);
      const expectedPath = path.join(dir, `${name}.expected.json`);
      if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedPath, actual);
      assert.strictEqual(actual, fs.readFileSync(expectedPath, 'utf8'));
    });
  }
});
