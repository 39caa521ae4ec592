import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import { freePort, runServerCli, ServerProcess } from '../chaos/processes';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const DRILL_USER = { username: 'drill-facilitator', password: 'spring-drill-2026' };
const NORTH_USER = { username: 'north-duty-officer', password: 'north-hospital-2026' };

async function logIn(page: Page, serverUrl: string, user: { username: string; password: string }): Promise<void> {
  await page.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.settings }).click();
  await page.getByLabel(zh.serverLogin.serverUrl).fill(serverUrl);
  await page.getByLabel(zh.serverLogin.username).fill(user.username);
  await page.getByLabel(zh.serverLogin.password).fill(user.password);
  await page.getByRole('button', { name: zh.serverLogin.login }).click();
  await expect(page.getByRole('button', { name: zh.serverLogin.logout })).toBeVisible();
}

test('a desk in a drill says EXERCISE by the space kind, not its name, and a hospital called "exercise-..." does not', async ({ page, host }) => {
  // Four server CLI runs, each opening PGlite and migrating, come before the page: seconds each on a loaded machine.
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-exercise-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  try {
    const cli = (args: string[]) => runServerCli([...args, '--data-dir', dataDir], env);
    await cli(['create-space', '--id', 'drill-2026', '--name', 'Spring drill', '--kind', 'exercise']);
    await cli(['create-space', '--id', 'exercise-north', '--name', 'Exercise Road Hospital', '--kind', 'hospital']);
    await cli(['create-user', '--username', DRILL_USER.username, '--password', DRILL_USER.password, '--roles', 'incident_commander', '--spaces', 'drill-2026']);
    await cli(['create-user', '--username', NORTH_USER.username, '--password', NORTH_USER.password, '--roles', 'incident_commander', '--spaces', 'exercise-north']);
    await server.start();
    const serverUrl = `http://127.0.0.1:${server.port}`;

    await new CommandCentre(page).open(host.url);
    const banner = page.getByRole('status').filter({ hasText: zh.exercise.banner });
    await expect(banner).toHaveCount(0);

    await logIn(page, serverUrl, DRILL_USER);
    await expect(banner).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/exercise-banner-drill-zh-CN.png' });

    // Logged out, the desk still holds the drill's records: it still says so.
    await page.getByRole('button', { name: zh.serverLogin.logout }).click();
    await expect(page.getByRole('button', { name: zh.serverLogin.login })).toBeVisible();
    await expect(banner).toBeVisible();

    await logIn(page, serverUrl, NORTH_USER);
    await expect(banner).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/exercise-banner-hospital-zh-CN.png' });
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

const FACILITATOR = { username: 'drill-lead', password: 'tabletop-lead-2026' };

test('a facilitator sets up a tabletop in Settings, enters it and every screen says EXERCISE, the wall too; back in the real space it does not', async ({ page, host }) => {
  // Two server CLI runs (PGlite opened and migrated each time) before the page: seconds each on a loaded machine.
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-exercise-setup-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  try {
    await runServerCli(['create-user', '--username', FACILITATOR.username, '--password', FACILITATOR.password, '--roles', 'exercise_facilitator', '--spaces', 'demo-hospital', '--data-dir', dataDir], env);
    await server.start();
    await new CommandCentre(page).open(host.url);
    await logIn(page, `http://127.0.0.1:${server.port}`, FACILITATOR);

    const panel = page.getByRole('region', { name: zh.exercises.title });
    await panel.getByLabel(zh.exercises.name, { exact: true }).fill('Bus crash tabletop');
    // Not exact: a select inside its label takes the chosen option into its name.
    await panel.getByLabel(zh.exercises.type).selectOption({ label: zh.exercises.types.tabletop });
    await panel.getByLabel(zh.exercises.date, { exact: true }).fill('2026-12-10');
    await panel.getByLabel(zh.exercises.objectives, { exact: true }).fill('Open the command centre within 30 minutes\nReport to the county within 2 hours');
    await panel.getByLabel(zh.exercises.capabilities, { exact: true }).fill('Operational coordination');
    await panel.getByRole('button', { name: zh.exercises.setUp }).click();
    const enterDrill = panel.getByRole('button', { name: zh.exercises.enterSpace.replace('{{name}}', 'Bus crash tabletop') });
    await expect(enterDrill).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/exercise-setup-zh-CN.png', fullPage: true });

    const banner = page.getByRole('status').filter({ hasText: zh.exercise.banner });
    await expect(banner).toHaveCount(0);
    await enterDrill.click();
    await expect(banner).toBeVisible();
    await page.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.board }).click();
    await expect(banner).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/exercise-entered-board-zh-CN.png' });

    const wall = await page.context().newPage();
    await wall.goto(`${host.url}/wall`);
    await expect(wall.getByRole('status').filter({ hasText: zh.exercise.banner })).toBeVisible();
    await wall.screenshot({ path: 'test-results/screens/exercise-entered-wall-zh-CN.png' });

    await page.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.settings }).click();
    await panel.getByRole('button', { name: zh.exercises.enterSpace.replace('{{name}}', 'Demo hospital') }).click();
    await expect(banner).toHaveCount(0);
    await expect(wall.getByRole('status').filter({ hasText: zh.exercise.banner })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/exercise-left-zh-CN.png', fullPage: true });
    await wall.close();
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
