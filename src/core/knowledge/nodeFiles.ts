/**
 * Node built-ins that touch files and streams: fs (callback, sync and promise
 * forms), streams, events and zlib.
 */
import { KNOWLEDGE_COST as COST } from './behaviour';
import { blocks, callsBack, cheap, constructs, makes, offThreadCallback, registers, waits, type TableBuilder } from './build';

/** Path-based fs functions that exist in all three forms: `fs.x(cb)`, `fs.xSync`, `fs/promises.x`. */
export const FS_PATH_FUNCTIONS = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp',
  'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink',
  'truncate', 'unlink', 'utimes', 'writeFile',
];

/** Descriptor-based fs functions: `fs.x(fd, cb)` and `fs.xSync(fd)`; the promise API has FileHandle methods instead. */
export const FS_DESCRIPTOR_FUNCTIONS: Record<string, string> = {
  close: 'close', fchmod: 'chmod', fchown: 'chown', fdatasync: 'datasync', fstat: 'stat', fsync: 'sync',
  ftruncate: 'truncate', futimes: 'utimes', read: 'read', readv: 'readv', write: 'write', writev: 'writev',
};

const FILE_HANDLE_METHODS = [
  'appendFile', 'chmod', 'chown', 'close', 'datasync', 'read', 'readFile', 'readv', 'stat', 'sync', 'truncate', 'utimes', 'write', 'writeFile', 'writev',
];

const ZLIB_METHODS = ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress'];
const ZLIB_STREAMS = ['createGzip', 'createGunzip', 'createDeflate', 'createInflate', 'createDeflateRaw', 'createInflateRaw', 'createUnzip', 'createBrotliCompress', 'createBrotliDecompress'];

/** Path-based fs functions that only read metadata the OS keeps cached: quick waits (COST.quickWait). */
const FS_METADATA_FUNCTIONS = new Set(['access', 'lstat', 'readlink', 'realpath', 'stat']);

export function addNodeFiles(t: TableBuilder): void {
  const disk = waits('disk');
  const diskCallback = callsBack('disk');
  for (const name of FS_PATH_FUNCTIONS) {
    const quick = FS_METADATA_FUNCTIONS.has(name);
    t.api(`fs.${name}`, quick ? callsBack('disk', { cost: COST.quickWait }) : diskCallback);
    t.api(`fs.${name}Sync`, blocks(`fs/promises.${name}`, { wait: 'disk' }));
    if (name !== 'open' && name !== 'opendir') t.api(`fs/promises.${name}`, quick ? waits('disk', { cost: COST.quickWait }) : disk);
  }
  for (const [name, handleMethod] of Object.entries(FS_DESCRIPTOR_FUNCTIONS)) {
    t.api(`fs.${name}`, diskCallback);
    t.api(`fs.${name}Sync`, blocks(`fs/promises.FileHandle#${handleMethod}`, { wait: 'disk' }));
  }
  // `exists` calls back with a boolean, not an error, and is deprecated; existsSync is the common one.
  t.api('fs.exists', diskCallback);
  t.api('fs.existsSync', blocks('fs/promises.access', { wait: 'disk' }));
  t.api('fs.glob', diskCallback);
  t.api('fs.globSync', blocks('fs/promises.glob', { wait: 'disk' }));
  t.api('fs/promises.glob', cheap({ asyncIterable: 'disk' }));
  t.api('fs/promises.watch', cheap({ asyncIterable: 'disk' }));
  t.api('fs/promises.open', waits('disk', { instance: 'fs/promises.FileHandle' }));
  t.api('fs/promises.opendir', waits('disk', { instance: 'fs.Dir' }));
  // Creating a stream or a watcher returns at once; the reads and events come later.
  t.api('fs.createReadStream', makes('fs.ReadStream'));
  t.api('fs.createWriteStream', makes('fs.WriteStream'));
  t.api(['fs.watch', 'fs.watchFile'], registers('last', { instance: 'fs.FSWatcher' }));
  t.api('fs.unwatchFile', cheap());

  t.type('fs/promises.FileHandle', { ordered: true });
  t.methods('fs/promises.FileHandle', FILE_HANDLE_METHODS, waits('disk', { ordered: true }));
  t.methods('fs/promises.FileHandle', ['createReadStream'], makes('fs.ReadStream'));
  t.methods('fs/promises.FileHandle', ['createWriteStream'], makes('fs.WriteStream'));
  t.methods('fs/promises.FileHandle', ['readLines'], makes('readline.Interface'));
  t.type('fs.Dir', { asyncIterable: 'disk', ordered: true });
  t.methods('fs.Dir', ['read', 'close'], waits('disk', { ordered: true, whenCallback: callsBack('disk', { ordered: true }) }));
  t.methods('fs.Dir', ['readSync'], blocks('fs.Dir#read', { wait: 'disk' }));
  t.methods('fs.Dir', ['closeSync'], blocks('fs.Dir#close', { wait: 'disk' }));
  t.type('fs.ReadStream', { extends: 'stream.Readable', asyncIterable: 'disk', ordered: true });
  t.type('fs.WriteStream', { extends: 'stream.Writable', ordered: true });
  t.type('fs.FSWatcher', { extends: 'events.EventEmitter' });
  t.methods('fs.FSWatcher', ['close', 'ref', 'unref'], cheap());

  addStreamsAndEvents(t);
  addZlib(t);
}

