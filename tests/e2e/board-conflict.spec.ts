import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const CHEN: RigUser = { username: 'officer-chen', password: 'command-room-2026', displayName: 'Duty Officer Chen' };
const TASK = '开放 5 号病区 20 张床';

test('a move made offline against a status that changed meanwhile does not undo "done": both desks see a conflict notice to dismiss or settle', async ({ browser }) => {
  // Two desks, a server and a reconnect: minutes on a loaded 2-core CI machine.
  test.setTimeout(360_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: CHEN, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    // Desk A reaches the server through the proxy the test unplugs.
    await openDeskAs(pageA, hostA.url, rig.proxiedUrl, WANG);
    await openDeskAs(pageB, hostB.url, rig.serverUrl, CHEN);
    const shellA = new CommandCentre(pageA);
    const shellB = new CommandCentre(pageB);
    const a = new BoardPage(pageA);
    const b = new BoardPage(pageB);

    await shellA.declareIncident({ name: '急诊批量伤员 高速车祸', type: 'mass_casualty', level: 'II', location: '急诊抢救室' });
    await expect(shellA.incidentName).toHaveText('急诊批量伤员 高速车祸');
    await a.createTask({ title: TASK });
    await a.moveWithKeys(TASK, 'ArrowRight');
    await expect(a.column('in_progress')).toContainText(TASK);
    await expect(pageB.getByTestId('incident-list')).toContainText('急诊批量伤员 高速车祸');
    await shellB.makeCurrent('急诊批量伤员 高速车祸');
    await expect(b.column('in_progress')).toContainText(TASK);

    // A goes offline and marks the task blocked; meanwhile B, online, finishes it.
    rig.proxy.setMode('down');
    await expect(shellA.status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await a.moveWithKeys(TASK, 'ArrowRight');
    await expect(a.column('blocked')).toContainText(TASK);
    const editorB = await b.openCard(TASK);
    await editorB.getByRole('button', { name: '标记完成' }).click();
    await expect(editorB).toHaveCount(0);
    await expect(b.column('done')).toContainText(TASK);

    // A reconnects: the finished task stays done on both desks, and A is told its move was not applied.
    rig.proxy.setMode('up');
    await expect(shellA.status).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(a.column('done')).toContainText(TASK, { timeout: 30_000 });
    await expect(a.column('blocked')).not.toContainText(TASK);
    await expect(b.column('done')).toContainText(TASK);
    await expect(a.conflictBadge(TASK, '状态冲突：打开任务卡查看双方的更改')).toBeVisible();
    await expect(b.conflictBadge(TASK, '状态冲突：打开任务卡查看双方的更改')).toBeVisible({ timeout: 30_000 });
    const alertsA = pageA.getByRole('region', { name: '涉及您的更改的状态冲突' });
    await expect(alertsA).toContainText(`${TASK}：王医生 改为“受阻”未生效；保持“已完成”`);
    await pageA.screenshot({ path: 'test-results/screens/board-conflict-alert-zh-CN.png' });

    // A opens the notice from the list: it names both people, both values, and offers the three answers.
    await alertsA.getByRole('button', { name: `打开“${TASK}”` }).click();
    const noticeA = pageA.getByTestId('task-editor').getByRole('group', { name: '状态冲突' });
    await expect(noticeA).toContainText('王医生');
    await expect(noticeA).toContainText('“受阻”');
    await expect(noticeA).toContainText('Duty Officer Chen 已于');
    await expect(noticeA).toContainText('设为“已完成”');
    await expect(noticeA.getByRole('button', { name: '保持“已完成”' })).toBeVisible();
    await expect(noticeA.getByRole('button', { name: '改为“受阻”' })).toBeVisible();
    await pageA.screenshot({ path: 'test-results/screens/board-conflict-notice-zh-CN.png' });

    // A dismisses it for themself: A's badge and list go, B still has the notice.
    await noticeA.getByRole('button', { name: '我已知悉' }).click();
    await expect(noticeA.getByRole('button', { name: '我已知悉' })).toHaveCount(0);
    await pageA.getByTestId('task-editor').getByRole('button', { name: '取消' }).click();
    await expect(a.conflictBadge(TASK, /状态冲突/)).toHaveCount(0);
    await expect(alertsA).toHaveCount(0);
    await expect(b.conflictBadge(TASK, /状态冲突/)).toBeVisible();

    // B reads it in English and settles it by keeping "Done": a change that reaches A too.
    await shellB.switchLanguage();
    const badgeB = b.conflictBadge(TASK, 'Status conflict: open the card to see both changes');
    await expect(badgeB).toBeVisible();
    await b.openCard(TASK);
    const noticeB = pageB.getByTestId('task-editor').getByRole('group', { name: 'Status conflict' });
    await expect(noticeB).toContainText('王医生 moved it to “Blocked”');
    await expect(noticeB).toContainText('Duty Officer Chen had set “Done”');
    await pageB.screenshot({ path: 'test-results/screens/board-conflict-notice-en.png' });
    await noticeB.getByRole('button', { name: 'Keep “Done”' }).click();
    await expect(noticeB).toHaveCount(0);
    await pageB.getByTestId('task-editor').getByRole('button', { name: 'Cancel' }).click();
    await expect(badgeB).toHaveCount(0);
    await expect(b.column('done')).toContainText(TASK);

    // The timeline keeps both decisions and the settlement, on both desks.
    await b.tab('timeline').click();
    const timelineB = pageB.getByTestId('timeline');
    await expect(timelineB.locator('[data-type="task_done"]').getByTestId('actor')).toHaveText('Duty Officer Chen');
    await expect(timelineB.locator('[data-type="task_conflict"]')).toContainText('move to “Blocked” not applied');
    await expect(timelineB.locator('[data-type="task_conflict"]').getByTestId('actor')).toHaveText('王医生');
    await expect(timelineB.locator('[data-type="task_conflict_resolved"]')).toContainText('conflict settled as “Done”');
    await pageB.screenshot({ path: 'test-results/screens/board-conflict-timeline-en.png' });
    await a.tab('timeline').click();
    await expect(pageA.getByTestId('timeline').locator('[data-type="task_conflict_resolved"]')).toContainText('冲突已裁定为“已完成”', { timeout: 30_000 });
    await expect(pageA.getByTestId('timeline').locator('[data-type="task_done"]')).toContainText(TASK);
  } finally {
    await rig.close();
  }
});
