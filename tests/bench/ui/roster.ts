import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import { builtInShifts } from '../../../src/domain/roster/roster';
import { shiftInstance } from '../../../src/domain/roster/roster-coverage';
import { addDays, weekStart, zonedDay } from '../../../src/domain/roster/roster-time';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeStaffRow } from '../../fixtures/roster';
import type { UiBench, UiBenchContext } from './context';

const PEOPLE = 300;
const DAYS = 28;
// One per visible row, first day (left free by the seed): more would toggle a shift back off.
const ASSIGNS = 10;
const TZ = 'Asia/Shanghai';

/**
 * `people` nurses of one unit and, when `shifts` is set, a four-week roster: each works a day or night shift every
 * other day (a pattern that keeps every fatigue rule), written through the real mutators so rule checks run.
 */
async function seedRoster(ws: Workstation, people: number, shifts: boolean): Promise<string> {
  await ws.call('settings.update', { language: 'en' });
  const rows = Array.from({ length: people }, (_, i) => makeStaffRow(i + 1, { profession: 'nurse', homeUnit: 'ED', department: 'ED' }));
  if (rows.length > 0) await ws.call('mutate', { name: 'staff.import', args: { rows } });
  const monday = weekStart(zonedDay(Date.now(), TZ));
  await ws.call('mutate', { name: 'roster.setRequirement', args: { id: newId(), unit: 'ED', role: 'nurse', shiftCode: 'D12', min: Math.ceil(people / 4) } });
  if (!shifts) return monday;
  const [day, night] = builtInShifts;
  if (!day || !night) throw new Error('no built-in shifts');
  for (const [i, person] of rows.entries()) {
    const list = [];
    // Leave the first day free for the assignment benchmark to fill.
    for (let d = 2 + (i % 2); d < DAYS; d += 2) {
      const inst = shiftInstance(i % 3 === 0 ? night : day, addDays(monday, d), TZ);
      list.push({ id: newId(), staffId: person.id, unit: 'ED', role: 'nurse' as const, shiftCode: inst.code, start: inst.start, end: inst.end });
    }
    await ws.call('mutate', { name: 'roster.assignMany', args: { shifts: list } });
  }
  return monday;
}

async function rosterHost(ctx: UiBenchContext, people: number, shifts: boolean): Promise<{ url: string; monday: string }> {
  const dir = ctx.makeDataDir();
  let monday = '';
  await ctx.seed(dir, async (ws) => {
    monday = await seedRoster(ws, people, shifts);
  });
  return { url: `${(await ctx.startHost(dir)).url}/roster`, monday };
}

/** Milliseconds from navigation start until `selector` exists and a frame has been painted with it. */
async function paintedAfterNavigation(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 60_000 });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Rosters the next free first-day cell with Enter: ms until it is painted as assigned (rule checks included). */
async function timeAssign(page: Page, row: number): Promise<number> {
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate(
    (r) =>
      new Promise<number>((resolve, reject) => {
        const cell = document.querySelector<HTMLElement>(`[data-cell="${r}:0"]`);
        if (!cell) return reject(new Error(`no cell ${r}:0`));
        cell.focus();
        const start = performance.now();
        cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        const check = (): void => {
          const now = document.querySelector<HTMLElement>(`[data-cell="${r}:0"]`);
          if (now?.dataset['assigned'] === 'yes') requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > 10_000) reject(new Error('assignment not painted in 10 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    row,
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;

async function openAt(ctx: UiBenchContext, monday: string, days: 7 | 28): Promise<Page> {
  const page = await ctx.newPage();
  await page.addInitScript(
    ([week, span]) => localStorage.setItem('hcc.roster.view', JSON.stringify({ unit: 'ED', role: 'nurse', pattern: '2x12', days: span, week })),
    [monday, days] as const,
  );
  return page;
}

export const rosterBench: UiBench = {
  name: 'roster',
  async run(ctx) {
    ctx.log('roster: seeding an empty roster and 300 people over 4 weeks');
    const empty = await rosterHost(ctx, 0, false);
    const small = await rosterHost(ctx, 10, false);
    const full = await rosterHost(ctx, PEOPLE, true);
    const emptyPage = await openAt(ctx, empty.monday, 28);
    const fullPage = await openAt(ctx, full.monday, 28);
    const smallPage = await openAt(ctx, small.monday, 7);
    const emptyRuns: number[] = [];
    const fullRuns: number[] = [];
    // Alternate so both figures see the same machine load.
    for (let i = 0; i < 3; i += 1) {
      emptyRuns.push(await paintedAfterNavigation(emptyPage, empty.url, '[data-testid="roster-grid"] [role="columnheader"]'));
      fullRuns.push(await paintedAfterNavigation(fullPage, full.url, '[data-testid="roster-grid"] [data-assigned="yes"]'));
    }
    await paintedAfterNavigation(smallPage, small.url, '[data-cell="0:0"]');
    const smallAssigns: number[] = [];
    const fullAssigns: number[] = [];
    for (let i = 0; i < ASSIGNS; i += 1) {
      smallAssigns.push(await timeAssign(smallPage, i));
      fullAssigns.push(await timeAssign(fullPage, i));
      await fullPage.waitForTimeout(100);
    }
    const sorted = [...fullAssigns].sort((a, b) => a - b);
    return {
      roster_people: PEOPLE,
      roster_days: DAYS,
      roster_cells_in_dom: await fullPage.locator('[role="gridcell"]').count(),
      roster_empty_render_ms: round(median(emptyRuns)),
      roster_render_ms: round(median(fullRuns)),
      roster_assign_small_ms: round(median(smallAssigns)),
      roster_assign_ms: round(median(fullAssigns)),
      roster_assign_p95_ms: round(sorted[Math.ceil(sorted.length * 0.95) - 1] ?? NaN),
    };
  },
};
