import { join } from 'node:path';
import Database from 'better-sqlite3';
import { withApi } from './pages/map';
import { seedChemicalIncident } from './pages/map-scenario';
import { expect, test } from './fixtures/test';

const FAILED = 'This panel could not show a record';

/**
 * A record no formatter can show, written straight into the desk's SQLite as a restored old version could have
 * left it (bypassing the mutators, which now refuse such a time): a log entry dated 9007199254740000.
 */
function plantBadLogEntry(dataDir: string): void {
  const db = new Database(join(dataDir, 'workstation.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db
      .prepare(`UPDATE entity SET data = json_set(data, '$.at', 9007199254740000)
                 WHERE kind = 'logEntry' AND id = (SELECT id FROM entity WHERE kind = 'logEntry' ORDER BY id LIMIT 1)`)
      .run().changes;
    if (changed !== 1) throw new Error('no log entry to spoil');
  } finally {
    db.close();
  }
}

test('a bad record costs one panel: the rest of the board and the wall still render', async ({ browser, host }) => {
  test.setTimeout(120_000);
  await withApi(host.url, async (client) => {
    await seedChemicalIncident(client, Date.now());
    await client.call('settings.update', { language: 'en' });
  });
  plantBadLogEntry(host.dataDir);
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(host.url);
  await expect(page.getByTestId('incident-name')).toHaveText('急诊区氯气泄漏 批量伤员');
  await expect(page.getByRole('tab', { name: 'Task board' })).toBeVisible();
  await expect(page.getByTestId('task-board')).toBeVisible();

  await page.getByRole('tab', { name: 'Log & messages' }).click();
  const failed = page.getByRole('alert').filter({ hasText: FAILED });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Invalid time value');
  await expect(page.getByTestId('messages')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/panel-boundary-log.png' });

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('alert').filter({ hasText: FAILED })).toHaveCount(1);
  // The page around the failed panel still works: the tabs still switch.
  await page.getByRole('tab', { name: 'Task board' }).click();
  await expect(page.getByTestId('task-board')).toBeVisible();

  await page.goto(`${host.url}/wall`);
  const wall = page.getByTestId('wall');
  await expect(wall).toContainText('急诊区氯气泄漏 批量伤员');
  await expect(page.getByTestId('figure-overdue')).toContainText('2');
  await expect(page.getByTestId('wall-tasks')).toBeVisible();
  await expect(page.getByTestId('wall-panel-log').getByRole('alert')).toContainText(FAILED);
  await page.screenshot({ path: 'test-results/screens/panel-boundary-wall.png' });
  expect(errors).toEqual([]);
});
