/**
 * Issue 11, item 8: an unreadable folder named twice was reported twice; a file whose name
 * is not valid UTF-8 was reported as "no such file"; a UTF-16 file with a lone surrogate was
 * called "not valid UTF-8".
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource, readSource } from '../../../src/cli/readSource';
import { collectFiles } from '../../../src/cli/walk';
import { makeTempDir, removeTempDir } from '../cli/helpers';

describe('bad input: paths and encodings', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir({ 'ok/a.ts': 'export const a = 1;\n' });
  });
  afterEach(() => {
    for (const folder of ['locked']) if (fs.existsSync(path.join(dir, folder))) fs.chmodSync(path.join(dir, folder), 0o755);
    removeTempDir(dir);
  });

  it('an unreadable folder named twice (or by two spellings) is reported once', function () {
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked', 'b.ts'), '');
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    // root reads any folder: nothing to report then.
    if (process.getuid?.() === 0) {
      assert.deepStrictEqual(collectFiles(['locked', './locked', 'locked/'], dir).problems, []);
      return;
    }
    const { problems } = collectFiles(['locked', './locked', 'locked/', 'ok'], dir);
    assert.deepStrictEqual(problems, [{ path: 'locked', reason: 'permission denied' }]);
  });

  it('a missing path named twice is reported once', () => {
    assert.deepStrictEqual(collectFiles(['gone.ts', './gone.ts', 'ok'], dir).problems, [{ path: 'gone.ts', reason: 'no such file or folder' }]);
  });

  it('a source file whose name is not valid UTF-8 is reported as such, with its bytes shown', () => {
    const folder = Buffer.from(path.join(dir, 'ok'));
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.ts')]);
    fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), name]), 'export const b = 2;\n');
    const { files, problems } = collectFiles(['ok'], dir);
    assert.deepStrictEqual(files.map((f) => f.path), ['ok/a.ts']);
    assert.deepStrictEqual(problems, [{ path: 'ok/caf\\xe9.ts', reason: 'its name is not valid UTF-8, so it cannot be opened by name here (rename it to analyse it)' }]);
  });

  it('a UTF-16 file with a lone surrogate is called that, not "not valid UTF-8"', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const a = "', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('";\n', 'utf16le')]);
    fs.writeFileSync(path.join(dir, 'lone.ts'), utf16le);
    assert.deepStrictEqual(readSource(path.join(dir, 'lone.ts')), {
      kind: 'error',
      reason: 'UTF-16 (little-endian, by its byte order mark) with a lone surrogate (0xd800) at byte 24: half of a character is missing (save it as UTF-8 to analyse it)',
    });
    const bigEndian = Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0xdc, 0x00]);
    assert.match((decodeSource(bigEndian) as { reason: string }).reason, /^UTF-16 \(big-endian, by its byte order mark\) with a lone surrogate \(0xdc00\) at byte 4/);
    assert.match((decodeSource(Uint8Array.from([0xff, 0xfe, 0x41])) as { reason: string }).reason, /odd number of bytes/);
    // A proper pair is fine.
    assert.deepStrictEqual(decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('"😀"', 'utf16le')])), { text: '"😀"' });
  });

  it('invalid UTF-8 says where the first bad byte is', () => {
    assert.deepStrictEqual(decodeSource(Buffer.from('const caf\xe9 = 1;\n', 'latin1')), {
      reason: 'not valid UTF-8 text (first bad byte at offset 9; save it as UTF-8 to analyse it)',
    });
  });
});
