/**
 * `npm run bench:ui`: every UI benchmark in Chromium against the web host (renderer built first by the npm
 * script). Each module reports figures beside a baseline measured in the same run; the last line of output is
 * one JSON object merging them all. Set BENCH_ONLY=board,map to run some.
 */
import { chromium } from '@playwright/test';
import { makeContext } from './ui/context';
import { uiBenches } from './ui/index';

async function main(): Promise<void> {
  const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const cleanup: (() => Promise<void> | void)[] = [];
  const figures: Record<string, number | string> = {};
  try {
    const ctx = makeContext(browser, cleanup);
    // Which WebGL path Chromium took matters for every frame figure: say it once for the whole run.
    const page = await ctx.newPage();
    figures['webgl_renderer'] = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'none';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    });
    for (const bench of uiBenches) {
      if (only && !only.includes(bench.name)) continue;
      ctx.log(`${bench.name}...`);
      Object.assign(figures, await bench.run(ctx));
    }
  } finally {
    for (const step of cleanup.reverse()) await step();
    await browser.close();
  }
  console.log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
