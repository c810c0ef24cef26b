export function start(items: string[]) {
  items.forEach(async (item) => {
    await fetch(item);
  });
}
