import { uuidv7 as newId } from 'uuidv7';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import { positionsWhoMay, type Permission } from '../../src/domain/roles';
import { makeStaffRow } from '../fixtures/roster';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { withApi } from './pages/map';
import { PlansPage } from './pages/plans';
import { RosterScreen } from './pages/roster';
import { WarningPage } from './pages/warning';
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

// A step that cannot happen fails at that step, not at the end of the whole story.
test.use({ actionTimeout: 15_000 });

const LI: RigUser = { username: 'observer-li', password: 'command-room-2026', displayName: '李观察' };

/** "仅…可用" for a permission, built as the renderer builds it: from the role table and the zh-CN position names. */
function whoMayZh(permission: Permission): string {
  const names = positionsWhoMay(permission).map((role) => zh.positions[role]);
  return zh.errorDetails.forbidden.replace('{{roles}}', new Intl.ListFormat('zh-CN', { type: 'disjunction' }).format(names));
}

test('a viewer finds the roster, labour pool, map drawing, task moves, checklists, alert handling and casualty names switched off, each naming who may', async ({ browser }) => {
  test.setTimeout(120_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: LI, roles: 'viewer' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    // The commander's desk sets the scene through its API: an incident with a task and its checklist, a zone, a
    // nurse checked in to the labour pool, and a red alert (one notifiable case against a fixed threshold of one).
    const incidentId = newId();
    const nurse = makeStaffRow(1, { profession: 'nurse', homeUnit: 'ED', department: 'ED' });
    await withApi(hostA.url, async (client) => {
      await client.call('auth.login', { serverUrl: rig.serverUrl, username: WANG.username, password: WANG.password });
      const mutate = (name: string, args: Record<string, unknown>) => client.call('mutate', { name, args } as never);
      await mutate('incident.declare', { id: incidentId, name: '化工厂泄漏 批量中毒', type: 'mass_casualty', level: 'III', location: '急诊', discoveredAt: Date.now() - 60_000 });
      await mutate('task.create', { id: newId(), incidentId, title: '划定热区', section: 'operations', assignee: { kind: 'position', positionId: 'ops' }, checklist: [{ id: newId(), text: '封锁急诊通道' }] });
      const ring = [[120.2069, 30.2491], [120.2077, 30.2491], [120.2077, 30.2497], [120.2069, 30.2497], [120.2069, 30.2491]];
      await mutate('map.addFeature', { id: newId(), incidentId, category: 'zone_hot', name: '热区 泄漏点', geometry: { type: 'Polygon', coordinates: [ring] } });
      await mutate('staff.import', { rows: [nurse] });
      await mutate('pool.checkIn', { id: newId(), incidentId, staffId: nurse.id });
      const indicatorId = newId();
      await mutate('indicator.define', { id: indicatorId, name: '霍乱病例', source: 'notifiable_case', method: 'fixed', group: '霍乱' });
      await mutate('observation.record', { indicatorId, date: new Date().toISOString().slice(0, 10), value: 1 });
      await client.call('sync.now', {});
    });

    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(page, hostB.url, rig.serverUrl, LI);
    const write = whoMayZh('incident.write');

    // Board: no new task, no move by drag or Shift+arrow; the card opens to read, its checklist and save off.
    const board = new BoardPage(page);
    const card = board.card('划定热区');
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('new-task')).toBeDisabled();
    await expect(card).toHaveAccessibleDescription(write);
    await card.focus();
    await card.press('Shift+ArrowRight');
    await expect(board.column('todo').getByTestId('task-card')).toHaveCount(1);
    const editor = await board.openCard('划定热区');
    const tick = editor.getByRole('checkbox', { name: '封锁急诊通道' });
    await expect(tick).toBeDisabled();
    await expect(tick).toHaveAttribute('title', write);
    await expect(editor.locator('button[type="submit"]').first()).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/viewer-board-zh-CN.png', fullPage: true });
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);

    // Roster: the grid is read-only (Enter rosters nobody), copying a week and the minimum are off, and so is the pool.
    const roster = new RosterScreen(page);
    await roster.open();
    await roster.choose('ED');
    await expect(roster.grid).toHaveAttribute('aria-readonly', 'true');
    await expect(roster.grid).toHaveAccessibleDescription(`您只能查看：${write}。`);
    const cell = roster.grid.locator('[data-cell="0:0"]');
    await cell.click();
    await cell.press('Enter');
    await expect(cell).toHaveAttribute('data-assigned', 'no');
    await expect(page.getByTestId('roster-copy-week')).toHaveAttribute('title', write);
    await expect(page.getByTestId('roster-min-form').getByRole('button')).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/viewer-roster-zh-CN.png', fullPage: true });
    await roster.tab('pool');
    const pool = page.getByTestId('labour-pool');
    await expect(pool.locator(`tr[data-staff="${nurse.staffNo}"]`)).toBeVisible();
    await expect(pool.getByRole('button', { name: '签到', exact: true }).first()).toBeDisabled();
    await expect(pool.locator(`tr[data-staff="${nurse.staffNo}"]`).getByRole('button').last()).toHaveAttribute('title', write);

    // Map: nothing to draw, and a zone opens to read, not to move, reshape or delete.
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-draw')).toContainText(write);
    await expect(page.getByTestId('draw-zone_hot')).toBeDisabled();
    await page.getByLabel('按名称搜索').fill('热区');
    await page.getByTestId('map-search-results').getByTestId('map-list-row').first().click();
    await expect(page.getByTestId('map-remove')).toBeDisabled();
    await expect(page.getByTestId('map-remove')).toHaveAccessibleDescription(write);
    await expect(page.getByTestId('map-edit-shape')).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/viewer-map-zh-CN.png', fullPage: true });

    // Early warning: the red alert can be read, not acknowledged.
    const warning = new WarningPage(page);
    await warning.open();
    await warning.openAlert('霍乱');
    const acknowledge = page.getByRole('button', { name: '确认并开始核实' });
    await expect(acknowledge).toBeDisabled();
    await expect(acknowledge).toHaveAccessibleDescription(write);
    await page.screenshot({ path: 'test-results/screens/viewer-warning-zh-CN.png', fullPage: true });

    // Casualties: the name and record number are for patient.identify, which the viewer's desk could never read back.
    await page.getByTestId('nav-casualties').click();
    const name = page.getByTestId('casualty-entry').getByLabel('姓名（选填）');
    await expect(name).toBeDisabled();
    await expect(name).toHaveAccessibleDescription(whoMayZh('patient.identify'));
    await expect(page.getByTestId('casualty-identity-locked')).toContainText(whoMayZh('patient.identify'));
    await page.screenshot({ path: 'test-results/screens/viewer-casualties-zh-CN.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
