import { execFileSync } from 'node:child_process';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const INCIDENT = '环城路大巴侧翻';

test('the officer writes the 2-hour report from the incident, signs it off and records it sent: the header clock stops only then, and the PDF carries the casualty counts', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const app = new CommandCentre(page);
  await app.open(host.url);
  await app.declareIncident({ name: INCIDENT, type: 'mass_casualty', level: 'II', location: '环城路与建设路口' });
  await expect(app.incidentName).toHaveText(INCIDENT);
  const clock = page.getByTestId('report-clock');
  await expect(clock).toHaveAttribute('data-state', /ok|yellow|red/);

  // 3 red and 5 green casualties arrive.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  const bulk = page.getByTestId('casualty-bulk');
  for (const [count, colour] of [['3', '红色·危重'], ['5', '绿色·轻伤']] as const) {
    await bulk.getByLabel('人数').fill(count);
    await bulk.getByRole('radio', { name: colour }).check();
    await bulk.getByLabel('区域/科室').fill('急诊');
    await bulk.getByRole('button', { name: `登记 ${count} 名` }).click();
    await expect(bulk.getByTestId('casualty-bulk-saved')).toContainText(`已登记 ${count} 名伤员`);
  }
  await expect(page.getByTestId('header-casualties')).toHaveAttribute('data-total', '8');

  // From the casualties page, the header clock's button opens the board's reports tab on the 2-hour report's
  // deadline; the draft is made from the incident's data.
  await page.getByTestId('record-report').click();
  await expect(page.getByRole('tab', { name: '报告与表单' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('report-focus')).toContainText('向卫生健康行政部门报告');
  await page.getByRole('button', { name: '为此时限起草初步报告' }).click();
  const card = page.getByTestId('report-card');
  await expect(card).toHaveAttribute('data-status', 'draft');
  await expect(card.getByTestId('figure-immediate')).toHaveText('3');
  await expect(card.getByTestId('figure-minor')).toHaveText('5');
  await expect(card.getByTestId('figure-total')).toHaveText('8');
  await expect(card.getByLabel('发生地点')).toHaveValue('环城路与建设路口');
  await page.screenshot({ path: 'test-results/screens/report-draft-zh-CN.png', fullPage: true });

  // The officer edits it and signs it off; the clock still runs.
  await card.getByLabel('报告人').fill('李娜');
  await card.getByLabel('需要支援的事项').fill('O 型血 20 单位');
  await card.getByLabel('签发人（姓名）').fill('王军');
  await card.getByRole('button', { name: '签发', exact: true }).click();
  await expect(card).toHaveAttribute('data-status', 'approved');
  await expect(card).toContainText('王军');
  await expect(clock).toHaveAttribute('data-state', /ok|yellow|red/);

  // Recorded as sent: now the header's clock stops.
  await card.getByLabel('接收人').fill('区疾控中心值班员');
  await card.getByRole('button', { name: '登记为已报送' }).click();
  await expect(card).toHaveAttribute('data-status', 'sent');
  await expect(card.getByTestId('report-sent')).toContainText('区疾控中心值班员');
  await expect(clock).toHaveAttribute('data-state', 'reported');
  await page.screenshot({ path: 'test-results/screens/report-sent-zh-CN.png', fullPage: true });

  // The PDF downloads and its text carries the counts.
  const saving = page.waitForEvent('download');
  await card.getByRole('button', { name: '初步报告：中文版 PDF' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('report-initial-1-zh-CN.pdf');
  const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  expect(text).toContain('突发公共卫生事件相关信息报告卡');
  expect(text).toContain('红（危重） 3');
  expect(text).toContain('绿（轻） 5');
  expect(text).toContain('合计 8');
  expect(text).toContain('王军');
  expect(text).toContain('区疾控中心值班员');
});
