import { expect, test } from './fixtures/test';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';

/** Issue 13, drill fix 1: the next operational period keeps the command structure and objectives the commander confirms. */

const minutesOfDay = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

test('starting period 2 carries over the org chart and open objectives as confirmed, from the planned time, for the length chosen', async ({ page, host }) => {
  const app = new CommandCentre(page);
  const board = new BoardPage(page);
  await app.open(host.url);
  await app.declareIncident({ name: '高速客车侧翻 批量伤员', type: 'mass_casualty', level: 'II', location: 'G15 32 号出口' });
  await expect(app.incidentName).toHaveText('高速客车侧翻 批量伤员');
  await board.assign('ic', '张建国');
  await board.answerJasOffer(false);
  await board.assign('ops', '李敏');
  await board.answerJasOffer(false);
  await board.assign('logistics', '王强');
  await board.answerJasOffer(false);
  await board.addObjective('一小时内完成全部伤员检伤分类');
  await board.addObjective('开放 20 张扩容床位');
  const range = app.header.getByTestId('period').locator('.period-range');
  const [, plannedEnd] = (await range.textContent())?.split(' 至 ') ?? [];
  expect(plannedEnd).toBeTruthy();

  await page.getByRole('button', { name: '开始第 2 行动周期' }).click();
  const dialog = page.getByRole('dialog', { name: '开始第 2 行动周期' });
  await expect(dialog).toBeVisible();
  // The commander edits one objective, lets logistics go and shortens the period to 8 hours.
  await dialog.getByLabel('目标 1').fill('30 分钟内完成剩余伤员复检');
  await dialog.getByRole('checkbox', { name: /王强/ }).uncheck();
  await dialog.getByLabel('时长（小时）').fill('8');
  await page.screenshot({ path: 'test-results/screens/next-period-dialog-zh-CN.png', fullPage: true });
  await dialog.getByRole('button', { name: '开始第 2 行动周期' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(app.header.getByTestId('period')).toContainText('第 2 行动周期');
  // Period 2 starts where period 1 was planned to end, not at the click, and lasts the 8 hours chosen.
  const [start, end] = (await range.textContent())?.split(' 至 ') ?? [];
  expect(start).toBe(plannedEnd);
  const startTime = start?.slice(-5) ?? '';
  const endTime = end?.slice(-5) ?? '';
  expect((minutesOfDay(endTime) - minutesOfDay(startTime) + 24 * 60) % (24 * 60)).toBe(8 * 60);

  const objectives = page.getByTestId('objectives');
  await expect(objectives).toContainText('第 2 行动周期目标');
  await expect(objectives.getByTestId('objective')).toHaveText([/30 分钟内完成剩余伤员复检/, /开放 20 张扩容床位/]);

  await board.tab('org').click();
  await expect(board.position('ic')).toContainText('张建国');
  await expect(board.position('ops')).toContainText('李敏');
  await expect(page.getByTestId('vacancies')).toContainText('后勤保障组组长');
  await page.screenshot({ path: 'test-results/screens/next-period-org-zh-CN.png', fullPage: true });
});
