import type { BrowserContext, Page } from 'playwright-core';

/**
 * Runs `visit` for every item, `tabs` at a time, each tab a page of its own in `ctx` (same sign-in, same watchers).
 * The journeys that look at every page spent most of their time waiting on one page after another: the server and
 * the browser have room for a few at once. The tabs are closed at the end; the first error fails the whole.
 */
export async function inTabs<T>(ctx: BrowserContext, items: readonly T[], tabs: number, visit: (page: Page, item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const pages = await Promise.all(Array.from({ length: Math.min(tabs, queue.length) }, () => ctx.newPage()));
  try {
    await Promise.all(
      pages.map(async (page) => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await visit(page, item);
      }),
    );
  } finally {
    await Promise.all(pages.map((p) => p.close()));
  }
}
