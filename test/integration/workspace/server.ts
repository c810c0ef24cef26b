// Opened by integration tests: handlers and callbacks with no name of their own.
import http from 'node:http';

declare const app: { post(path: string, handler: (req: unknown, res: { end(): void }) => Promise<void>): void };
declare const db: { insert(row: unknown): Promise<void>; ping(): Promise<void> };

app.post('/signup', async (req, res) => {
  await db.insert(req);
  res.end();
});

http.createServer(async (req, res) => {
  await db.ping();
  res.end('ok');
}).listen(8080);

export async function warm(urls: string[]) {
  return Promise.all(urls.map(async (url) => fetch(url)));
}

setInterval(() => void db.ping(), 60_000);
