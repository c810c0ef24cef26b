declare const db: { find(id: string): Promise<string>; count(): Promise<number>; save(x: string): Promise<void> };

export async function loadAll(ids: string[]) {
  const out: string[] = [];
  for (const id of ids) {
    out.push(await db.find(id));
  }
  return out;
}

export async function stats() {
  const users = await db.count();
  const orders = await db.find('orders');
  return { users, orders };
}

export async function saveAll(items: string[]) {
  items.forEach(async (item) => {
    await db.save(item);
  });
}

async function label(x: string) {
  return `#${x}`;
}

export function labels(xs: string[]) {
  return xs.map((x) => label(x));
}
