import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import msel from '../../src/renderer/features/exercises/i18n/zh-CN.json' with { type: 'json' };
import { freePort, ServerProcess } from '../chaos/processes';
import { createAccounts } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const FACILITATOR = { username: 'msel-lead', password: 'tabletop-lead-2026' };
const m = msel.exercises.msel;

async function logIn(page: Page, serverUrl: string): Promise<void> {
  await page.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.settings }).click();
  await page.getByLabel(zh.serverLogin.serverUrl).fill(serverUrl);
  await page.getByLabel(zh.serverLogin.username).fill(FACILITATOR.username);
  await page.getByLabel(zh.serverLogin.password).fill(FACILITATOR.password);
  await page.getByRole('button', { name: zh.serverLogin.login }).click();
  await expect(page.getByRole('button', { name: zh.serverLogin.logout })).toBeVisible();
}

test('a facilitator loads the bus-crash scenario into an exercise, edits an inject and exports the MSEL as CSV', async ({ page, host }) => {
  // A server CLI run (PGlite opened and migrated) before the page: seconds on a loaded machine.
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-msel-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  try {
    await createAccounts(dataDir, [{ user: FACILITATOR, roles: 'exercise_facilitator' }]);
    await server.start();
    await new CommandCentre(page).open(host.url);
    await logIn(page, `http://127.0.0.1:${server.port}`);

    const exercises = page.getByRole('region', { name: zh.exercises.title });
    await exercises.getByLabel(zh.exercises.name, { exact: true }).fill('Bus crash tabletop');
    await exercises.getByLabel(zh.exercises.type).selectOption({ label: zh.exercises.types.tabletop });
    await exercises.getByLabel(zh.exercises.date, { exact: true }).fill('2026-12-10');
    await exercises.getByLabel(zh.exercises.objectives, { exact: true }).fill('Open the command centre within 30 minutes');
    await exercises.getByRole('button', { name: zh.exercises.setUp }).click();
    await exercises.getByRole('button', { name: zh.exercises.enterSpace.replace('{{name}}', 'Bus crash tabletop') }).click();

    const panel = page.getByRole('region', { name: m.title });
    await expect(panel.getByText(m.empty)).toBeVisible();
    await panel.getByLabel(m.scenario).selectOption({ label: m.scenarios['bus-crash-tabletop'] });
    await panel.getByRole('button', { name: m.loadScenario }).click();
    await expect(panel.getByRole('status')).toHaveText(m.imported.replace('{{count}}', '15'));
    const grid = panel.getByRole('region', { name: m.grid });
    const firstEvent = grid.locator('[row-index="0"] [col-id="event"]');
    await expect(firstEvent).toHaveText('环城路大巴侧翻');
    await expect(grid.locator('[role="row"][row-index]')).toHaveCount(15);

    await firstEvent.click();
    const editor = grid.getByRole('textbox');
    await editor.fill('环城路大巴侧翻（双层巴士）');
    await editor.press('Enter');
    await expect(firstEvent).toHaveText('环城路大巴侧翻（双层巴士）');
    await page.screenshot({ path: 'test-results/screens/msel-bus-crash-zh-CN.png', fullPage: true });

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: m.exportCsv }).click();
    const file = await (await downloading).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('\uFEFFnumber,time,after,event,inject_text,method,from,to,controller,expected_action,objective');
    expect(csv).toContain('1,00:00,,环城路大巴侧翻（双层巴士）,');
    expect(csv).toContain('4,00:10,3,提前出院申请,');
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
