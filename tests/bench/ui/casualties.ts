import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import type { UiBench } from './context';

const CASUALTIES = 500;
/** The baseline's grid: one row, since the page shows no grid at all for an incident without casualties. */
const BASELINE_CASUALTIES = 1;
const RUNS = 7;
const CATEGORIES = ['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const;

/** The current incident with `casualties` casualties already registered (100 a batch, the colours in turn). */
async function seed(ws: Workstation, casualties: number): Promise<void> {
  const call = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
  const incidentId = newId();
  await call('incident.declare', { id: incidentId, name: 'Bench bus crash', type: 'mass_casualty', level: 'II', location: 'Ring road', discoveredAt: Date.now() });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  for (let made = 0; made < casualties; made += 100) {
    const tagNos = Array.from({ length: Math.min(100, casualties - made) }, (_, i) => `B-${made + i + 1}`);
    await call('casualty.registerBatch', { incidentId, tagNos, category: CATEGORIES[(made / 100) % CATEGORIES.length], area: 'ED' });
  }
}

/** The grid's row count as AG Grid states it for assistive technology (header row included): it counts rows out of view too. */
const rowCount = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector('[data-testid="casualty-grid"] [aria-rowcount]')?.getAttribute('aria-rowcount') ?? NaN));

/**
 * One arrival as an operator enters it: the tag is typed, then Enter in the entry row; timed until the grid holds the
 * new row. The grid keeps arrival order and draws only the rows in view, so the new row (last) is counted, not seen.
 */
async function timeEntry(page: Page, tag: string): Promise<number> {
  const entry = page.getByTestId('casualty-entry');
  await entry.locator('input[name="tagNo"]').fill(tag);
  const before = await rowCount(page);
  const start = Date.now();
  await entry.locator('input[name="area"]').press('Enter');
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="casualty-grid"] [aria-rowcount]')?.getAttribute('aria-rowcount')) === n,
    before + 1,
    { polling: 'raf' },
  );
  return Date.now() - start;
}

async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/casualties`);
  await page.getByTestId('casualty-grid').locator('[aria-rowcount]').waitFor();
  await page.getByTestId('casualty-entry').locator('input[name="area"]').fill('ED');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const casualtiesBench: UiBench = {
  name: 'casualties',
  async run(ctx) {
    const hostFor = async (casualties: number) => {
      const dir = ctx.makeDataDir();
      await ctx.seed(dir, (ws) => seed(ws, casualties));
      return (await ctx.startHost(dir)).url;
    };
    ctx.log(`casualties: seeding ${CASUALTIES} casualties`);
    const full = await hostFor(CASUALTIES);
    const small = await hostFor(BASELINE_CASUALTIES);
    // One page per grid, each loaded once: the entries land in the same grid as an operator's would.
    const fullPage = await ctx.newPage();
    const smallPage = await ctx.newPage();
    await openPage(fullPage, full);
    await openPage(smallPage, small);
    const fullTimes: number[] = [];
    const smallTimes: number[] = [];
    // Alternate so both see the same machine load; the first of each warms the JIT.
    for (let i = 0; i < RUNS; i += 1) {
      fullTimes.push(await timeEntry(fullPage, `X-${i + 1}`));
      smallTimes.push(await timeEntry(smallPage, `X-${i + 1}`));
    }
    return {
      casualty_entry_casualties: CASUALTIES,
      casualty_entry_ms: median(fullTimes),
      casualty_entry_baseline_casualties: BASELINE_CASUALTIES,
      casualty_entry_baseline_ms: median(smallTimes),
    };
  },
};
