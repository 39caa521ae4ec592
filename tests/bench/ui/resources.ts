import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { newId } from '../../../src/domain/ids';
import type { StockImportRow } from '../../../src/domain/resources/stock-import';
import type { UiBench, UiBenchContext } from './context';

const ITEMS = 4_000;
const STORES = 5;
const UPDATES_PER_SECOND = 50;
const SCROLL_MS = 6_000;
const UPDATE_SAMPLES = 20;
const categories = ['ppe', 'drugs', 'tcm', 'oxygen', 'blood', 'ventilators', 'equipment', 'food_water'] as const;

type Holding = { id: string; item: string; store: string };

/** `items` x 5 stores holdings, imported 1,000 rows a mutation (under the API request size limit) straight into the store. */
async function seedStock(ctx: UiBenchContext, items: number): Promise<{ dir: string; holdings: Holding[] }> {
  const dir = ctx.makeDataDir();
  const holdings: Holding[] = [];
  await ctx.seed(dir, async (ws) => {
    await ws.call('settings.update', { language: 'en' });
    const rows: StockImportRow[] = [];
    for (let i = 0; i < items; i += 1) {
      for (let s = 0; s < STORES; s += 1) {
        const row: StockImportRow = {
          item: `Item ${String(i).padStart(5, '0')}`, category: categories[i % categories.length] ?? 'other', unit: 'box', store: `Store ${s + 1}`,
          qty: (i * 7 + s * 13) % 120, par: 100, yellowAt: 40, redAt: 10, levelId: newId(),
        };
        rows.push(row);
        holdings.push({ id: row.levelId, item: row.item, store: row.store });
      }
    }
    for (let at = 0; at < rows.length; at += 1_000) await ws.call('mutate', { name: 'stock.import', args: { rows: rows.slice(at, at + 1_000) } });
  });
  return { dir, holdings };
}

/**
 * Another desk's stream of receipts, at `perSecond`, through the host's own API socket (as a second renderer
 * would send them); each one is a mutation the workstation applies, records and announces to the grid.
 */
async function startUpdates(url: string, holdings: readonly Holding[], perSecond: number): Promise<{ stop: () => Promise<number> }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let sent = 0;
  let answered = 0;
  socket.on('message', (data) => {
    // Pushed events start with "event"; everything else answers one of our requests.
    if (Buffer.isBuffer(data) && !data.subarray(0, 9).toString('utf8').startsWith('{"event"')) answered += 1;
  });
  const started = Date.now();
  const timer = setInterval(() => {
    // Catch up by the clock, so a slow tick does not lower the rate.
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    for (; sent < due; sent += 1) {
      const h = holdings[(sent * 7919) % holdings.length];
      if (h) socket.send(JSON.stringify({ id: sent + 1, method: 'mutate', params: { name: 'stock.receive', args: { ...h, qty: 1 } } }));
    }
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      const seconds = (Date.now() - started) / 1000;
      socket.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return answered / seconds;
    },
  };
}

