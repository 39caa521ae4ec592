import type { Page } from '@playwright/test';
import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { toZonedInputValue } from '../../src/renderer/lib/time';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const USER = { username: 'ic-duty', password: 'command-room-2026' };
// How soon a change reaches the other desk is a benchmark figure (`npm run bench:sync`: propagation p50/p99), not
// a timed assertion here: under CI's parallel load a one-second budget measures the machine, not the product.

async function logIn(page: Page, serverUrl: string): Promise<void> {
  await logInToServer(page, serverUrl, USER);
  await page.getByTestId('nav-board').click();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/board-${name}.png` });
}

test('two workstations run a short incident on the board, also while one is offline, and converge', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: USER, roles: 'incident_commander' });
  try {
    const hosts = rig.hosts;
    const [hostA, hostB] = hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const shellA = new CommandCentre(pageA);
    const shellB = new CommandCentre(pageB);
    const a = new BoardPage(pageA);
    const b = new BoardPage(pageB);
    await shellA.open(hostA.url);
    await shellB.open(hostB.url);
    // A reaches the server through a proxy the test can unplug.
    await logIn(pageA, rig.proxiedUrl);
    await logIn(pageB, rig.serverUrl);

    // Declare on A; B follows the same incident.
    await shellA.declareIncident({ name: '高速客车侧翻 批量伤员', type: 'mass_casualty', level: 'II', location: 'G15 32 号出口' });
    await expect(shellA.incidentName).toHaveText('高速客车侧翻 批量伤员');
    await expect(pageA.getByTestId('report-clock')).toHaveAttribute('data-state', /ok|yellow|red/);
    await expect(pageB.getByTestId('incident-list')).toContainText('高速客车侧翻 批量伤员');
    await shellB.makeCurrent('高速客车侧翻 批量伤员');

    // Staff the command: the IC and two section chiefs. B sees each without reloading.
    await a.assign('ic', '张建国');
    await a.answerJasOffer(false);
    await expect(b.tab('org')).toBeVisible();
    await b.tab('org').click();
    await expect(b.position('ic')).toContainText('张建国');
    await a.assign('ops', '李敏');
    await a.answerJasOffer(true);
    await expect(b.position('ops')).toContainText('李敏');
    await a.assign('logistics', '王强');
    await a.answerJasOffer(false);
    await expect(b.position('logistics')).toContainText('王强');
    await expect(pageA.getByTestId('vacancies')).toContainText('计划组组长');
    await shoot(pageA, 'org-zh-CN');

    // Objectives and tasks.
    await a.addObjective('一小时内完成全部伤员检伤分类');
    await b.tab('tasks').click();
    await expect(pageB.getByTestId('objectives')).toContainText('一小时内完成全部伤员检伤分类');
    await a.createTask({ title: '开设急诊绿色通道', section: 'operations', assignee: 'p:ops', priority: 'urgent', objective: '一小时内完成全部伤员检伤分类' });
    await a.createTask({ title: '调配 O 型血 20 单位', section: 'logistics', assignee: 'p:logistics', priority: 'high', due: '2020-01-01T08:00' });
    await expect(b.card('开设急诊绿色通道')).toBeVisible();
    await expect(b.card('调配 O 型血 20 单位')).toHaveAttribute('data-overdue', 'true');

    // Move with the keyboard on A (to in progress), drag on B (to blocked), complete on A.
    await a.moveWithKeys('开设急诊绿色通道', 'ArrowRight');
    await expect(a.column('in_progress')).toContainText('开设急诊绿色通道');
    await expect(b.column('in_progress')).toContainText('开设急诊绿色通道');
    await b.dragTo('调配 O 型血 20 单位', 'blocked');
    await expect(b.column('blocked')).toContainText('调配 O 型血 20 单位');
    await expect(a.column('blocked')).toContainText('调配 O 型血 20 单位');
    await a.moveWithKeys('开设急诊绿色通道', 'ArrowRight');
    await a.moveWithKeys('开设急诊绿色通道', 'ArrowRight');
    await expect(a.column('done')).toContainText('开设急诊绿色通道');
    await expect(b.column('done')).toContainText('开设急诊绿色通道');
    await shoot(pageA, 'tasks-zh-CN');

    // Log entries and a message.
    await a.log('首批 12 名伤员到院，红区 3 人', 'ops');
    await b.tab('log').click();
    await expect(pageB.getByTestId('activity-log')).toContainText('首批 12 名伤员到院，红区 3 人');
    await a.sendMessage({ to: '后勤保障组组长', from: '总指挥 张建国', subject: '血库库存', message: '请在 30 分钟内报告血库库存' });
    await expect(pageB.getByTestId('messages')).toContainText('血库库存');

    // Unplug A: it keeps working offline while B works too.
    rig.proxy.setMode('down');
    await a.log('离线期间：第二批伤员 8 人到院');
    await a.tab('tasks').click();
    await a.createTask({ title: '联系市血站紧急调血', section: 'logistics', assignee: 'p:logistics' });
    await expect(pageA.getByTestId('status-area')).toHaveAttribute('data-state', 'offline');
    await b.tab('tasks').click();
    await b.moveWithKeys('调配 O 型血 20 单位', 'ArrowRight');
    await expect(b.column('done')).toContainText('调配 O 型血 20 单位');
    await expect(b.card('联系市血站紧急调血')).toHaveCount(0);

    // Plug A back in: both converge.
    rig.proxy.setMode('up');
    await expect(pageA.getByTestId('status-area')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(b.card('联系市血站紧急调血')).toBeVisible({ timeout: 15_000 });
    await expect(a.column('done')).toContainText('调配 O 型血 20 单位', { timeout: 15_000 });
    for (const board of [a, b]) {
      await board.tab('tasks').click();
      await expect(board.column('done').getByTestId('task-card')).toHaveCount(2);
      await expect(board.column('todo')).toContainText('联系市血站紧急调血');
    }
    await b.tab('log').click();
    await expect(pageB.getByTestId('activity-log')).toContainText('离线期间：第二批伤员 8 人到院', { timeout: 15_000 });

    // The statutory report: the header's button opens the Reports tab on that deadline's report, drafted from the
    // incident; signed off and recorded as sent, it stops the header clock on both.
    await pageA.getByTestId('record-report').click();
    await expect(pageA.getByRole('tab', { name: '报告与表单' })).toHaveAttribute('aria-selected', 'true');
    const focus = pageA.getByTestId('report-focus');
    await expect(focus).toContainText('向卫生健康行政部门报告');
    await focus.getByRole('button', { name: '为此时限起草初步报告' }).click();
    const report = pageA.getByTestId('report-card');
    await expect(report).toHaveAttribute('data-status', 'draft');
    await expect(report).toHaveAttribute('data-focused', 'true');
    await expect(focus).toContainText('报告见下方');
    await expect(pageA.getByTestId('report-clock')).toHaveAttribute('data-state', /ok|yellow|red/);
    await report.getByLabel('签发人（姓名）').fill('张建国');
    await report.getByRole('button', { name: '签发', exact: true }).click();
    await expect(report).toHaveAttribute('data-status', 'approved');
    await report.getByLabel('接收人').fill('区疾控中心值班员');
    await report.getByRole('button', { name: '登记为已报送' }).click();
    await expect(report).toHaveAttribute('data-status', 'sent');
    await expect(pageA.getByTestId('report-clock')).toHaveAttribute('data-state', 'reported');
    await shoot(pageA, 'report-from-header-zh-CN');
    await expect(pageB.getByTestId('report-clock')).toHaveAttribute('data-state', 'reported', { timeout: 5_000 });

    // A deadline a user adds: once the statutory clock has stopped, the header counts it down on both stations.
    const followUp = '向市卫健委续报伤员情况';
    // 25 minutes ahead in the hospital's zone (the default Asia/Shanghai), so under the 30-minute warning: yellow.
    await a.addDeadline({ title: followUp, due: toZonedInputValue(Date.now() + 25 * 60_000, 'Asia/Shanghai'), to: '市卫生健康委员会' });
    const clockA = pageA.getByTestId('report-clock');
    await expect(clockA).toContainText(followUp);
    await expect(clockA).toHaveAttribute('data-state', 'yellow');
    const countdown = clockA.locator('.report-countdown');
    await expect(countdown).toHaveText(/^00:2[45]:\d\d$/);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? '', { timeout: 3_000 });
    await expect(pageB.getByTestId('report-clock')).toContainText(followUp, { timeout: 5_000 });
    await expect(a.deadline(followUp)).toHaveAttribute('data-state', 'yellow');
    await expect(pageA.getByTestId('deadline').filter({ hasText: '张建国' })).toHaveAttribute('data-state', 'reported');
    await pageA.evaluate(() => window.scrollTo(0, 0));
    await shoot(pageA, 'deadlines-zh-CN');

    // A follow-up made by phone is no written report: its clock is stopped from the deadline itself, with who
    // reported, to whom and when; both stations then show it reported.
    await pageA.getByRole('button', { name: `登记“${followUp}”已报送` }).click();
    const record = pageA.getByRole('form', { name: `登记“${followUp}”已报送` });
    await record.getByLabel('报送人').fill('王芳');
    await expect(record.getByLabel('报送对象')).toHaveValue('市卫生健康委员会');
    await record.getByRole('button', { name: '停止计时' }).click();
    await expect(a.deadline(followUp)).toHaveAttribute('data-state', 'reported');
    await expect(a.deadline(followUp)).toContainText('王芳');
    await b.tab('tasks').click();
    await expect(b.deadline(followUp)).toHaveAttribute('data-state', 'reported', { timeout: 5_000 });
    await expect(pageB.getByTestId('report-clock')).not.toContainText(followUp);
    await shoot(pageA, 'deadline-recorded-zh-CN');

    await a.tab('timeline').click();
    const timeline = pageA.getByTestId('timeline');
    for (const type of ['declared', 'assigned', 'task_done', 'log', 'message', 'report_recorded']) {
      await expect(timeline.locator(`[data-type="${type}"]`).first()).toBeVisible();
    }
    await shoot(pageA, 'timeline-zh-CN');

    // HICS 207 on paper: the chart alone, none of the screen's navigation or forms.
    await a.tab('org').click();
    await pageA.emulateMedia({ media: 'print' });
    await expect(a.position('ic')).toBeVisible();
    await expect(a.position('ops')).toContainText('李敏');
    for (const hidden of ['nav-board', 'tab-org', 'report-clock', 'org-show-all', 'declare-form']) await expect(pageA.getByTestId(hidden)).toBeHidden();
    // Shown at the printable width of A4 landscape (297 mm less 2 x 10 mm margins at 96 dpi) to see what paper gets.
    await pageA.setViewportSize({ width: 1047, height: 740 });
    // Nothing of the chart is cut: its body needs no horizontal scrolling at paper width.
    const overflow = await pageA.locator('.org-body').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(pageA.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    await pageA.screenshot({ path: 'test-results/screens/board-org-print.png', fullPage: true });
    await pageA.pdf({ path: 'test-results/screens/board-org-print.pdf', format: 'A4', landscape: true, printBackground: true });
    await pageA.emulateMedia({ media: 'screen' });
    await pageA.setViewportSize({ width: 1600, height: 1000 });

    // The same screens in English.
    await shellA.switchLanguage();
    await expect(a.tab('timeline')).toHaveText('Timeline');
    await shoot(pageA, 'timeline-en');
    await a.tab('org').click();
    await shoot(pageA, 'org-en');
    await a.tab('tasks').click();
    await shoot(pageA, 'tasks-en');
    await a.tab('log').click();
    await shoot(pageA, 'log-en');
  } finally {
    await rig.close();
  }
});
