import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { PlansPage } from './pages/plans';
import { expect, test } from './fixtures/test';

/**
 * Issue 13, drill fix 8: a command the logged-in position may not use is disabled before the click, and says who
 * may, in the user's language (derived from the same role table the server checks).
 */

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const CHEN: RigUser = { username: 'officer-chen', password: 'command-room-2026', displayName: '陈值班' };

test('an operator sees the commander’s commands disabled, each naming who may, in Chinese and English', async ({ browser }) => {
  test.setTimeout(240_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: CHEN, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(pageA, hostA.url, rig.serverUrl, WANG);
    await openDeskAs(pageB, hostB.url, rig.serverUrl, CHEN);
    const commander = new CommandCentre(pageA);
    const operator = new CommandCentre(pageB);

    // The commander may declare; the operator's declare button is off and says who may.
    await expect(pageA.getByTestId('declare-submit')).toBeEnabled();
    await expect(pageB.getByTestId('declare-submit')).toBeDisabled();
    await expect(pageB.getByTestId('declare-submit')).toHaveAttribute('title', '仅总指挥或演练导调可用');
    await commander.declareIncident({ name: '化工厂泄漏 批量中毒', type: 'mass_casualty', level: 'III', location: '急诊' });
    await expect(commander.incidentName).toHaveText('化工厂泄漏 批量中毒');
    await expect(pageB.getByTestId('incident-list')).toContainText('化工厂泄漏 批量中毒');
    await operator.makeCurrent('化工厂泄漏 批量中毒');

    // Escalating, a new period, demobilising and closing are the commander's; the operator may still rename.
    const applyLevel = pageB.getByTestId('apply-level');
    await expect(applyLevel).toBeDisabled();
    await expect(applyLevel).toHaveAttribute('title', '仅总指挥或演练导调可用');
    await expect(pageB.getByTestId('start-period')).toBeDisabled();
    const close = pageB.getByTestId('lifecycle').getByRole('button', { name: '结束事件', exact: true });
    await expect(close).toBeDisabled();
    await expect(close).toHaveAttribute('title', '仅总指挥或演练导调可用');
    await expect(pageB.getByTestId('incident-controls').getByRole('button', { name: '保存名称' })).toBeEnabled();
    await expect(pageA.getByTestId('apply-level')).toBeEnabled();
    await pageB.getByTestId('apply-level').hover();
    await pageB.screenshot({ path: 'test-results/screens/role-commands-operator-board-zh-CN.png', fullPage: true });

    // Plans are written by the commander or the planning chief.
    const plans = new PlansPage(pageB);
    await plans.open();
    const load = pageB.getByTestId('load-example-mass_casualty');
    await expect(load).toBeDisabled();
    await expect(load).toHaveAttribute('title', '仅总指挥或计划组组长可用');

    // In English the same, with the positions as the English UI names them.
    await operator.switchLanguage();
    await expect(load).toHaveAttribute('title', 'Only the Incident Commander or Planning Chief may do this');
    await pageB.screenshot({ path: 'test-results/screens/role-commands-operator-plans-en.png', fullPage: true });
    await pageB.getByTestId('nav-board').click();
    await expect(pageB.getByTestId('apply-level')).toHaveAttribute('title', 'Only the Incident Commander or Exercise facilitator may do this');
    await expect(pageB.getByTestId('apply-level')).toHaveAccessibleDescription('Only the Incident Commander or Exercise facilitator may do this');
  } finally {
    await rig.close();
  }
});