/** Milliseconds from navigation start until `selector` exists and a frame has been painted with it. */
async function paintedAfterNavigation(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 120_000 });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Scrolls the grid down a screenful a second for `ms`; the 95th percentile of rAF frame times. */
function scrollP95(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve, reject) => {
        // AG Grid 36 scrolls its rows through the vertical scrollbar's viewport, as a user dragging it would.
        const viewport = document.querySelector<HTMLElement>('[data-testid="stock-grid"] .ag-body-vertical-scroll-viewport');
        if (!viewport) return reject(new Error('no grid viewport'));
        const frames: number[] = [];
        const start = performance.now();
        let last = start;
        const step = (now: number): void => {
          frames.push(now - last);
          last = now;
          viewport.scrollTop = viewport.scrollTop + 24 >= viewport.scrollHeight - viewport.clientHeight ? 0 : viewport.scrollTop + 24;
          if (now - start < duration) requestAnimationFrame(step);
          else {
            const sorted = frames.slice(1).sort((a, b) => a - b);
            resolve(sorted[Math.ceil(sorted.length * 0.95) - 1] ?? NaN);
          }
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

/**
 * Receives one unit into the first visible holding over a separate API socket (another renderer) and times it
 * until the grid has painted the new quantity.
 */
function timeUpdate(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        // A data row: not the pinned totals, not a group header (drawn full width).
        const rowEl = document.querySelector<HTMLElement>('[data-testid="stock-grid"] .ag-row[row-id]:not(.stock-total-row):not(.ag-full-width-row)');
        const id = rowEl?.getAttribute('row-id');
        const cell = (col: string) => document.querySelector<HTMLElement>(`[data-testid="stock-grid"] .ag-row[row-id="${id ?? ''}"] [col-id="${col}"]`)?.textContent ?? '';
        const item = cell('item');
        const store = cell('store');
        const before = cell('qty');
        if (!id || !item || !store) return reject(new Error('no visible row'));
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api`);
        socket.onerror = () => reject(new Error('socket failed'));
        socket.onopen = () => {
          const start = performance.now();
          socket.send(JSON.stringify({ id: 1, method: 'mutate', params: { name: 'stock.receive', args: { id, item, store, qty: 1 } } }));
          const check = (): void => {
            if (cell('qty') !== before) {
              requestAnimationFrame(() => {
                socket.close();
                resolve(performance.now() - start);
              });
            } else if (performance.now() - start > 10_000) reject(new Error('update not painted in 10 s'));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        };
      }),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;

async function openPage(ctx: UiBenchContext): Promise<Page> {
  const page = await ctx.newPage();
  // tsx compiles named closures with esbuild's `__name` helper, which the page does not have.
  await page.addInitScript('window.__name = window.__name || ((f) => f)');
  return page;
}

export const resourcesBench: UiBench = {
  name: 'resources',
  async run(ctx) {
    ctx.log(`resources: seeding ${ITEMS * STORES} holdings and an empty store`);
    const full = await seedStock(ctx, ITEMS);
    const small = await seedStock(ctx, 2);
    const fullHost = await ctx.startHost(full.dir);
    const smallHost = await ctx.startHost(small.dir);
    const page = await openPage(ctx);
    const smallPage = await openPage(ctx);
    const firstRow = '[data-testid="stock-grid"] .ag-row[row-index="0"][row-id]';
    const bigRenders: number[] = [];
    const smallRenders: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      smallRenders.push(await paintedAfterNavigation(smallPage, `${smallHost.url}/resources`, firstRow));
      bigRenders.push(await paintedAfterNavigation(page, `${fullHost.url}/resources`, firstRow));
    }
    const rowsInGrid = await page.evaluate(() => document.querySelector('[data-testid="stock-grid"] .stock-total-row')?.textContent ?? '');

    ctx.log('resources: idle scroll, then scroll under 50 updates a second');
    const idleScroll = await scrollP95(page, SCROLL_MS);
    const idleUpdates: number[] = [];
    for (let i = 0; i < 5; i += 1) idleUpdates.push(await timeUpdate(page));
    const updates = await startUpdates(fullHost.url, full.holdings, UPDATES_PER_SECOND);
    await page.waitForTimeout(1_000);
    const busyScroll = await scrollP95(page, SCROLL_MS);
    const busyUpdates: number[] = [];
    for (let i = 0; i < UPDATE_SAMPLES; i += 1) busyUpdates.push(await timeUpdate(page));
    await page.screenshot({ path: 'test-results/screens/resources-bench-20k.png' });

    ctx.log('resources: the same, grouped by category (header rows, rows arranged under them on every update)');
    // Back to the top, where the first group's header will be (the idle and busy scrolls left the grid mid-way).
    await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('[data-testid="stock-grid"] .ag-body-vertical-scroll-viewport');
      if (viewport) viewport.scrollTop = 0;
    });
    const switchStart = Date.now();
    await page.getByTestId('group-by').selectOption('category');
    await page.waitForSelector('[data-testid="stock-grid"] [data-testid="grid-group"]', { timeout: 120_000 });
    const groupSwitch = Date.now() - switchStart;
    const groupedScroll = await scrollP95(page, SCROLL_MS);
    const groupedUpdates: number[] = [];
    for (let i = 0; i < UPDATE_SAMPLES; i += 1) groupedUpdates.push(await timeUpdate(page));
    const rate = await updates.stop();
    await page.screenshot({ path: 'test-results/screens/resources-bench-20k-grouped.png' });
    await page.getByTestId('group-by').selectOption('none');
    return {
      grid_rows: ITEMS * STORES,
      grid_total_row: rowsInGrid.trim(),
      grid_updates_per_s: round(rate),
      grid_first_render_ms: round(median(bigRenders)),
      grid_first_render_10_rows_ms: round(median(smallRenders)),
      grid_idle_scroll_p95_ms: round(idleScroll),
      grid_scroll_p95_ms: round(busyScroll),
      grid_update_idle_ms: round(median(idleUpdates)),
      grid_update_ms: round(median(busyUpdates)),
      grid_group_switch_ms: groupSwitch,
      grid_grouped_scroll_p95_ms: round(groupedScroll),
      grid_grouped_update_ms: round(median(groupedUpdates)),
    };
  },
};