function addStreamsAndEvents(t: TableBuilder): void {
  t.api(['events', 'events.EventEmitter'], constructs('events.EventEmitter'));
  t.type('events.EventEmitter', {});
  t.methods('events.EventEmitter', ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'], registers(1));
  // emit runs the listeners synchronously, right now; what they cost is theirs.
  t.methods('events.EventEmitter', ['off', 'removeListener', 'removeAllListeners', 'emit', 'setMaxListeners', 'listenerCount', 'listeners', 'eventNames'], cheap());
  t.api('events.once', waits('event'));
  t.api('events.on', cheap({ asyncIterable: 'event' }));

  t.api('stream.pipeline', callsBack('stream'));
  t.api('stream.finished', callsBack('stream'));
  t.api(['stream/promises.pipeline', 'stream/promises.finished'], waits('stream'));
  for (const kind of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough']) t.api(`stream.${kind}`, constructs(`stream.${kind}`));
  t.api(['stream.Readable.from'], makes('stream.Readable'));
  t.api(['stream.compose'], makes('stream.Duplex'));
  // One stream is one ordered sequence of chunks: writes to it must not be reordered.
  t.type('stream.Readable', { extends: 'events.EventEmitter', asyncIterable: 'stream', ordered: true });
  t.type('stream.Writable', { extends: 'events.EventEmitter', ordered: true });
  t.type('stream.Duplex', { extends: 'stream.Readable', ordered: true });
  t.type('stream.Transform', { extends: 'stream.Duplex', ordered: true });
  t.type('stream.PassThrough', { extends: 'stream.Transform', ordered: true });
  t.methods('stream.Readable', ['read', 'pause', 'resume', 'pipe', 'unpipe', 'destroy', 'setEncoding', 'unshift', 'push', 'isPaused'], cheap({ ordered: true }));
  t.methods('stream.Readable', ['toArray', 'forEach', 'reduce', 'some', 'every', 'find'], waits('stream', { ordered: true }));
  t.methods('stream.Readable', ['map', 'filter', 'flatMap', 'take', 'drop'], makes('stream.Readable'));
  // write and end queue the chunk and return at once; the optional callback fires once it is flushed.
  t.methods('stream.Writable', ['write', 'end', 'cork', 'uncork', 'destroy', 'setDefaultEncoding'], cheap({ ordered: true }));
  t.methods('stream.Duplex', ['write', 'end', 'cork', 'uncork'], cheap({ ordered: true }));
}

function addZlib(t: TableBuilder): void {
  for (const method of ZLIB_METHODS) {
    // The callback form runs on libuv's thread pool; the sync form compresses on the calling thread.
    t.api(`zlib.${method}`, offThreadCallback());
    t.api(`zlib.${method}Sync`, blocks(`zlib.${method}`, { cost: COST.heavy }));
  }
  for (const factory of ZLIB_STREAMS) t.api(`zlib.${factory}`, makes('stream.Transform'));
}
