import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const CHEN: RigUser = { username: 'officer-chen', password: 'command-room-2026', displayName: 'Duty Officer Chen' };

test('the board names who wrote a log entry and a message on the other workstation, on the log and the timeline', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: CHEN, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(pageA, hostA.url, rig.proxiedUrl, WANG);
    await openDeskAs(pageB, hostB.url, rig.serverUrl, CHEN);
    const shellA = new CommandCentre(pageA);
    const shellB = new CommandCentre(pageB);
    const a = new BoardPage(pageA);
    const b = new BoardPage(pageB);

    await shellA.declareIncident({ name: '急诊批量伤员 高速车祸', type: 'mass_casualty', level: 'II', location: '急诊抢救室' });
    await expect(shellA.incidentName).toHaveText('急诊批量伤员 高速车祸');
    await expect(pageB.getByTestId('incident-list')).toContainText('急诊批量伤员 高速车祸');
    await shellB.makeCurrent('急诊批量伤员 高速车祸');

    // Desk A (王医生) writes to the incident log; desk B sees the entry with A's name, not an id or a blank.
    const entry = '伤员分流：绿区 12 人，黄区 5 人，红区 2 人';
    await a.log(entry);
    await expect(pageA.getByTestId('log-entry').filter({ hasText: entry }).getByTestId('actor')).toHaveText('王医生');
    await b.tab('log').click();
    const seenOnB = pageB.getByTestId('log-entry').filter({ hasText: entry });
    await expect(seenOnB.getByTestId('actor')).toHaveText('王医生');
    await expect(seenOnB.getByTestId('actor')).toHaveAttribute('title', 'dr-wang');

    // Desk B (Duty Officer Chen) sends a general message; A sees who entered it.
    await b.sendMessage({ to: '指挥长', from: '陈 / 计划组', subject: '床位报告', message: '5 号病区可再开 20 张床' });
    await a.tab('log').click();
    const message = pageA.getByTestId('message').filter({ hasText: '床位报告' });
    await expect(message.getByTestId('actor')).toHaveText('Duty Officer Chen');
    await expect(pageB.getByTestId('message').filter({ hasText: '床位报告' }).getByTestId('actor')).toHaveText('Duty Officer Chen');
    await pageB.screenshot({ path: 'test-results/screens/board-who-zh-CN.png' });

    // The timeline on B says who did each thing too.
    await b.tab('timeline').click();
    const timeline = pageB.getByTestId('timeline-item');
    await expect(timeline.filter({ hasText: entry }).getByTestId('actor')).toHaveText('王医生');
    await expect(pageB.locator('[data-testid="timeline-item"][data-type="declared"]').getByTestId('actor')).toHaveText('王医生');
    await expect(pageB.locator('[data-testid="timeline-item"][data-type="message"]').getByTestId('actor')).toHaveText('Duty Officer Chen');
    await expect(pageB.getByTestId('timeline').getByTestId('actor').filter({ hasText: /^$/ })).toHaveCount(0);
    await pageB.screenshot({ path: 'test-results/screens/board-who-timeline-zh-CN.png' });
  } finally {
    await rig.close();
  }
});

test('a workstation that never logged in names its own entries "this workstation", in either language', async ({ page, host }) => {
  const shell = new CommandCentre(page);
  const board = new BoardPage(page);
  await shell.open(host.url);
  await shell.declareIncident({ name: '院内停电 5 号病区', type: 'utility_failure', level: 'IV', location: '5 号病区' });
  await expect(shell.incidentName).toHaveText('院内停电 5 号病区');
  await board.log('启动备用发电机');
  const actor = page.getByTestId('log-entry').filter({ hasText: '启动备用发电机' }).getByTestId('actor');
  await expect(actor).toHaveText('本工作站');
  await shell.switchLanguage();
  await expect(actor).toHaveText('This workstation');
});
