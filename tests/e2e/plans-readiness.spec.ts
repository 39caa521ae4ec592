import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { PlansPage } from './pages/plans';
import { RosterScreen } from './pages/roster';

test.use({ actionTimeout: 15_000, viewport: { width: 1600, height: 1000 } });

async function shoot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/plans-readiness-${name}.png`, fullPage: true });
}

const STAFF_CSV = [
  'staff_no,name,department,profession,home_unit,qualifications',
  'E1001,张建国,急诊科,physician,急诊,HICS-ic;ACLS',
  'E1002,李敏,医务处,administration,医务处,HICS-ic',
  'E1003,王芳,急诊科,nurse,急诊,hics-ic:2099-12-31',
].join('\n');

test('the readiness view scores an approved plan by its parts, and the score moves when a review asks for a revision and when staff are trained', async ({ page, host }) => {
  test.setTimeout(90_000);
  const shell = new CommandCentre(page);
  const plans = new PlansPage(page);
  await shell.open(host.url);
  await plans.open();
  await plans.loadAndApprove('mass_casualty', '院长 王建国', '批准人姓名');

  // Approved today, never exercised, nobody trained for its 17 key positions, no reserve quotas: (100 + 0 + 0 + 0) / 4.
  await page.getByRole('tab', { name: '准备度' }).click();
  const row = page.locator('[data-testid="readiness-row"][data-code="MCI-01"]');
  await expect(row.getByTestId('readiness-overall')).toHaveText('25');
  await expect(row.getByTestId('readiness-currency-score')).toHaveText('100');
  await expect(row.getByTestId('readiness-exercise')).toContainText('从未演练');
  await expect(row.getByTestId('readiness-reserves')).toContainText('未设置储备定额');
  await row.getByTestId('readiness-training').locator('summary').click();
  await expect(row.getByTestId('readiness-training')).toContainText('总指挥（指挥长）（HICS-ic）：已培训 0/3 人');
  await shoot(page, 'before-zh-CN');

  // The currency cell leads to the plan; a review that asks for a revision costs 30 until one is approved.
  await row.getByTestId('readiness-currency').locator('summary').click();
  await row.getByTestId('readiness-raise-currency').click();
  const detail = page.getByTestId('plan-detail');
  await detail.getByTestId('plan-upkeep').locator('summary').click();
  await detail.getByLabel('评审结论').selectOption('revision_needed');
  await detail.getByRole('button', { name: '登记评审' }).click();
  await page.getByRole('tab', { name: '准备度' }).click();
  await expect(row.getByTestId('readiness-currency-score')).toHaveText('70');
  await expect(row.getByTestId('readiness-overall')).toHaveText('18');

  // The training cell leads to the roster: three staff qualified HICS-ic cover the commander's post, 1 of 17 → 6.
  await row.getByTestId('readiness-training').locator('summary').click();
  await row.getByTestId('readiness-raise-training').click();
  const roster = new RosterScreen(page);
  await expect(page.getByTestId('roster-page')).toBeVisible();
  await roster.importCsv('staff.csv', STAFF_CSV);
  await expect(page.getByTestId('import-ok')).toContainText('3');
  await plans.open();
  await page.getByRole('tab', { name: '准备度' }).click();
  await expect(row.getByTestId('readiness-training-score')).toHaveText('6');
  await expect(row.getByTestId('readiness-overall')).toHaveText('19');
  await row.getByTestId('readiness-training').locator('summary').click();
  await expect(row.getByTestId('readiness-training')).toContainText('总指挥（指挥长）（HICS-ic）：已培训 3/3 人');
  await shoot(page, 'after-zh-CN');

  await shell.switchLanguage();
  await expect(row.getByTestId('readiness-currency')).toContainText('asked for a revision not yet approved');
  await page.setViewportSize({ width: 700, height: 1000 });
  await expect(row.getByTestId('readiness-overall')).toBeVisible();
  await shoot(page, 'narrow-en');
});
