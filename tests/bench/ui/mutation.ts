import type { Page, WebSocket as PageSocket } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import type { StockImportRow } from '../../../src/domain/resources/stock-import';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeStaffRow } from '../../fixtures/roster';
import { percentile, round } from '../stats';
import type { UiBench, UiBenchContext } from './context';

const PEOPLE = 300;
const ITEMS = 4_000;
const STORES = 5;
const CHECK_INS = 15;
/** Long enough for every reader a check-in wakes to have asked and been answered before the next one. */
const SETTLE_MS = 1_500;
const STOCK_CHANGES = 10;

type Holding = { id: string; item: string; store: string };

/**
 * An incident with staff to check in, and 20,000 holdings so a wall that re-reads resources has real work; the
 * wall shows stock and beds beside the board, so a stock change is something it must show.
 */
async function seed(ws: Workstation, holdings: Holding[]): Promise<void> {
  const incidentId = newId();
  await ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bench incident', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en', wall: { pages: [['stock', 'beds', 'tasks', 'log']], rotateSeconds: 0 } });
  const staff = Array.from({ length: PEOPLE }, (_, i) => makeStaffRow(i + 1));
  await ws.call('mutate', { name: 'staff.import', args: { rows: staff } });
  const rows: StockImportRow[] = [];
  for (let i = 0; i < ITEMS; i += 1) {
    for (let s = 0; s < STORES; s += 1) {
      const row = { item: `Item ${String(i).padStart(5, '0')}`, category: 'ppe' as const, unit: 'box', store: `Store ${s + 1}`, qty: (i * 7 + s * 13) % 120, par: 100, yellowAt: 40, redAt: 10, levelId: newId() };
      rows.push(row);
      holdings.push({ id: row.levelId, item: row.item, store: row.store });
    }
  }
  for (let at = 0; at < rows.length; at += 1_000) await ws.call('mutate', { name: 'stock.import', args: { rows: rows.slice(at, at + 1_000) } });
}

/**
 * Reads the core runs for a page: each request it sends but a mutation or a live subscription (the old way: the
 * page asks), plus the reads the core's live queries run (the new way: the core re-reads what the page watches).
 */
function countReads(page: Page): { reads: () => number } {
  let reads = 0;
  page.on('websocket', (socket: PageSocket) => {
    socket.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const method = /"method":"([^"]+)"/.exec(text)?.[1];
      if (method && method !== 'mutate' && !method.startsWith('live.')) reads += 1;
    });
  });
  return { reads: () => reads };
}

/** Checks in staff number `n` on the labour pool: ms from submit until the form is cleared, i.e. the core answered. */
async function timeCheckIn(page: Page, n: number): Promise<number> {
  await page.getByLabel('Staff number or name').fill(`S${String(n).padStart(4, '0')}`);
  // tsx names functions through a `__name` helper the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="pool-who"]');
        const form = input?.form;
        if (!input || !form) return reject(new Error('no check-in form'));
        const start = performance.now();
        form.requestSubmit();
        const check = (): void => {
          if (input.value === '') requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > 20_000) reject(new Error('check-in not answered in 20 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

async function openPool(ctx: UiBenchContext, url: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${url}/roster`);
  await page.locator('.roster-tabs [data-tab="pool"]').click();
  await page.getByTestId('pool-who').waitFor();
  return page;
}

export const mutationBench: UiBench = {
  name: 'mutation',
  async run(ctx) {
    ctx.log(`mutation: seeding ${PEOPLE} staff and ${ITEMS * STORES} holdings`);
    const dir = ctx.makeDataDir();
    const holdings: Holding[] = [];
    await ctx.seed(dir, (ws) => seed(ws, holdings));
    const { url, workstation } = await ctx.startHost(dir);
    // Reads the core runs by itself for live queries (absent before live queries existed).
    const coreReads = (): number => (workstation as { live?: { reads: number } }).live?.reads ?? 0;
    const pool = await openPool(ctx, url);
    const alone: number[] = [];
    for (let i = 1; i <= CHECK_INS; i += 1) {
      alone.push(await timeCheckIn(pool, i));
      await pool.waitForTimeout(SETTLE_MS / 3);
    }
    const wall = await ctx.newPage();
    const wallReads = countReads(wall);
    await wall.goto(`${url}/wall`);
    await wall.getByTestId('wall').waitFor();
    await wall.waitForTimeout(SETTLE_MS);
    const withWall: number[] = [];
    for (let i = CHECK_INS + 1; i <= 2 * CHECK_INS; i += 1) {
      withWall.push(await timeCheckIn(pool, i));
      await pool.waitForTimeout(SETTLE_MS);
    }
    // The pool page is closed so every read counted now is the wall's.
    await pool.close();
    await wall.waitForTimeout(SETTLE_MS);
    const before = wallReads.reads() + coreReads();
    for (let i = 0; i < STOCK_CHANGES; i += 1) {
      const h = holdings[i * 997];
      if (!h) break;
      await workstation.call('mutate', { name: 'stock.receive', args: { ...h, qty: 1 } });
      await wall.waitForTimeout(SETTLE_MS);
    }
    return {
      mutation_answer_ms: round(percentile(alone, 50), 1),
      mutation_answer_with_wall_ms: round(percentile(withWall, 50), 1),
      // A stock receipt changes the wall's stock panel: one read is the floor.
      wall_update_reads: round((wallReads.reads() + coreReads() - before) / STOCK_CHANGES, 2),
    };
  },
};
