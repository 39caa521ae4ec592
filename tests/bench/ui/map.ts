import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { newId } from '../../../src/domain/ids';
import type { MapFeatureCategory } from '../../../src/domain/map/map-features';
import { createSocketClient, type SocketLike } from '../../../src/renderer/transport/socket-client';
import { percentile } from '../stats';
import type { UiBench, UiBenchContext } from './context';

const FEATURES = 5_000;
const UPDATES_PER_SECOND = 10;
const MEASURE_MS = 12_000;
const ROUNDS = 3;
const CATEGORIES: MapFeatureCategory[] = ['team', 'equipment', 'triage', 'staging', 'case'];

/** rAF deltas inside the page for `ms`: the frame times the operator sees. */
function frameDeltas(page: Page, ms: number): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${ms};
    const step = (t) => {
      deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(step);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame(step);
  })`);
}

/**
 * Drags the map in a small circle for `ms`, as an operator panning does: every move asks maplibre for a new frame,
 * so the frames measured meanwhile are frames drawn, not idle ones (the shipped map has no repaint switch).
 */
async function panFor(page: Page, ms: number): Promise<void> {
  const box = await page.getByTestId('map-canvas-pane').boundingBox();
  if (!box) throw new Error('the map pane is not on screen');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const radius = Math.min(40, box.width / 8, box.height / 8);
  await page.mouse.move(cx + radius, cy);
  await page.mouse.down();
  const end = Date.now() + ms;
  for (let step = 1; Date.now() < end; step++) {
    const angle = (step / 24) * 2 * Math.PI;
    await page.mouse.move(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
}

/** rAF deltas while the map is being panned. */
async function panningFrameDeltas(page: Page, ms: number): Promise<number[]> {
  const [deltas] = await Promise.all([frameDeltas(page, ms), panFor(page, ms)]);
  return deltas;
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

/** Map loaded, `features` handed to it whole, and a few seconds for the worker to tile them. */
async function settle(page: Page, features = 0): Promise<void> {
  await page.waitForSelector('[data-testid="map-canvas-pane"][data-state="ready"]', { timeout: 60_000 });
  // A build from before SourceSync does not report `data-sent`: give it a fixed wait, so a baseline build runs too.
  await page
    .waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-testid="map-canvas-pane"]')?.dataset['sent'] ?? -1) >= n, features, {
      timeout: 15_000,
      polling: 100,
    })
    .catch(() => undefined);
  await page.waitForTimeout(3_000);
}

/** How many feature changes the page's map has taken as diffs so far (SourceSync writes it on the pane). */
const appliedCount = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid="map-canvas-pane"]')?.dataset['applied'] ?? 0));

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
 * (each one a `changed` event, a read of the moved rows and a map diff), against the empty map. Both are measured
 * while the map is dragged in a circle, so the figures are the cost of drawing, not of idling; the machine is shared, so the
 * two alternate over ROUNDS rounds and each figure pools its rounds, letting load from elsewhere fall on both.
 * The page reports how many moves reached its map during the frame runs: frames are measured while updates flow.
 */
export const mapBench: UiBench = {
  name: 'map',
  async run(ctx) {
    const emptyHost = await ctx.startHost(ctx.makeDataDir());
    const dir = ctx.makeDataDir();
    ctx.log(`map: seeding ${FEATURES} features`);
    const ids = await seedFeatures(ctx, dir, FEATURES);
    const host = await ctx.startHost(dir);
    const page = await ctx.newPage();
    await page.goto(`${host.url}/map`);
    const firstRender = await mapDrawnAt(page, FEATURES);

    const client = createSocketClient(`${host.url.replace(/^http/, 'ws')}/api`, { createSocket: (u) => new WebSocket(u) as unknown as SocketLike });
    let moved = 0;
    let acknowledged = 0;
    const move = (): void => {
      const id = ids[(moved * 37) % ids.length];
      moved++;
      if (!id) return;
      const [lng, lat] = around(moved + FEATURES);
      void client.call('mutate', { name: 'map.updateFeature', args: { id, geometry: { type: 'Point', coordinates: [lng, lat] } } }).then(
        () => acknowledged++,
        () => undefined,
      );
    };
    // What the page's API socket receives while points move: independent of how loaded the shared machine is.
    let measuring = false;
    let socketBytes = 0;
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => {
      if (measuring) socketBytes += typeof frame.payload === 'string' ? Buffer.byteLength(frame.payload) : frame.payload.length;
    }));
    const emptyFrames: number[] = [];
    const frames: number[] = [];
    let sentInWindows = 0;
    let appliedInWindows = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        await page.goto(`${emptyHost.url}/map`);
        await settle(page);
        emptyFrames.push(...(await panningFrameDeltas(page, MEASURE_MS / ROUNDS)));
        await page.goto(`${host.url}/map`);
        await settle(page, FEATURES);
        const appliedBefore = await appliedCount(page);
        const movedBefore = moved;
        const timer = setInterval(move, 1000 / UPDATES_PER_SECOND);
        measuring = true;
        try {
          frames.push(...(await panningFrameDeltas(page, MEASURE_MS / ROUNDS)));
        } finally {
          clearInterval(timer);
          measuring = false;
        }
        sentInWindows += moved - movedBefore;
        appliedInWindows += (await appliedCount(page)) - appliedBefore;
      }
    } finally {
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
    await emptyHost.close();

    const p95 = percentile(frames, 95);
    const emptyP95 = percentile(emptyFrames, 95);
    return {
      map_features: FEATURES,
      map_updates_per_second: UPDATES_PER_SECOND,
      map_updates_sent: sentInWindows,
      map_updates_acknowledged: acknowledged,
      map_updates_applied_by_page: appliedInWindows,
      map_socket_bytes_per_update: Math.round(socketBytes / Math.max(1, sentInWindows)),
      map_frames_measured: frames.length,
      map_empty_frames_measured: emptyFrames.length,
      map_first_render_ms: Math.round(firstRender),
      map_frame_p95_ms: Number(p95.toFixed(1)),
      map_empty_frame_p95_ms: Number(emptyP95.toFixed(1)),
      map_frame_p95_ratio_to_empty: Number((p95 / emptyP95).toFixed(2)),
      map_frame_p50_ms: Number(percentile(frames, 50).toFixed(1)),
      map_empty_frame_p50_ms: Number(percentile(emptyFrames, 50).toFixed(1)),
      wall_first_render_ms: Math.round(wallFirstRender),
    };
  },
};
