import * as assert from 'assert';
import { wantsColor } from '../../../src/cli/color';

describe('cli colour decision', () => {
  const cases: [string, boolean, Record<string, string>, boolean][] = [
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, false],
    ['empty NO_COLOR is ignored', true, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', false, { FORCE_COLOR: '1' }, true],
    ['empty FORCE_COLOR forces too', false, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', true, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR beats NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['TERM=dumb', true, { TERM: 'dumb' }, false],
  ];
  for (const [name, isTTY, env, expected] of cases) {
    it(name, () => assert.strictEqual(wantsColor({ isTTY, env }), expected));
  }
});
