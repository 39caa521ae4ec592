import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { PlansPage } from './pages/plans';
import { expect, test } from './fixtures/test';

// A step that cannot happen fails at that step, not at the end of the whole story.
test.use({ actionTimeout: 15_000, viewport: { width: 1600, height: 1100 } });

async function shoot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/after-action-${name}.png`, fullPage: true });
}

test('the commander closes an incident, drafts its after-action report with the figures, turns an area for improvement into a corrective action on the mass-casualty plan’s procedures, and the plan’s next revision closes it', async ({ page, host }) => {
  test.setTimeout(120_000);
  const shell = new CommandCentre(page);
  const plans = new PlansPage(page);
  const board = new BoardPage(page);
  await shell.open(host.url);
  await plans.open();
  await plans.loadAndApprove('mass_casualty', '院长 王建国', '批准人姓名');

  // An incident with one red casualty, admitted, and a task still open at the close.
  await page.getByTestId('nav-board').click();
  await shell.declareIncident({ name: '高速客车侧翻 批量伤员', type: 'mass_casualty', level: 'II', location: 'G15 32 号出口' });
  await expect(shell.incidentName).toHaveText('高速客车侧翻 批量伤员');
  await board.createTask({ title: '补充创伤复苏室物资' });
  await page.getByTestId('nav-casualties').click();
  const entry = page.getByTestId('casualty-entry');
  await entry.getByLabel('伤票号').fill('HZ-0001');
  await entry.getByRole('radio', { name: '红色·危重' }).check();
  await entry.getByLabel('区域/科室').fill('抢救室');
  await entry.getByLabel('区域/科室').press('Enter');
  await expect(entry.getByTestId('casualty-saved')).toHaveText('已登记伤票 HZ-0001。');
  await page.getByTestId('casualty-grid').getByText('HZ-0001', { exact: true }).click();
  const detail = page.getByTestId('casualty-detail');
  await detail.getByRole('combobox', { name: '去向', exact: true }).selectOption({ label: '收住院' });
  await detail.getByRole('button', { name: '记录去向' }).click();
  await expect(detail).toHaveAttribute('data-disposition', 'admitted');

  await page.getByTestId('nav-board').click();
  const lifecycle = page.getByTestId('lifecycle');
  await lifecycle.getByLabel('原因（撤收或结束时必填）').fill('伤员全部分流完毕');
  await lifecycle.getByRole('button', { name: '结束事件', exact: true }).click();
  await page.getByRole('dialog', { name: '结束此事件？' }).getByRole('button', { name: '结束事件', exact: true }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('响应已终止');

  // The after-action report: drafted from the records.
  await page.getByRole('tab', { name: '事后评估报告' }).click();
  const aar = page.getByTestId('aar');
  await aar.getByRole('button', { name: '起草事后评估报告' }).click();
  await expect(aar.getByTestId('aar-casualties')).toContainText('合计 1');
  await expect(aar.getByTestId('aar-casualties')).toContainText('收住院 1');
  await expect(aar.getByTestId('aar-open-tasks')).toContainText('补充创伤复苏室物资');
  await expect(aar.getByTestId('aar-deadlines')).toContainText('结束时未到期');

  await aar.getByLabel('概述').fill('一名红色伤员一小时内收住院。');
  await aar.getByRole('button', { name: '保存概述' }).click();
  await aar.getByLabel('新增优势').fill('十分钟内完成检伤');
  await aar.getByTestId('aar-strengths').getByRole('button', { name: '添加' }).click();
  await expect(aar.getByTestId('aar-strengths-item')).toHaveText('十分钟内完成检伤');
  await aar.getByLabel('新增待改进领域').fill('血库通知过晚');
  await aar.getByTestId('aar-improvements').getByRole('button', { name: '添加', exact: true }).last().click();
  const improvement = aar.getByTestId('aar-improvements-item').filter({ hasText: '血库通知过晚' });
  await expect(improvement).toHaveCount(1);

  // The area for improvement becomes a corrective action on the plan's procedures section.
  await improvement.getByText('新增整改措施').click();
  const form = improvement.getByRole('form', { name: '新增整改措施' });
  await form.getByLabel('整改措施').fill('启动预案时即通知血库');
  await form.getByLabel('责任人').fill('输血科 陈主任');
  await form.getByLabel('完成期限').fill('2027-01-15');
  await form.getByRole('combobox', { name: '预案', exact: true }).selectOption({ label: 'MCI-01 成批伤员医疗救治应急预案' });
  await form.getByRole('combobox', { name: '预案章节' }).selectOption({ label: '应急处置流程' });
  await form.getByRole('button', { name: '添加' }).click();
  const action = improvement.getByTestId('aar-action');
  await expect(action).toContainText('启动预案时即通知血库');
  await expect(action).toContainText('MCI-01 应急处置流程');
  await expect(action.getByRole('combobox', { name: '状态' })).toHaveValue('open');
  await shoot(page, 'report-zh-CN');

  // The plan lists it; its next revision closes it, and the new version says so.
  await plans.open();
  await plans.row('MCI-01').click();
  const planDetail = page.getByTestId('plan-detail');
  await expect(planDetail.getByTestId('plan-corrective-actions')).toContainText('启动预案时即通知血库');
  await planDetail.getByTestId('plan-upkeep').locator('summary').click();
  await planDetail.getByLabel('修订内容').fill('启动时同步通知血库');
  await planDetail.getByTestId('plan-closes-pick').getByRole('checkbox').check();
  await planDetail.getByRole('button', { name: '启动新版本修订' }).click();
  await planDetail.getByTestId('plan-version').filter({ hasText: '草稿' }).click();
  await expect(planDetail.getByTestId('plan-closes')).toContainText('启动预案时即通知血库');
  await shoot(page, 'plan-revision-zh-CN');

  // The same report in English.
  await shell.switchLanguage();
  await page.getByTestId('nav-board').click();
  await page.getByRole('tab', { name: 'After-action report' }).click();
  await expect(page.getByTestId('aar-deadlines')).toContainText('Not due at close');
  await expect(page.getByTestId('aar-action')).toContainText('taken up by plan revision');
  await shoot(page, 'report-en');
});
