import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { newId } from '../../../src/domain/ids';
import type { MapFeatureCategory } from '../../../src/domain/map-features';
import { createSocketClient, type SocketLike } from '../../../src/renderer/transport/socket-client';
import { percentile } from '../stats';
import type { UiBench, UiBenchContext } from './context';

const FEATURES = 5_000;
const UPDATES_PER_SECOND = 10;
const MEASURE_MS = 8_000;
const CATEGORIES: MapFeatureCategory[] = ['team', 'equipment', 'triage', 'staging', 'case'];

/** rAF deltas inside the page for `ms`: the frame times the operator sees. */
function frameDeltas(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + duration;
        const step = (t: number) => {
          deltas.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

/** Milliseconds from navigation to the map's first finished drawing of at least `count` features. */
async function mapDrawnAt(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const marks = performance.getEntriesByName('hcc:map-drawn') as PerformanceMark[];
      const hit = marks.find((m) => ((m.detail as { count?: number } | null)?.count ?? 0) >= n);
      return hit ? hit.startTime : false;
    },
    count,
    { timeout: 120_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

const around = (i: number): [number, number] => [120.17 + ((i * 7919) % 1000) / 1000 * 0.08, 30.22 + ((i * 104729) % 1000) / 1000 * 0.065];

async function seedFeatures(ctx: UiBenchContext, dataDir: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  await ctx.seed(dataDir, async (ws) => {
    for (let i = 0; i < count; i++) {
      const id = newId();
      ids.push(id);
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'team';
      await ws.call('mutate', { name: 'map.addFeature', args: { id, category, name: `#${i}`, geometry: { type: 'Point', coordinates: around(i) } } });
    }
  });
  return ids;
}

/**
 * The map with 5,000 point features, ten of them moving every second through real mutations over the API socket
 * (each one a `changed` event, a refetch and a setData), against the empty map in the same run. Frames are
 * measured under continuous repaint, so both figures are the cost of drawing, not of idling.
 */
export const mapBench: UiBench = {
  name: 'map',
  async run(ctx) {
    const emptyDir = ctx.makeDataDir();
    const emptyHost = await ctx.startHost(emptyDir);
    const emptyPage = await ctx.newPage();
    await emptyPage.goto(`${emptyHost.url}/map?continuousRepaint`);
    await mapDrawnAt(emptyPage, 0);
    const emptyFrames = await frameDeltas(emptyPage, MEASURE_MS);
    await emptyPage.close();
    await emptyHost.close();

    const dir = ctx.makeDataDir();
    ctx.log(`map: seeding ${FEATURES} features`);
    const ids = await seedFeatures(ctx, dir, FEATURES);
    const host = await ctx.startHost(dir);
    const page = await ctx.newPage();
    await page.goto(`${host.url}/map?continuousRepaint`);
    const firstRender = await mapDrawnAt(page, FEATURES);

    const client = createSocketClient(`${host.url.replace(/^http/, 'ws')}/api`, { createSocket: (u) => new WebSocket(u) as unknown as SocketLike });
    let moved = 0;
    const timer = setInterval(() => {
      const id = ids[(moved * 37) % ids.length];
      moved++;
      if (!id) return;
      const [lng, lat] = around(moved + FEATURES);
      void client.call('mutate', { name: 'map.updateFeature', args: { id, geometry: { type: 'Point', coordinates: [lng, lat] } } }).catch(() => undefined);
    }, 1000 / UPDATES_PER_SECOND);
    let frames: number[];
    try {
      frames = await frameDeltas(page, MEASURE_MS);
    } finally {
      clearInterval(timer);
      client.close();
    }
    await page.close();

    const wallPage = await ctx.newPage();
    await wallPage.goto(`${host.url}/wall`);
    const wallHandle = await wallPage.waitForFunction(
      () => (document.querySelector('[data-testid="map-canvas-pane"][data-state="ready"]') && document.querySelector('[data-testid="figure-cases"]') ? performance.now() : false),
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const wallFirstRender = (await wallHandle.jsonValue()) as number;
    await wallPage.close();
    await host.close();

    const p95 = percentile(frames, 95);
    const emptyP95 = percentile(emptyFrames, 95);
    return {
      map_features: FEATURES,
      map_updates_per_second: UPDATES_PER_SECOND,
      map_updates_sent: moved,
      map_first_render_ms: Math.round(firstRender),
      map_frame_p95_ms: Number(p95.toFixed(1)),
      map_empty_frame_p95_ms: Number(emptyP95.toFixed(1)),
      map_frame_p95_ratio_to_empty: Number((p95 / emptyP95).toFixed(2)),
      wall_first_render_ms: Math.round(wallFirstRender),
    };
  },
};
