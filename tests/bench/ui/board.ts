import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import { findSheet } from '../../../src/domain/board/job-action-sheets';
import type { Workstation } from '../../../src/workstation/workstation';
import type { UiBench, UiBenchContext } from './context';

const TASKS = 2_000;
/** The move baseline: the same move on a board small enough that only the frame itself costs anything. */
const SMALL_TASKS = 60;
const MOVES = 30;
const SETTLE_MS = 400;

/** An incident with `tasks` tasks (made 50 at a time from a job action sheet), up to half (at most 90) moved to the other columns. */
async function seedBoard(ws: Workstation, tasks: number): Promise<void> {
  const incidentId = newId();
  await ws.call('mutate', {
    name: 'incident.declare',
    args: { id: incidentId, name: 'Bench incident', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() },
  });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  const sheet = findSheet('ops', 'en');
  if (!sheet) throw new Error('no ops job action sheet');
  const ids: string[] = [];
  for (let made = 0; made < tasks; made += 50) {
    const items = Array.from({ length: Math.min(50, tasks - made) }, (_, i) => {
      const taskId = newId();
      ids.push(taskId);
      return { itemId: sheet.items[(made + i) % sheet.items.length]?.id ?? '', taskId };
    });
    await ws.call('mutate', { name: 'jas.instantiate', args: { id: newId(), incidentId, positionId: 'ops', language: 'en', items } });
  }
  // Some cards in every column, so each one paints as it would mid-incident.
  const statuses = ['in_progress', 'blocked', 'done'] as const;
  for (let i = 0; i < Math.min(Math.floor(ids.length / 2), 90); i += 1) {
    await ws.call('mutate', { name: 'task.move', args: { id: ids[ids.length - 1 - i] ?? '', status: statuses[i % 3] ?? 'done' } });
  }
}

/** Milliseconds from navigation start until `selector` exists and a frame has been painted with it. */
async function paintedAfterNavigation(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(selector);
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/**
 * Moves the first to-do card right with Shift+ArrowRight. `ms`: from the key until the frame that shows it in
 * the in-progress column has been painted (the rAF that finds it runs just before that frame's paint; a
 * message posted from it runs just after). `followUpMs`: long-task time on the main thread in the `settleMs`
 * that follow, i.e. what the refetch the move triggers costs the next interaction.
 */
async function timeMove(page: Page, settleMs: number): Promise<{ ms: number; followUpMs: number }> {
  // tsx compiles named closures with esbuild's `__name` helper, which the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate(
    (settle) =>
      new Promise<{ ms: number; followUpMs: number }>((resolve, reject) => {
        const card = document.querySelector<HTMLElement>('[data-testid="column-todo"] [data-testid="task-card"]');
        const target = document.querySelector('[data-testid="column-in_progress"]');
        if (!card || !target) return reject(new Error('no card to move'));
        const id = card.dataset['taskId'] ?? '';
        card.focus();
        const afterPaint = (then: () => void): void => {
          const channel = new MessageChannel();
          channel.port1.onmessage = then;
          channel.port2.postMessage(null);
        };
        const start = performance.now();
        card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
        const check = (): void => {
          if (target.querySelector(`[data-task-id="${id}"]`)) afterPaint(() => settled(performance.now() - start));
          else if (performance.now() - start > 5_000) reject(new Error('move not painted in 5 s'));
          else requestAnimationFrame(check);
        };
        const settled = (ms: number): void => {
          let followUpMs = 0;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) followUpMs += entry.duration;
          });
          observer.observe({ type: 'longtask' });
          setTimeout(() => {
            for (const entry of observer.takeRecords()) followUpMs += entry.duration;
            observer.disconnect();
            resolve({ ms, followUpMs });
          }, settle);
        };
        requestAnimationFrame(check);
      }),
    settleMs,
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;

async function boardHost(ctx: UiBenchContext, tasks: number): Promise<string> {
  const dir = ctx.makeDataDir();
  await ctx.seed(dir, (ws) => seedBoard(ws, tasks));
  return (await ctx.startHost(dir)).url;
}

export const boardBench: UiBench = {
  name: 'board',
  async run(ctx) {
    const emptyUrl = await boardHost(ctx, 0);
    ctx.log(`board: seeding ${TASKS} tasks`);
    const fullUrl = await boardHost(ctx, TASKS);
    const smallUrl = await boardHost(ctx, SMALL_TASKS);
    const page = await ctx.newPage();
    const emptyRuns: number[] = [];
    const fullRuns: number[] = [];
    // Alternate so both figures see the same machine load.
    for (let i = 0; i < 3; i += 1) {
      emptyRuns.push(await paintedAfterNavigation(page, emptyUrl, '[data-testid="column-todo"]'));
      fullRuns.push(await paintedAfterNavigation(page, fullUrl, '[data-testid="task-card"]'));
    }
    const smallPage = await ctx.newPage();
    await smallPage.goto(smallUrl);
    await smallPage.waitForSelector('[data-testid="task-card"]');
    const moves: { ms: number; followUpMs: number }[] = [];
    const smallMoves: { ms: number; followUpMs: number }[] = [];
    // Alternate again: the small board's figure is the frame floor under the same load.
    for (let i = 0; i < MOVES; i += 1) {
      moves.push(await timeMove(page, SETTLE_MS));
      smallMoves.push(await timeMove(smallPage, SETTLE_MS));
    }
    const ms = moves.map((m) => m.ms);
    const smallMs = smallMoves.map((m) => m.ms);
    return {
      board_tasks: TASKS,
      board_empty_render_ms: round(median(emptyRuns)),
      board_render_ms: round(median(fullRuns)),
      board_moves: moves.length,
      board_move_ms: round(median(ms)),
      board_move_p95_ms: round(p95(ms)),
      board_move_small_tasks: SMALL_TASKS,
      board_move_small_ms: round(median(smallMs)),
      board_move_small_p95_ms: round(p95(smallMs)),
      board_move_followup_longtask_ms: round(median(moves.map((m) => m.followUpMs))),
      board_move_followup_longtask_p95_ms: round(p95(moves.map((m) => m.followUpMs))),
      board_cards_in_dom: await page.locator('[data-testid="task-card"]').count(),
    };
  },
};
