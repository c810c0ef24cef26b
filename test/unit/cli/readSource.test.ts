import * as assert from 'assert';
import * as path from 'node:path';
import { decode, readSource } from '../../../src/cli/readSource';
import { makeTempDir, removeTempDir } from './helpers';

describe('cli reading sources', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir({
      'plain.ts': 'const a = "é";\n',
      'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('const a = 1;\n')]),
      'latin1.ts': Buffer.from('const caf\xe9 = 1;\n', 'latin1'),
      'utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const a = 1;\n', 'utf16le')]),
    });
  });
  after(() => removeTempDir(dir));

  it('reads UTF-8', () => {
    assert.deepStrictEqual(readSource(path.join(dir, 'plain.ts')), { kind: 'text', text: 'const a = "é";\n' });
  });

  it('drops a UTF-8 byte order mark so columns match the editor', () => {
    assert.deepStrictEqual(readSource(path.join(dir, 'bom.ts')), { kind: 'text', text: 'const a = 1;\n' });
  });

  it('refuses bytes that are not UTF-8 instead of guessing', () => {
    const read = readSource(path.join(dir, 'latin1.ts'));
    assert.strictEqual(read.kind, 'error');
    assert.match((read as { reason: string }).reason, /not valid UTF-8/);
  });

  it('reads UTF-16 when a byte order mark says so', () => {
    assert.deepStrictEqual(readSource(path.join(dir, 'utf16.ts')), { kind: 'text', text: 'const a = 1;\n' });
    assert.strictEqual(decode(Uint8Array.from([0xfe, 0xff, 0x00, 0x41])), 'A');
  });

  it('says why a file cannot be read', () => {
    assert.deepStrictEqual(readSource(path.join(dir, 'missing.ts')), { kind: 'error', reason: 'no such file or folder' });
    assert.deepStrictEqual(readSource(dir), { kind: 'error', reason: 'is a folder' });
  });
});
