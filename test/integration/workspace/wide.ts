// Opened by integration tests: the wait sits far to the right of a long line.
declare const db: { find(id: string): Promise<string> };

export async function lookup(id: string) {
  const label = `user ${id} from the primary database, fetched with the default options and no cache`; const row = await db.find(label);
  return row;
}
