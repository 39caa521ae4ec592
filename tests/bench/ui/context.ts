import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startWebHost } from '../../../src/host/web-host';
import { createWorkstation, type Workstation } from '../../../src/workstation/workstation';

export type BenchHost = { url: string; workstation: Workstation; close: () => Promise<void> };

/** What every UI benchmark module gets from the runner (tests/bench/ui.ts). */
export type UiBenchContext = {
  browser: Browser;
  /** A fresh data folder, removed when the run ends. */
  makeDataDir: () => string;
  /** Writes seed data straight into a workstation store (fast), then closes it so a host can open the folder. */
  seed: (dataDir: string, fn: (ws: Workstation) => Promise<void>) => Promise<void>;
  /** A web host (the workstation core in plain Node) serving the built renderer (or `rendererDir`) on a free port. */
  startHost: (dataDir: string, rendererDir?: string) => Promise<BenchHost>;
  /** A page at 1920x1080, closed when the run ends. */
  newPage: () => Promise<Page>;
  log: (message: string) => void;
};

/** One benchmark: returns named figures (milliseconds unless the name says otherwise) merged into the JSON line. */
export type UiBench = { name: string; run: (ctx: UiBenchContext) => Promise<Record<string, number | string>> };

export function makeContext(browser: Browser, cleanup: (() => Promise<void> | void)[]): UiBenchContext {
  return {
    browser,
    makeDataDir() {
      const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-ui-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    async seed(dataDir, fn) {
      const ws = createWorkstation({ dataDir, sync: { pollMs: 3_600_000 } });
      try {
        await fn(ws);
      } finally {
        await ws.close();
      }
    },
    async startHost(dataDir, rendererDir) {
      const host = await startWebHost({ port: 0, host: '127.0.0.1', dataDir, ...(rendererDir ? { rendererDir } : {}) });
      cleanup.push(() => host.close());
      return { url: host.url, workstation: host.workstation, close: () => host.close() };
    },
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      cleanup.push(() => context.close());
      return context.newPage();
    },
    log: (message) => process.stderr.write(`bench:ui ${message}\n`),
  };
}
