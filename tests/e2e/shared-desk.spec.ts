import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const ALICE = { username: 'alice', password: 'triage-desk-2026', displayName: 'Alice Wang' };
const BOB = { username: 'bob', password: 'night-shift-2026', displayName: 'Bob Li' };

test("a shared desk keeps Alice's offline work for Alice, and Bob takes it over only by choice", async ({ browser }) => {
  test.setTimeout(240_000);
  const rig = await startSyncRig({
    user: ALICE,
    roles: 'incident_commander',
    workstations: 1,
    moreUsers: [{ user: BOB, roles: 'incident_commander' }],
  });
  try {
    const [host] = rig.hosts;
    if (!host) throw new Error('host did not start');
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    const desk = new CommandCentre(page);
    await desk.open(host.url);
    await logInToServer(page, rig.proxiedUrl, ALICE);
    await page.getByTestId('nav-board').click();

    // Alice works while the network is down, then logs out and leaves: her change stays on the desk.
    rig.proxy.setMode('down');
    await desk.declareIncident({ name: 'Generator failure, block 5', type: 'utility_failure', level: 'IV', location: 'Block 5' });
    await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('pending-count')).toContainText('1');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('server-session').getByRole('button').click();

    // Bob logs in on the same desk: Alice's change is not sent under his name, it waits for her and says so.
    rig.proxy.setMode('up');
    await logInToServer(page, rig.proxiedUrl, BOB);
    await desk.switchLanguage();
    const waiting = page.getByRole('list', { name: 'Changes waiting for their author' });
    await expect(waiting).toContainText('Changes by Alice Wang waiting until they log in on this desk: 1');
    await expect(page.getByTestId('pending-count')).toContainText('1');
    await page.screenshot({ path: 'test-results/screens/shared-desk-waiting-en.png' });

    // Alice is not coming back this shift: Bob takes her change over, and it goes to the server.
    await page.getByRole('button', { name: "Take over Alice Wang's changes" }).click();
    await expect(waiting).toHaveCount(0);
    await expect(page.getByTestId('pending-count')).toHaveAttribute('class', 'status-chip');
    await expect(page.getByTestId('rejected-changes')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/shared-desk-handed-over-en.png' });
  } finally {
    await rig.close();
  }
});
