import { makeStaffCsv } from '../fixtures/roster';
import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { RosterScreen } from './pages/roster';

/** Issue 13, drill fix 4: fatigue rules refuse, and only the incident commander may override them, with a reason. */

const PLANNER = { username: 'planning-duty', password: 'planning-room-2026', displayName: '刘计划' };
const COMMANDER = { username: 'ic-duty', password: 'command-room-2026', displayName: '张指挥' };
const REASON = '第二辆客车到达，无其他具备检伤资质的护士';

test('a planner is refused a shift past the fatigue limit and told who may override; the commander overrides with a reason, shown on both rosters', async ({ browser }) => {
  // Two desks, a server and two account CLIs: 3 minutes on a shared 2-core machine, past the 150 s this had.
  test.setTimeout(300_000);
  const rig = await startSyncRig({ user: PLANNER, roles: 'planning_chief', moreUsers: [{ user: COMMANDER, roles: 'incident_commander' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await new CommandCentre(pageA).open(hostA.url);
    await new CommandCentre(pageB).open(hostB.url);
    await logInToServer(pageA, rig.serverUrl, PLANNER);
    await logInToServer(pageB, rig.serverUrl, COMMANDER);
    const planner = new RosterScreen(pageA);
    const commander = new RosterScreen(pageB);
    await planner.open();
    await commander.open();
    await planner.importCsv('staff.csv', makeStaffCsv(24));
    await expect(pageA.getByTestId('import-ok')).toContainText('24');
    await commander.tab('staff');
    await expect(pageB.locator('#roster-directory-title')).toContainText('24');

    // The planner puts the first ED nurse on the early shift (07-15), then on the late one (15-23) of the same
    // day: 16 hours on end, past the 12-hour limit. Refused, and the planner is told who may decide otherwise.
    await planner.choose('ED', 'nurse', '3x8');
    await planner.toggleByKeyboard(0, 0);
    await expect(planner.cell(0, 0)).toHaveAttribute('data-assigned', 'yes');
    await planner.toggleByKeyboard(0, 1);
    await expect(pageA.locator('[data-error-code="roster_consecutive"]')).toBeVisible();
    await expect(pageA.getByTestId('override-offer')).toHaveText('仅总指挥可用');
    await expect(pageA.getByLabel('越权原因')).toHaveCount(0);
    await expect(planner.cell(0, 1)).toHaveAttribute('data-assigned', 'no');
    await pageA.screenshot({ path: 'test-results/screens/fatigue-refused-planner-zh-CN.png' });

    // The commander tries the same, is refused the same way, and overrides with a reason.
    await commander.choose('ED', 'nurse', '3x8');
    await expect(commander.cell(0, 0)).toHaveAttribute('data-assigned', 'yes');
    await commander.toggleByKeyboard(0, 1);
    await expect(pageB.locator('[data-error-code="roster_consecutive"]')).toBeVisible();
    await pageB.getByLabel('越权原因').fill(REASON);
    await pageB.getByRole('button', { name: '仍然排班（越权）' }).click();
    await expect(commander.cell(0, 1)).toHaveAttribute('data-override', 'yes');
    await expect(pageB.locator('[data-error-code="roster_consecutive"]')).toHaveCount(0);
    const listB = pageB.getByRole('region', { name: '疲劳规定越权记录' });
    await expect(listB.getByTestId('roster-override')).toHaveCount(1);
    await expect(listB.getByTestId('roster-override')).toContainText(REASON);
    await expect(listB.getByTestId('roster-override')).toContainText('连续工作时长');
    await expect(listB.getByTestId('roster-override')).toContainText('张指挥');
    await pageB.screenshot({ path: 'test-results/screens/fatigue-override-commander-zh-CN.png', fullPage: true });

    // The planner's roster shows the override too, with who approved it and why.
    await expect(planner.cell(0, 1)).toHaveAttribute('data-override', 'yes');
    await expect(planner.cell(0, 1)).toHaveAttribute('title', new RegExp(`越权批准：${REASON}`));
    const listA = pageA.getByRole('region', { name: '疲劳规定越权记录' });
    await expect(listA.getByTestId('roster-override')).toContainText(REASON);
    await expect(listA.getByTestId('roster-override')).toContainText('张指挥');
    await pageA.screenshot({ path: 'test-results/screens/fatigue-override-planner-zh-CN.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
