// An HTTP API with the classic event-loop mistakes: sync I/O and hashing in a
// request handler, awaits in a row that could overlap, and a heavy loop that
// starves every other request.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import crypto from 'node:crypto';

interface User { id: string; name: string; passwordHash: string }
declare const db: {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  findOne<T>(table: string, id: string): Promise<T>;
};

// Reading config once at start-up is fine: nothing else is running yet.
const config = JSON.parse(readFileSync('./config.json', 'utf8'));

async function loadProfile(userId: string) {
  const user = await db.findOne<User>('users', userId);
  const orders = await db.query('SELECT * FROM orders WHERE user_id = $1', [userId]);
  const settings = await readFile(`./settings/${userId}.json`, 'utf8');
  return { user, orders, settings: JSON.parse(settings) };
}

function checkPassword(user: User, password: string): boolean {
  // Sync key derivation: ~100 ms of CPU on the one thread that serves everyone.
  const hash = crypto.pbkdf2Sync(password, config.salt, 100_000, 64, 'sha512').toString('hex');
  return hash === user.passwordHash;
}

async function buildReport(rows: number[][]) {
  const orders = await db.query<number[]>('SELECT * FROM sales');
  let total = 0;
  for (const row of rows) {
    for (const cell of row) {
      for (let k = 0; k < 100; k++) total += Math.sqrt(cell * k);
    }
  }
  return { total, orders: orders.length };
}

async function touchAudit(userId: string) {
  await db.query('INSERT INTO audit VALUES ($1)', [userId]);
}

export const server = http.createServer(async (req, res) => {
  const userId = req.url?.slice(1) ?? '';
  const template = readFileSync('./templates/profile.html', 'utf8');
  const profile = await loadProfile(userId);
  if (!checkPassword(profile.user, String(req.headers['x-password']))) {
    res.writeHead(401).end();
    return;
  }
  touchAudit(userId);
  res.end(template.replace('{{name}}', profile.user.name));
});

export async function formatName(user: User) {
  return `${user.name} <${user.id}>`;
}
