import { expect, type Locator, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import type { Method, Params, Result } from '../../../src/contract/api';

/** The map page as an operator uses it: specs talk to this, not to selectors. */
export class MapScreen {
  readonly pane: Locator;
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByTestId('map-canvas-pane');
    this.canvas = page.locator('.maplibregl-canvas');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/map`);
    await expect(this.pane).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }

  /** Waits until maplibre has nothing left to draw, so a pixel check sees the finished frame. */
  async waitIdle(): Promise<void> {
    await this.page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
      return canvas !== null && canvas.width > 0;
    });
    await this.page.waitForTimeout(800);
  }

  label(name: string): Locator {
    return this.page.locator('[data-testid="map-label"]', { hasText: name });
  }

  /** Draws a zone by clicking corners given as fractions of the map's box, then double-clicking the last one. */
  async drawZone(category: 'zone_hot' | 'zone_warm' | 'zone_cold', name: string, corners: [number, number][]): Promise<void> {
    await this.page.locator('input[name="featureName"]').fill(name);
    await this.page.getByTestId(`draw-${category}`).click();
    await this.clickCorners(corners);
  }

  /** Clicks a zone's corners, given as fractions of the map's box, double-clicking the last one to finish it. */
  async clickCorners(corners: [number, number][]): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('map canvas has no box');
    const at = ([fx, fy]: [number, number]) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    for (const corner of corners.slice(0, -1)) {
      const p = at(corner);
      await this.page.mouse.click(p.x, p.y);
    }
    const last = corners[corners.length - 1];
    if (!last) throw new Error('a zone needs corners');
    const p = at(last);
    await this.page.mouse.dblclick(p.x, p.y);
  }

  handles(): Locator {
    return this.page.getByTestId('vertex-handle');
  }

  /** Drags a marker (a corner handle) by a screen offset in small steps, as a hand would. */
  async drag(handle: Locator, dx: number, dy: number): Promise<void> {
    const box = await handle.boundingBox();
    if (!box) throw new Error('handle has no box');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The canvas colour at the middle of a label (labels are HTML over the canvas, so the pixel is the fill under it). */
  pixelUnder(label: Locator, dx = 0, dy = 0): Promise<[number, number, number]> {
    return label.evaluate(
      (el, [ox, oy]) => {
        const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
        if (!canvas) return [0, 0, 0] as [number, number, number];
        const box = el.getBoundingClientRect();
        const c = canvas.getBoundingClientRect();
        const ratio = canvas.width / c.width;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d');
        ctx?.drawImage(canvas, 0, 0);
        const x = Math.round((box.x + box.width / 2 + (ox ?? 0) - c.x) * ratio);
        const y = Math.round((box.y + box.height / 2 + (oy ?? 0) - c.y) * ratio);
        const d = ctx?.getImageData(x, y, 1, 1).data;
        return [d?.[0] ?? 0, d?.[1] ?? 0, d?.[2] ?? 0] as [number, number, number];
      },
      [dx, dy] as [number, number],
    );
  }

  /**
   * Pixel statistics of the map canvas read inside the page (preserveDrawingBuffer keeps the frame): how many
   * distinct colours, and what share of pixels differ from the background. A blank or failed canvas has one colour.
   */
  canvasStats(): Promise<{ width: number; distinct: number; nonBackground: number }> {
    return this.page.evaluate(() => {
      const source = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
      if (!source) return { width: 0, distinct: 0, nonBackground: 0 };
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return { width: 0, distinct: 0, nonBackground: 0 };
      ctx.drawImage(source, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      const colours = new Set<number>();
      let other = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        colours.add((r << 16) | (g << 8) | b);
        // The style's background is #0d141c.
        if (Math.abs(r - 0x0d) + Math.abs(g - 0x14) + Math.abs(b - 0x1c) > 12) other++;
      }
      return { width: copy.width, distinct: colours.size, nonBackground: other / (data.length / (4 * 7)) };
    });
  }
}

type Caller = { call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> };

/**
 * Talks to a web host's API socket from the test process to seed an incident quickly. A bare `ws` client speaking
 * the wire format (src/contract/wire.ts): the contract's runtime imports JSON that Playwright's loader cannot.
 * Non-browser clients send no Origin and are judged by the token alone (none on loopback).
 */
export async function withApi<T>(hostUrl: string, work: (client: Caller) => Promise<T>): Promise<T> {
  const socket = new WebSocket(`${hostUrl.replace(/^http/, 'ws')}/api`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; ok?: boolean; result?: unknown; error?: { code: string; message: string } };
    if (message.id === undefined) return;
    const w = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) w?.resolve(message.result);
    else w?.reject(new Error(`${message.error?.code}: ${message.error?.message}`));
  });
  const client: Caller = {
    call: (method, params) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
  };
  try {
    return await work(client);
  } finally {
    socket.close();
  }
}
