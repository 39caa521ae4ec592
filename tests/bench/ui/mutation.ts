import type { Page, WebSocket as PageSocket } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import type { StockImportRow } from '../../../src/domain/stock-import';
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

/** An incident with staff to check in, and 20,000 holdings so a wall that re-reads resources has real work. */
async function seed(ws: Workstation): Promise<void> {
  const incidentId = newId();
  await ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bench incident', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  const staff = Array.from({ length: PEOPLE }, (_, i) => makeStaffRow(i + 1));
  await ws.call('mutate', { name: 'staff.import', args: { rows: staff } });
  const rows: StockImportRow[] = [];
  for (let i = 0; i < ITEMS; i += 1) {
    for (let s = 0; s < STORES; s += 1) {
      rows.push({ item: `Item ${String(i).padStart(5, '0')}`, category: 'ppe', unit: 'box', store: `Store ${s + 1}`, qty: (i * 7 + s * 13) % 120, par: 100, yellowAt: 40, redAt: 10, levelId: newId() });
    }
  }
  for (let at = 0; at < rows.length; at += 1_000) await ws.call('mutate', { name: 'stock.import', args: { rows: rows.slice(at, at + 1_000) } });
}

/** Read requests a page sends over its API socket (every request but a mutation is a read the core runs for it). */
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
    await ctx.seed(dir, seed);
    const { url } = await ctx.startHost(dir);
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
    const before = wallReads.reads();
    for (let i = CHECK_INS + 1; i <= 2 * CHECK_INS; i += 1) {
      withWall.push(await timeCheckIn(pool, i));
      await pool.waitForTimeout(SETTLE_MS);
    }
    return {
      mutation_answer_ms: round(percentile(alone, 50), 1),
      mutation_answer_with_wall_ms: round(percentile(withWall, 50), 1),
      wall_update_reads: round((wallReads.reads() - before) / CHECK_INS, 2),
    };
  },
};
