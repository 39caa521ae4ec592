import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import { findSheet } from '../../../src/domain/board/job-action-sheets';
import { examplePlans } from '../../../src/domain/plans';
import type { Workstation } from '../../../src/workstation/workstation';
import type { UiBench, UiBenchContext } from './context';

const TASKS = 2_000;
const POSITIONS = ['ic', 'pio', 'liaison', 'safety', 'ops', 'ops.medical-care', 'planning', 'logistics', 'logistics.support.supply', 'finance'] as const;
const ITEMS_PER_POSITION = 30;
const BANDS = ['immediate', 'intermediate', 'extended', 'demobilisation'] as const;
const LEVELS = ['IV', 'III', 'II', 'I'] as const;
const RUNS = 5;

/** The mass-casualty example with its response checklist replaced by 300 items: 30 for each of 10 positions. */
function bigPlan(code: string) {
  const base = examplePlans.mass_casualty;
  const response = POSITIONS.flatMap((positionId, p) =>
    Array.from({ length: ITEMS_PER_POSITION }, (_, i) => ({
      id: `b-${p}-${i}`, phase: 'response' as const, positionId, band: BANDS[i % 4] ?? 'immediate', fromLevel: LEVELS[i % 4] ?? 'IV',
      text: { 'zh-CN': `第${p + 1}岗位第${i + 1}项任务：核实并报告`, en: `Position ${p + 1}, item ${i + 1}: check and report` },
    })),
  );
  return { ...base, code, content: { ...base.content, checklist: [...base.content.checklist.filter((i) => i.phase !== 'response'), ...response] } };
}

/** An approved 300-item plan and an incident at level II with 10 positions filled and `tasks` tasks on its board. */
async function seed(ws: Workstation, tasks: number): Promise<void> {
  const call = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
  const planId = newId();
  const versionId = newId();
  await call('plan.import', { planId, versionId, document: bigPlan('BENCH-300') });
  await call('plan.submitForReview', { versionId });
  await call('plan.approve', { versionId, name: 'Bench approver' });
  const incidentId = newId();
  await call('incident.declare', { id: incidentId, name: 'Bench incident', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  for (const positionId of POSITIONS) await call('assignment.assign', { id: newId(), incidentId, period: 1, positionId, person: `Bench ${positionId}` });
  const sheet = findSheet('ops', 'en');
  if (!sheet) throw new Error('no ops job action sheet');
  for (let made = 0; made < tasks; made += 50) {
    const items = Array.from({ length: Math.min(50, tasks - made) }, (_, i) => ({ itemId: sheet.items[(made + i) % sheet.items.length]?.id ?? '', taskId: newId() }));
    await call('jas.instantiate', { id: newId(), incidentId, positionId: 'ops', language: 'en', items });
  }
}

/**
 * From the click on "Activate on current incident" until the board's checklist tab, opened right after, has
 * painted its last position's checklist: the mutation applied on the desk, the live reads answered, 10 lists drawn.
 */
async function timeActivation(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/plans`);
  await page.waitForSelector('[data-testid="plan-activate"]');
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  const start = await page.evaluate(() => performance.now());
  await page.click('[data-testid="plan-activate"]');
  await page.waitForSelector('[data-testid="plan-active"]');
  await page.click('[data-testid="nav-board"]');
  await page.click('[data-testid="tab-checklists"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="position-checklist"]').length >= n, POSITIONS.length);
  const end = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
  return end - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;

async function host(ctx: UiBenchContext, tasks: number): Promise<string> {
  const dir = ctx.makeDataDir();
  await ctx.seed(dir, (ws) => seed(ws, tasks));
  return (await ctx.startHost(dir)).url;
}

export const plansBench: UiBench = {
  name: 'plans',
  async run(ctx) {
    const full: number[] = [];
    const empty: number[] = [];
    // A fresh desk per run (a plan activates once per incident); alternate so both see the same machine load.
    for (let i = 0; i < RUNS; i += 1) {
      ctx.log(`plans: run ${i + 1} of ${RUNS} (seeding ${TASKS} tasks)`);
      const page = await ctx.newPage();
      full.push(await timeActivation(page, await host(ctx, TASKS)));
      empty.push(await timeActivation(page, await host(ctx, 0)));
    }
    return {
      plan_activation_items: POSITIONS.length * ITEMS_PER_POSITION,
      plan_activation_board_tasks: TASKS,
      plan_activation_ms: round(median(full)),
      plan_activation_empty_board_ms: round(median(empty)),
    };
  },
};
