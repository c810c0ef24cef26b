// Opened by integration tests as a realistic TypeScript file.
export async function loadAll(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    out.push(await fetchOne(id)); // sequential await in a loop
  }
  return out;
}

async function fetchOne(id: string): Promise<string> {
  const response = await fetch(`https://api.example.com/items/${id}`);
  return response.text();
}
