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
  const decoded = decodeSource(bytes);
  return 'reason' in decoded ? { kind: 'error', reason: decoded.reason } : { kind: 'text', text: decoded.text };
}

/** UTF-8 (a leading BOM is dropped so columns match the editor), or UTF-16 when a BOM says so; null when the bytes are not valid text. */
export function decode(bytes: Uint8Array): string | null {
  const decoded = decodeSource(bytes);
  return 'text' in decoded ? decoded.text : null;
}

/** The text, or what is wrong with the bytes, named by the encoding they claim. */
export function decodeSource(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'little');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'big');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: `not valid UTF-8 text (first bad byte at offset ${firstBadUtf8Byte(bytes)}; save it as UTF-8 to analyse it)` };
  }
}

function decodeUtf16(bytes: Uint8Array, endian: 'little' | 'big'): { text: string } | { reason: string } {
  const name = `UTF-16 (${endian}-endian, by its byte order mark)`;
  if (bytes.length % 2 !== 0) return { reason: `${name} with an odd number of bytes: the last one is half a character (save it as UTF-8 to analyse it)` };
  const unit = (at: number) => (endian === 'little' ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1]);
  for (let at = 2; at < bytes.length; at += 2) {
    const code = unit(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 2 < bytes.length && (unit(at + 2) & 0xfc00) === 0xdc00) at += 2;
    else if (code >= 0xd800 && code <= 0xdfff) {
      return { reason: `${name} with a lone surrogate (0x${code.toString(16)}) at byte ${at}: half of a character is missing (save it as UTF-8 to analyse it)` };
    }
  }
  return { text: new TextDecoder(endian === 'little' ? 'utf-16le' : 'utf-16be').decode(bytes) };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  for (let at = 0; at < bytes.length; ) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return bytes.length;
}

/** Length of the valid UTF-8 sequence at `at` (1 to 4), or 0 when there is none. */
export function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  if (lead < 0x80) return 1;
  const [length, min] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80] : lead >= 0xe0 && lead <= 0xef ? [3, 0x800] : lead >= 0xf0 && lead <= 0xf4 ? [4, 0x10000] : [0, 0];
  if (length === 0 || at + length > bytes.length) return 0;
  let code = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    if ((bytes[at + k] & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (bytes[at + k] & 0x3f);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
  return code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? 0 : length;
}
