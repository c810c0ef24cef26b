import { readFile, writeFile } from 'node:fs/promises';

export async function loadAll(ids: string[]) {
  const out: string[] = [];
  for (const id of ids) {
    out.push(await readFile(`data/${id}.json`, 'utf8'));
  }
  return out;
}

export async function stats() {
  const users = await fetch('https://api.example.com/users/count');
  const orders = await fetch('https://api.example.com/orders/count');
  return { users, orders };
}

export async function saveAll(items: string[]) {
  items.forEach(async (item) => {
    await writeFile(`out/${item}.txt`, item);
  });
}

async function label(x: string) {
  return `#${x}`;
}

export function labels(xs: string[]) {
  return xs.map((x) => label(x));
}
