import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { newId } from '../../../src/domain/ids';
import { percentile, round } from '../stats';
import type { UiBench, UiBenchContext } from './context';

const RUNS = 7;
const median = (values: number[]): number => percentile(values, 50);

/** A data folder holding one declared incident with no tasks: the board a desk opens on. */
async function emptyBoardData(ctx: UiBenchContext): Promise<string> {
  const dataDir = ctx.makeDataDir();
  await ctx.seed(dataDir, async (ws) => {
    const incidentId = newId();
    await ws.call('mutate', {
      name: 'incident.declare',
      args: { id: incidentId, name: 'Bench incident', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() },
    });
    await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  });
  return dataDir;
}

/**
 * The same renderer as `npm run build:renderer` but in one chunk, as it was before the pages were split by route:
 * the baseline the split is measured against, built in the same run so both see the same machine.
 */
async function buildSingleChunk(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hcc-bench-single-chunk-'));
  await build({
    configFile: fileURLToPath(new URL('../../../vite.renderer.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { output: { inlineDynamicImports: true } } },
  });
  return outDir;
}

/**
 * A cold start of the board: a new browser context (no HTTP or code cache), from navigation start until the
 * board's columns are painted, and the script bytes fetched by then.
 */
async function coldBoardPaint(browser: Browser, url: string): Promise<{ ms: number; scriptKb: number }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="column-todo"]');
    return await page.evaluate(
      () =>
        new Promise<{ ms: number; scriptKb: number }>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const ms = performance.now();
              // Resource entries are always PerformanceResourceTiming; the DOM types give the base type.
              const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
              const scripts = entries.filter((entry) => entry.name.endsWith('.js') && entry.responseEnd <= ms);
              resolve({ ms, scriptKb: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 1024 });
            }),
          ),
        ),
    );
  } finally {
    await context.close();
  }
}

/** Issue 13 item 15: first paint of the board with the pages split by route, beside the single-chunk build. */
export const firstPaintBench: UiBench = {
  name: 'first-paint',
  async run(ctx) {
    ctx.log('first-paint: building the single-chunk baseline');
    const singleDir = await buildSingleChunk();
    try {
      // Each host has its own folder: one workstation file is opened by one core at a time.
      const split = await ctx.startHost(await emptyBoardData(ctx));
      const single = await ctx.startHost(await emptyBoardData(ctx), singleDir);
      const splitRuns: { ms: number; scriptKb: number }[] = [];
      const singleRuns: { ms: number; scriptKb: number }[] = [];
      // Alternate so both builds see the same machine load.
      for (let i = 0; i < RUNS; i += 1) {
        splitRuns.push(await coldBoardPaint(ctx.browser, split.url));
        singleRuns.push(await coldBoardPaint(ctx.browser, single.url));
      }
      const splitMs = median(splitRuns.map((r) => r.ms));
      const singleMs = median(singleRuns.map((r) => r.ms));
      return {
        first_paint_ms: round(splitMs, 1),
        first_paint_single_chunk_ms: round(singleMs, 1),
        first_paint_ratio: round(splitMs / singleMs),
        first_paint_script_kb: round(median(splitRuns.map((r) => r.scriptKb)), 0),
        first_paint_single_chunk_script_kb: round(median(singleRuns.map((r) => r.scriptKb)), 0),
      };
    } finally {
      rmSync(singleDir, { recursive: true, force: true });
    }
  },
};
