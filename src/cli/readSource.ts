/**
 * Reads one source file as text. Bytes that are not valid UTF-8 make the file
 * unreadable (exit 2) rather than being guessed at: a Latin-1 fallback would shift
 * columns and mangle names in the report without anyone noticing.
 */
import * as fs from 'node:fs';
import { DEFAULT_MAX_BYTES } from '../core/report';
import { describeFsError } from './walk';

export type ReadResult =
  | { kind: 'text'; text: string }
  /** Too big to be worth reading: the same reason the core would give, without loading it. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

/**
 * A UTF-8 file of B bytes decodes to at least B/3 UTF-16 units, so past this size the
 * core would skip it anyway; stopping here keeps a stray multi-gigabyte log out of memory.
 */
const READ_LIMIT_BYTES = 3 * DEFAULT_MAX_BYTES;

export function readSource(absolute: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(absolute).size;
    if (size > READ_LIMIT_BYTES) {
      return { kind: 'skipped', reason: `file is ${(size / 1024 / 1024).toFixed(1)} MB, too big to analyse` };
    }
    bytes = fs.readFileSync(absolute);
  } catch (err) {
    return { kind: 'error', reason: describeFsError(err) };
  }
  const text = decode(bytes);
  if (text === null) {
    return { kind: 'error', reason: 'not valid UTF-8 text (save it as UTF-8 to analyse it)' };
  }
  return { kind: 'text', text };
}

/** UTF-8 (a leading BOM is dropped so columns match the editor), or UTF-16 when a BOM says so. */
export function decode(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
