import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';

export async function loadUsers(paths: string[]) {
  const users: string[] = [];
  for (const path of paths) {
    users.push(await readFile(path, 'utf8'));
  }
  return users;
}

export async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const page = readFileSync('views/users.html', 'utf8');
  res.end(page + (await readFile('views/footer.html', 'utf8')));
}

export function total(xs: number[]) {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum;
}

// The server hands every request to `handle`: a blocking call there stalls all of them.
http.createServer(handle).listen(8080);
