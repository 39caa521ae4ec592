import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { startSyncRig } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const OPERATOR = { username: 'duty', password: 'duty-officer-2026', displayName: 'Duty Officer' };

/**
 * Rewrites one queued change on the desk's file as a desk of another version might have written it: a hand-over
 * from a client id the server's push schema refuses, so every push carrying it is refused as a whole (HTTP 400).
 */
function corruptQueuedChange(dataDir: string, mutationId: number): void {
  const db = new Database(join(dataDir, 'workstation.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const bad = JSON.stringify({ from: 'u-old', clientId: 'not a client id!', mutationId: 1 });
    const changed = db.prepare('UPDATE outbox SET handed_over = ? WHERE mutation_id = ?').run(bad, mutationId).changes;
    if (changed !== 1) throw new Error(`no queued change ${mutationId} on the desk`);
  } finally {
    db.close();
  }
}

/** Settings → hospital server, as logInToServer does, without waiting for "online" (the test waits for what it needs). */
async function logIn(page: Page, serverUrl: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('server-login');
  await form.locator('input[name="serverUrl"]').fill(serverUrl);
  await form.locator('input[name="username"]').fill(OPERATOR.username);
  await form.locator('input[name="password"]').fill(OPERATOR.password);
  await form.locator('button[type="submit"]').click();
}

test('a change the server will not take is held and shown as stuck, the rest goes on, and the operator discards it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: OPERATOR, roles: 'incident_commander', workstations: 0 });
  try {
    const desk = new CommandCentre(page);
    await desk.open(host.url);
    await desk.switchLanguage();
    // Two incidents declared before the desk is logged in; the second one's queued row is one the server refuses.
    await desk.declareIncident({ name: 'Water main burst, block 2', type: 'utility_failure', level: 'IV', location: 'Block 2' });
    await expect(desk.incidentName).toHaveText('Water main burst, block 2');
    await desk.declareIncident({ name: 'Lift failure, block 7', type: 'utility_failure', level: 'IV', location: 'Block 7' });
    await expect(page.getByTestId('pending-count')).toContainText('2');
    corruptQueuedChange(host.dataDir, 2);

    // The first round narrows the refused push down to the one change (a few pushes): room for a loaded machine.
    await logIn(page, rig.serverUrl);
    const stuckCount = page.getByTestId('stuck-count');
    await expect(stuckCount).toHaveText('Changes stuck: 1', { timeout: 60_000 });
    // The first incident went to the server; only the bad one waits, and nothing else is held up.
    await expect(page.getByTestId('pending-count')).toHaveText('No changes waiting', { timeout: 30_000 });
    await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });

    const panel = page.getByRole('region', { name: 'Changes the server will not take (1)' });
    await expect(panel).toContainText('Declare incident');
    await expect(panel.getByTestId('stuck-reason')).toContainText('The server refused it (HTTP 400');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/sync-trouble-stuck-en.png' });

    await panel.getByRole('button', { name: 'Discard' }).click();
    const confirm = panel.getByRole('group', { name: /^Discard this change \(Declare incident\)\?/ });
    await expect(confirm).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/sync-trouble-discard-confirm-en.png' });
    await confirm.getByRole('button', { name: 'Yes, discard' }).click();

    await expect(stuckCount).toHaveCount(0, { timeout: 30_000 });
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('rejected-changes')).toHaveCount(0);
    await expect(page.getByTestId('pending-count')).toHaveText('No changes waiting');
    // Its effect left the desk: the discarded incident is gone, the one the server has stays.
    await page.getByTestId('nav-board').click();
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await expect(incidents).toContainText('Water main burst, block 2');
    await expect(incidents).not.toContainText('Lift failure, block 7');
    await page.screenshot({ path: 'test-results/screens/sync-trouble-discarded-en.png' });
  } finally {
    await rig.close();
  }
});
