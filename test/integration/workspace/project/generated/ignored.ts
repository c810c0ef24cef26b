export function gen(items: string[]) {
  items.forEach(async (item) => {
    await fetch(item);
  });
}
