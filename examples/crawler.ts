// A small web crawler: the concurrent quadrant done badly and well.
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFile, mkdir } from 'node:fs/promises';
import pLimit from 'p-limit';

const limit = pLimit(4);

// One request at a time, although the pages do not depend on each other.
export async function crawlSequential(urls: string[]) {
  const pages: string[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    pages.push(await res.text());
  }
  return pages;
}

// Every request at once, however long the list is.
export async function crawlAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).text()));
}

// Overlapping waits, at most four in flight: the right shape.
export async function crawlPolitely(urls: string[]) {
  return Promise.all(urls.map((url) => limit(() => fetch(url).then((r) => r.text()))));
}

// Cursor pagination: each request needs the previous cursor, so one at a time is right.
export async function fetchAllPages(api: string) {
  const items: unknown[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${api}?cursor=${cursor ?? ''}`);
    const page = (await res.json()) as { items: unknown[]; next: string | null };
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

// Retrying with back-off is sequential on purpose.
export async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(2 ** attempt * 100);
    }
  }
  throw new Error(`giving up on ${url}`);
}

export async function savePages(pages: string[]) {
  await mkdir('./out', { recursive: true });
  pages.forEach(async (html) => {
    await writeFile(`./out/page-${html.length}.html`, html);
  });
}

export async function fetchHomeAndAbout(site: string) {
  const home = await fetch(`${site}/`);
  const about = await fetch(`${site}/about`);
  return [home.status, about.status];
}
