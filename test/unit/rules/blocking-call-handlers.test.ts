/**
 * blocking-call, continued: which registrations make a callback a handler of
 * outside work (issue 9, belief 2). A program's own emitter firing its own
 * events is not a server; a socket, a port or a request event is.
 */
import { runRuleTests } from '../ruleTester';

runRuleTests('blocking-call', {
  valid: [
    {
      name: "a reporter listening to the program's own state-change events: nobody else waits on this thread",
      code: `import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
export function attach(status: EventEmitter) {
  status.on('stateChange', (event: { file: string }) => {
    const source = readFileSync(event.file, 'utf8');
    console.log(source.split('\\n')[0]);
  });
}`,
    },
    {
      name: 'a file watcher callback in a dev tool',
      code: `import { existsSync } from 'node:fs';
export function watch(watcher: { on(event: string, cb: (file: string) => void): void }) {
  watcher.on('change', (file) => {
    if (existsSync(file)) console.log('changed', file);
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'a socket handler of a custom event serves every connected client',
      code: `import { readFileSync } from 'node:fs';
export function register(socket: { on(event: string, cb: (room: string) => void): void; emit(event: string, data: string): void }) {
  socket.on('join', (room) => {
    socket.emit('history', readFileSync('/var/rooms/' + room, 'utf8'));
  });
}`,
      errors: [{ line: 4, column: 28, endLine: 4, endColumn: 70 }],
    },
    {
      name: "any emitter's request event",
      code: `import { readFileSync } from 'node:fs';
export function serve(hub: { on(event: string, cb: (path: string) => void): void }) {
  hub.on('request', (path) => {
    console.log(readFileSync(path, 'utf8').length);
  });
}`,
      errors: [{ line: 4, column: 17, endLine: 4, endColumn: 43 }],
    },
  ],
});
