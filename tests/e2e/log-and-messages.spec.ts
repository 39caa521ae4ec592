import { toZonedInputValue } from '../../src/renderer/lib/time';
import { openDeskAs, startSyncRig } from './fixtures/sync-rig';
import { expect, test } from './fixtures/test';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';

/** Issue 13, drill fix 10: late log entries say so, and a general message is acknowledged by its recipient at their desk. */

const COMMANDER = { username: 'ic-duty', password: 'command-room-2026', displayName: '张指挥' };
const LOGISTICS = { username: 'logistics-duty', password: 'logistics-room-2026', displayName: '王后勤' };
const INCIDENT = '高速客车侧翻 批量伤员';

test('a log entry dated 40 minutes back needs a reason and shows both times; a message to the logistics chief waits on their desk until they acknowledge it', async ({ browser }) => {
  test.setTimeout(150_000);
  const rig = await startSyncRig({ user: COMMANDER, roles: 'incident_commander', moreUsers: [{ user: LOGISTICS, roles: 'logistics_chief' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(pageA, hostA.url, rig.serverUrl, COMMANDER);
    await openDeskAs(pageB, hostB.url, rig.serverUrl, LOGISTICS);
    const shellA = new CommandCentre(pageA);
    const a = new BoardPage(pageA);
    const b = new BoardPage(pageB);
    await shellA.declareIncident({ name: INCIDENT, type: 'mass_casualty', level: 'II', location: 'G15 32 号出口' });
    await expect(shellA.incidentName).toHaveText(INCIDENT);
    await expect(pageB.getByTestId('incident-list')).toContainText(INCIDENT);
    await new CommandCentre(pageB).makeCurrent(INCIDENT);

    // A late entry: the second bus arrived 40 minutes ago and is only now written up.
    await a.tab('log').click();
    const log = pageA.getByTestId('activity-log');
    await log.getByLabel('重要活动', { exact: true }).fill('第二辆客车抵达，伤员 14 人');
    await expect(log.getByLabel('补记原因')).toHaveCount(0);
    await log.getByLabel(/发生时间/).fill(toZonedInputValue(Date.now() - 40 * 60_000, 'Asia/Shanghai'));
    await log.getByLabel('补记原因').fill('高峰过后根据电台记录补记');
    await log.getByRole('button', { name: '记录', exact: true }).click();
    const late = log.getByTestId('log-entry').filter({ hasText: '第二辆客车抵达' });
    await expect(late).toHaveAttribute('data-backdated', 'yes');
    await expect(late.getByTestId('backdated-note')).toContainText('补记');
    await expect(late.getByTestId('backdated-note')).toContainText('录入于');
    await expect(late).toContainText('补记原因：高峰过后根据电台记录补记');
    await a.log('指挥部在行政楼三层开设');
    await expect(log.getByTestId('log-entry').filter({ hasText: '指挥部在行政楼三层开设' }).getByTestId('backdated-note')).toHaveCount(0);
    await pageA.screenshot({ path: 'test-results/screens/log-backdated-zh-CN.png' });

    // A message to the logistics chief, who must acknowledge it at their own desk.
    const messagesA = pageA.getByTestId('messages');
    await messagesA.getByLabel('接收人（在其工作站确认收到）').selectOption({ label: '王后勤' });
    await a.sendMessage({ to: '后勤保障组组长', from: '张指挥 / 指挥长', subject: 'O 型血 20 单位', message: '请于 30 分钟内调配至急诊' });
    const sent = messagesA.getByTestId('message').filter({ hasText: 'O 型血 20 单位' });
    await expect(sent.getByTestId('message-ack')).toHaveAttribute('data-state', 'awaiting');
    await expect(sent.getByTestId('message-ack')).toContainText('王后勤');
    await expect(sent.getByRole('button', { name: '确认收到' })).toHaveCount(0);

    await expect(pageB.getByTestId('inbox-count')).toHaveText('1');
    await b.tab('log').click();
    const inbox = pageB.getByRole('region', { name: '待您确认的通知（1）' });
    await expect(inbox).toContainText('O 型血 20 单位');
    await pageB.screenshot({ path: 'test-results/screens/message-inbox-zh-CN.png' });
    await inbox.getByRole('button', { name: '确认收到' }).click();
    await expect(pageB.getByTestId('message-inbox')).toHaveCount(0);
    await expect(pageB.getByTestId('inbox-count')).toHaveCount(0);

    await expect(sent.getByTestId('message-ack')).toHaveAttribute('data-state', 'acknowledged');
    await expect(sent.getByTestId('message-ack')).toContainText('已确认收到 王后勤');
    await pageA.screenshot({ path: 'test-results/screens/message-acknowledged-zh-CN.png' });
  } finally {
    await rig.close();
  }
});
