import type { Page } from '@playwright/test';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import type { UiBench } from './context';

const CASUALTIES = 500;
const LOG_LINES = 200;
const RUNS = 7;
const CATEGORIES = ['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const;

/** An incident with `casualties` casualties (100 a batch, the colours in turn), `logLines` log lines and its initial report drafted. */
async function seed(ws: Workstation, casualties: number, logLines: number): Promise<void> {
  const call = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
  const incidentId = newId();
  await call('incident.declare', { id: incidentId, name: 'Bench bus crash', type: 'mass_casualty', level: 'II', location: 'Ring road', discoveredAt: Date.now() });
  await ws.call('settings.update', { currentIncidentId: incidentId, language: 'en' });
  for (let made = 0; made < casualties; made += 100) {
    const tagNos = Array.from({ length: Math.min(100, casualties - made) }, (_, i) => `B-${made + i + 1}`);
    await call('casualty.registerBatch', { incidentId, tagNos, category: CATEGORIES[(made / 100) % CATEGORIES.length], area: 'ED' });
  }
  for (let i = 0; i < logLines; i += 1) await call('log.append', { id: newId(), incidentId, text: `Bench log line ${i + 1}: casualties moved from the ED to the wards` });
  const suggestion = await ws.call('report.suggest', { incidentId, kind: 'initial', lang: 'zh-CN' });
  await call('report.draft', { id: newId(), incidentId, kind: 'initial', ...suggestion });
}

/** From the click on the report's PDF button until the browser has the file: the core's layout and the transfer. */
async function timePdf(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/board`);
  await page.click('[data-testid="tab-reports"]');
  await page.waitForSelector('[data-testid="report-card"]');
  const button = page.getByTestId('report-card').getByRole('button', { name: 'Initial report: PDF in Chinese' });
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await download.path();
  return Date.now() - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const reportsBench: UiBench = {
  name: 'reports',
  async run(ctx) {
    const hostFor = async (casualties: number, logLines: number) => {
      const dir = ctx.makeDataDir();
      await ctx.seed(dir, (ws) => seed(ws, casualties, logLines));
      return (await ctx.startHost(dir)).url;
    };
    ctx.log(`reports: seeding ${CASUALTIES} casualties and ${LOG_LINES} log lines`);
    const full = await hostFor(CASUALTIES, LOG_LINES);
    const empty = await hostFor(0, 0);
    const page = await ctx.newPage();
    const fullTimes: number[] = [];
    const emptyTimes: number[] = [];
    // Alternate so both see the same machine load; the first of each warms the font and the JIT.
    for (let i = 0; i < RUNS; i += 1) {
      fullTimes.push(await timePdf(page, full));
      emptyTimes.push(await timePdf(page, empty));
    }
    return {
      report_pdf_casualties: CASUALTIES,
      report_pdf_log_lines: LOG_LINES,
      report_pdf_ms: median(fullTimes),
      report_pdf_empty_incident_ms: median(emptyTimes),
    };
  },
};
