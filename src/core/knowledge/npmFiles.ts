/**
 * File utilities from npm: fs-extra, the glob family and chokidar. Each has a
 * sync variant that walks or touches the disk on the calling thread.
 */
import { blocks, callsBack, cheap, constructs, makes, registers, waits, type TableBuilder } from './build';
import { FS_DESCRIPTOR_FUNCTIONS, FS_PATH_FUNCTIONS } from './nodeFiles';

/** fs-extra's own additions; each also has a `Sync` form. */
const FS_EXTRA_ADDITIONS = [
  'copy', 'emptyDir', 'emptydir', 'ensureFile', 'createFile', 'ensureLink', 'createLink', 'ensureSymlink', 'createSymlink', 'ensureDir',
  'mkdirs', 'mkdirp', 'move', 'outputFile', 'outputJson', 'outputJSON', 'readJson', 'readJSON', 'writeJson', 'writeJSON', 'remove',
  'pathExists',
];

export function addFileUtilities(t: TableBuilder): void {
  addFsExtra(t);
  addGlobs(t);
  addChokidar(t);
}

function addFsExtra(t: TableBuilder): void {
  // fs-extra returns a promise when no callback is given, and calls back when one is.
  const disk = waits('disk', { whenCallback: callsBack('disk') });
  const functions = [...FS_PATH_FUNCTIONS, ...Object.keys(FS_DESCRIPTOR_FUNCTIONS), ...FS_EXTRA_ADDITIONS];
  for (const name of functions) {
    t.api(`fs-extra.${name}`, disk);
    t.api(`fs-extra.${name}Sync`, blocks(`fs-extra.${name}`, { wait: 'disk' }));
  }
  t.api('fs-extra.exists', disk);
  t.api('fs-extra.existsSync', blocks('fs-extra.pathExists', { wait: 'disk' }));
  t.api('fs-extra.createReadStream', makes('fs.ReadStream'));
  t.api('fs-extra.createWriteStream', makes('fs.WriteStream'));
  t.api(['fs-extra.watch', 'fs-extra.watchFile'], registers('last', { instance: 'fs.FSWatcher' }));
}

function addGlobs(t: TableBuilder): void {
  const walk = waits('disk');
  const iterates = cheap({ asyncIterable: 'disk' });
  // glob 9+: named functions. Up to glob 8 the module itself was a callback function.
  t.api('glob', callsBack('disk'));
  t.apis('glob', ['glob'], walk);
  t.apis('glob', ['globStream', 'globIterate', 'stream', 'iterate'], iterates);
  t.api(['glob.globSync', 'glob.sync', 'glob.glob.sync'], blocks('glob.glob', { wait: 'disk' }));
  t.api(['glob.globIterateSync', 'glob.iterateSync', 'glob.globStreamSync', 'glob.streamSync'], blocks('glob.globIterate', { wait: 'disk' }));
  t.apis('glob', ['hasMagic', 'escape', 'unescape'], cheap());
  t.api('glob.Glob', constructs('glob.Glob'));
  t.type('glob.Glob', { asyncIterable: 'disk' });
  t.methods('glob.Glob', ['walk'], walk);
  t.methods('glob.Glob', ['walkSync'], blocks('glob.Glob#walk', { wait: 'disk' }));
  t.methods('glob.Glob', ['stream', 'iterate'], iterates);

  t.api(['fast-glob', 'fast-glob.glob', 'fast-glob.async'], walk);
  t.api(['fast-glob.sync', 'fast-glob.globSync'], blocks('fast-glob', { wait: 'disk' }));
  t.api(['fast-glob.stream', 'fast-glob.globStream'], iterates);
  t.apis('fast-glob', ['generateTasks', 'isDynamicPattern', 'escapePath', 'convertPathToPattern'], cheap());

  t.api('tinyglobby.glob', walk);
  t.api('tinyglobby.globSync', blocks('tinyglobby.glob', { wait: 'disk' }));
  t.apis('tinyglobby', ['isDynamicPattern', 'escapePath', 'convertPathToPattern'], cheap());

  t.apis('globby', ['globby', 'isGitIgnored', 'generateGlobTasks', 'isIgnoredByIgnoreFiles'], walk);
  t.api('globby.globbySync', blocks('globby.globby', { wait: 'disk' }));
  t.api('globby.isGitIgnoredSync', blocks('globby.isGitIgnored', { wait: 'disk' }));
  t.api('globby.generateGlobTasksSync', blocks('globby.generateGlobTasks', { wait: 'disk' }));
  t.api('globby.isIgnoredByIgnoreFilesSync', blocks('globby.isIgnoredByIgnoreFiles', { wait: 'disk' }));
  t.api('globby.globbyStream', iterates);
  t.api('globby.isDynamicPattern', cheap());
}

function addChokidar(t: TableBuilder): void {
  // watch() returns the watcher at once; the work is in the handlers registered with on().
  t.api('chokidar.watch', makes('chokidar.FSWatcher'));
  t.api('chokidar.FSWatcher', constructs('chokidar.FSWatcher'));
  t.type('chokidar.FSWatcher', { extends: 'events.EventEmitter' });
  t.methods('chokidar.FSWatcher', ['add', 'unwatch', 'getWatched'], cheap());
  t.methods('chokidar.FSWatcher', ['close'], waits('disk'));
}
