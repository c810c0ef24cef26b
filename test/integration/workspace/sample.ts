// Opened by integration tests as a realistic TypeScript file.
export async function loadAll(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    out.push(await fetchOne(id)); // sequential await in a loop
  }
  return out;
}

async function fetchOne(id: string): Promise<string> {
  await new Promise((r) => setTimeout(r, 10));
  return id;
}
