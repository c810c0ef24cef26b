import { readFileSync } from 'node:fs';

declare const db: { find(id: string): Promise<string>; count(): Promise<number> };

export async function loadUsers(ids: string[]) {
  const users: string[] = [];
  for (const id of ids) {
    users.push(await db.find(id));
  }
  return users;
}

export async function handle(path: string) {
  const body = readFileSync(path, 'utf8');
  return body.length + (await db.count());
}

export function total(xs: number[]) {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum;
}
