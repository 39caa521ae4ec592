import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import { createUser } from '../../../src/server/accounts';
import { createHospitalServer } from '../../../src/server/app';
import { createWorkstation, type Workstation } from '../../../src/workstation/workstation';
import { percentile, round } from '../stats';
import type { UiBench } from './context';

/** Recipient desks: the one in Chromium and the rest headless, all pulling the same injects. */
const DESKS = 20;
/** Injects per wave in the measured run: one per desk (addressed to all, so the watched desk shows each). */
const WAVE = DESKS;
const WAVES = 5;
/** The baseline: the watched desk alone, one inject a wave. */
const BASELINE_WAVES = 3;
const PASSWORD = 'bench-exercise-2026';

type Watched = { page: Page; shown: () => Promise<Record<string, number>> };

/**
 * Records in the page when each inject's notice first appears (`notice-N`), on the page's clock, which is this
 * machine's: the scheduled time is taken on the controller's desk in the same process.
 */
async function watch(page: Page, url: string): Promise<Watched> {
  await page.addInitScript(() => {
    const shown: Record<string, number> = {};
    (window as unknown as { __shown: Record<string, number> }).__shown = shown;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid^="notice-"]')) {
        const key = el.getAttribute('data-testid') ?? '';
        shown[key] ??= Date.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  return { page, shown: () => page.evaluate(() => ({ ...(window as unknown as { __shown: Record<string, number> }).__shown })) };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`inject_delivery: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * `inject_delivery_ms`: an exercise with 20 player desks (one in Chromium, 19 headless workstations) and a
 * controller's desk that delivers on schedule. The controller jumps the clock to each wave's time, so 20 injects
 * fall due at once (the jump's moment is their scheduled time); each is timed until its notice is drawn on the
 * watched desk, through the controller's push, the server and the desk's pull. p99 over 5 waves (100 injects),
 * beside a baseline of the watched desk alone receiving one inject a wave.
 */
export const exerciseBench: UiBench = {
  name: 'exercise',
  async run(ctx) {
    const root = mkdtempSync(join(tmpdir(), 'hcc-bench-exercise-'));
    const server = await createHospitalServer({ dataDir: join(root, 'server'), logger: false, loginRateLimit: { max: 1_000, windowMs: 60_000 } });
    const desks: Workstation[] = [];
    try {
      const serverUrl = await server.listen(0, '127.0.0.1');
      const names = Array.from({ length: DESKS }, (_, i) => `bench-player-${i + 1}`);
      await createUser(server.db, { username: 'bench-lead', password: PASSWORD, roles: ['exercise_facilitator'], spaces: ['demo-hospital'] });
      for (const username of names) await createUser(server.db, { username, password: PASSWORD, roles: ['operator'], spaces: ['demo-hospital'] });

      const lead = createWorkstation({ dataDir: ctx.makeDataDir() });
      desks.push(lead);
      await lead.call('auth.login', { serverUrl, username: 'bench-lead', password: PASSWORD });
      const created = await lead.call('exercise.setUp', {
        name: 'Bench tabletop',
        type: 'tabletop',
        objectives: ['Deliver injects on time'],
        date: '2026-12-10',
        participants: names.map((username) => ({ username, role: 'player' as const, position: 'ops' })),
      });
      const space = created.space.id;
      const exerciseId = created.exerciseId;
      await lead.call('space.enter', { space });
      await until(() => lead.store.list('exercise', space).length === 1, 15_000, 'the exercise record');
      const waveMinutes = [...Array.from({ length: BASELINE_WAVES }, (_, i) => i + 1), ...Array.from({ length: WAVES }, (_, i) => BASELINE_WAVES + i + 1)];
      let number = 0;
      const injects = waveMinutes.flatMap((minutes, wave) =>
        Array.from({ length: wave < BASELINE_WAVES ? 1 : WAVE }, () => {
          number += 1;
          return { id: newId(), number, trigger: { type: 'at' as const, minutes }, from: 'Sim cell', to: 'all', method: 'message' as const, subject: `Inject ${number}`, message: `Bench inject ${number}` };
        }),
      );
      await lead.call('mutate', { name: 'inject.import', args: { exerciseId, injects } });

      // The watched desk: a web host logged in as player 1, its page on the board of the exercise space.
      const hostDir = ctx.makeDataDir();
      const host = await ctx.startHost(hostDir);
      await host.workstation.call('auth.login', { serverUrl, username: names[0] ?? '', password: PASSWORD });
      await host.workstation.call('space.enter', { space });
      await until(() => host.workstation.store.list('exercise', space).length === 1, 15_000, 'the watched desk to hold the exercise');
      const watched = await watch(await ctx.newPage(), host.url);
      await watched.page.getByRole('navigation').first().waitFor();

      await lead.call('mutate', { name: 'exercise.start', args: { id: exerciseId } });
      const numbersOf = (minutes: number) => injects.filter((i) => i.trigger.minutes === minutes).map((i) => i.number);
      /** Jumps to the wave's minute and returns each of its injects' time from the jump to its notice. */
      const wave = async (minutes: number): Promise<number[]> => {
        await lead.call('mutate', { name: 'exercise.jump', args: { id: exerciseId, toMinutes: minutes } });
        const scheduled = lead.store.list('exercise', space)[0]?.updatedAt ?? Date.now();
        const numbers = numbersOf(minutes);
        let shown: Record<string, number> = {};
        await until(async () => {
          shown = await watched.shown();
          return numbers.every((n) => shown[`notice-${n}`] !== undefined);
        }, 60_000, `wave at T+${minutes}`);
        return numbers.map((n) => (shown[`notice-${n}`] ?? NaN) - scheduled);
      };

      ctx.log('exercise: baseline, the watched desk alone, one inject a wave');
      const baseline: number[] = [];
      for (const minutes of waveMinutes.slice(0, BASELINE_WAVES)) baseline.push(...(await wave(minutes)));

      ctx.log(`exercise: ${DESKS - 1} more player desks log in`);
      for (const username of names.slice(1)) {
        const desk = createWorkstation({ dataDir: ctx.makeDataDir() });
        desks.push(desk);
        await desk.call('auth.login', { serverUrl, username, password: PASSWORD });
        await desk.call('space.enter', { space });
      }
      await until(() => desks.slice(1).every((d) => d.store.list('exercise', space).length === 1), 60_000, 'every desk to hold the exercise');

      ctx.log(`exercise: ${WAVES} waves of ${WAVE} injects to ${DESKS} desks`);
      const times: number[] = [];
      for (const minutes of waveMinutes.slice(BASELINE_WAVES)) times.push(...(await wave(minutes)));
      const p99 = percentile(times, 99);
      const baselineP99 = percentile(baseline, 99);
      return {
        inject_delivery_desks: DESKS,
        inject_delivery_injects: times.length,
        inject_delivery_p50_ms: round(percentile(times, 50), 0),
        inject_delivery_ms: round(p99, 0),
        inject_delivery_baseline_ms: round(baselineP99, 0),
        inject_delivery_ratio: round(p99 / baselineP99),
      };
    } finally {
      for (const desk of desks) await desk.close().catch(() => undefined);
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
};
