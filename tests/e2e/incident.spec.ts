import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const RED = 'rgb(229, 57, 53)';
const ORANGE = 'rgb(251, 140, 0)';

test('declares an incident, shows it in the header with its level colour, and still has it after a host restart', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await expect(app.incidentName).toHaveCount(0);

  await app.declareIncident({ name: '高速公路客车相撞 批量伤员', type: 'mass_casualty', level: 'I', location: 'G15 沈海高速 32 号出口' });

  await expect(app.incidentName).toHaveText('高速公路客车相撞 批量伤员');
  await expect(app.header).toHaveAttribute('data-level', 'I');
  await expect(app.levelBadge()).toHaveText('Ⅰ级（特别重大）');
  await expect(app.levelBadge()).toHaveCSS('background-color', RED);
  await expect(app.header).toContainText('第 1 行动周期');
  await expect(page.getByTestId('incident-list')).toContainText('高速公路客车相撞 批量伤员');
  await expect(page.getByTestId('pending-count')).toContainText('1');
  await page.screenshot({ path: 'test-results/screens/incident-declared-zh-CN.png', fullPage: true });

  await app.changeLevel('II', '伤员已分流，降为Ⅱ级响应');
  await expect(app.levelBadge()).toHaveText('Ⅱ级（重大）');
  await expect(app.levelBadge()).toHaveCSS('background-color', ORANGE);

  const newUrl = await host.restart();
  await app.open(newUrl);
  await expect(app.incidentName).toHaveText('高速公路客车相撞 批量伤员');
  await expect(app.header).toHaveAttribute('data-level', 'II');
  await expect(app.levelBadge()).toHaveCSS('background-color', ORANGE);

  await page.goto(`${newUrl}/wall`);
  await expect(page.getByTestId('wall')).toHaveAttribute('data-level', 'II');
  await expect(page.getByTestId('wall')).toContainText('高速公路客车相撞 批量伤员');
  await page.screenshot({ path: 'test-results/screens/wall-zh-CN.png' });
});

test('shows a refused change as a translated error and changes nothing', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await app.declareIncident({ name: 'Ward 5 power failure', type: 'utility_failure', level: 'IV', location: 'Ward 5' });
  await expect(app.levelBadge()).toHaveText('Ⅳ级（一般）');

  // The domain requires a reason for a level change; the workstation refuses and names the field.
  await app.changeLevel('I', '   ');
  const error = page.getByTestId('incident-controls').getByRole('alert');
  await expect(error).toHaveAttribute('data-error-code', 'invalid_request');
  await expect(error).toContainText('填写内容不符合要求');
  await expect(error).toContainText('调整原因');
  await expect(app.header).toHaveAttribute('data-level', 'IV');
});

test('closing an incident lists its open tasks for a decision, then header, board and wall show it closed with stopped clocks', async ({ page, host }) => {
  const app = new CommandCentre(page);
  const board = new BoardPage(page);
  await app.open(host.url);
  await app.declareIncident({ name: '高速公路客车相撞 批量伤员', type: 'mass_casualty', level: 'II', location: 'G15 沈海高速 32 号出口' });
  await expect(app.incidentName).toHaveText('高速公路客车相撞 批量伤员');
  await board.createTask({ title: '开放急诊扩容床位' });
  await board.createTask({ title: '通报市卫健委' });
  // Live: the level badge and a running countdown to the 2-hour report.
  await expect(app.levelBadge()).toHaveText('Ⅱ级（重大）');
  await expect(app.header.locator('.report-countdown')).toBeVisible();

  const lifecycle = page.getByTestId('lifecycle');
  await lifecycle.getByLabel('原因（撤收或结束时必填）').fill('伤员全部分流完毕');
  await lifecycle.getByRole('button', { name: '结束事件', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '结束此事件？' });
  await expect(dialog).toBeVisible();
  const open = dialog.getByRole('list', { name: '未完成的任务' }).getByRole('listitem');
  await expect(open).toHaveCount(2);
  await expect(open.filter({ hasText: '开放急诊扩容床位' })).toHaveCount(1);
  await expect(open.filter({ hasText: '通报市卫健委' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/incident-close-confirm-zh-CN.png', fullPage: true });

  // Going back changes nothing.
  await dialog.getByRole('button', { name: '返回' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('incident-status')).toHaveText('响应中');
  await expect(app.header).toHaveAttribute('data-standing', 'active');

  // Closing anyway: the commander's decision.
  await lifecycle.getByRole('button', { name: '结束事件', exact: true }).click();
  await dialog.getByRole('button', { name: '结束事件', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('incident-status')).toHaveText('响应已终止');

  // The header: closed at a time, no level colour, no countdown, the clock's outcome instead.
  await expect(app.header).toHaveAttribute('data-standing', 'closed');
  await expect(app.header.getByTestId('closed-badge')).toHaveText(/^已于 \d{2}:\d{2} 结束$/);
  await expect(app.levelBadge()).toHaveCount(0);
  await expect(app.header).not.toHaveClass(/stripe-orange/);
  await expect(app.header.getByTestId('report-clock')).toHaveAttribute('data-state', 'closed');
  await expect(app.header.getByTestId('report-clock')).toContainText('向卫生健康行政部门报告：结束时未到期');
  await expect(app.header.locator('.report-countdown')).toHaveCount(0);
  await expect(app.header.getByTestId('record-report')).toHaveCount(0);

  // The board: everything readable, the main write controls off.
  await expect(page.getByRole('note')).toContainText('不能再修改');
  await expect(page.getByTestId('new-task')).toBeDisabled();
  await expect(page.getByTestId('start-period')).toBeDisabled();
  await expect(page.getByTestId('incident-controls').getByRole('button', { name: '确认调整级别' })).toBeDisabled();
  await expect(board.card('开放急诊扩容床位')).toBeVisible();
  await expect(page.getByTestId('deadline').first()).toHaveAttribute('data-state', 'not_due');
  await page.screenshot({ path: 'test-results/screens/incident-closed-zh-CN.png', fullPage: true });

  // The wall: closed, no level colour.
  await page.goto(`${host.url}/wall`);
  const wall = page.getByTestId('wall');
  await expect(wall).toHaveAttribute('data-standing', 'closed');
  await expect(wall.getByTestId('closed-badge')).toHaveText(/^已于 \d{2}:\d{2} 结束$/);
  await expect(wall.locator('.level-badge')).toHaveCount(0);
  await expect(wall).not.toHaveClass(/wall-orange/);
  await page.screenshot({ path: 'test-results/screens/wall-closed-zh-CN.png' });
});

test('serves the favicon the page links, as an SVG', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('/favicon.svg');
  const response = await page.request.get(`${host.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});
