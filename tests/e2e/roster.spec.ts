import type { Page } from '@playwright/test';
import { makeStaffCsv } from '../fixtures/roster';
import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { expect, test } from './fixtures/test';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { RosterScreen } from './pages/roster';

test('imports 300 staff (a bad file is refused with row errors), fills a coverage gap by keyboard and drag, refuses a rest-rule break, runs the labour pool', async ({ page, host }) => {
  test.setTimeout(120_000);
  const centre = new CommandCentre(page);
  const roster = new RosterScreen(page);
  await centre.open(host.url);
  await roster.open();

  await roster.importCsv('bad.csv', makeStaffCsv(20, { 3: { profession: 'astronaut' }, 7: { staff_no: 'S0001' }, 9: { qualifications: 'ACLS:2027-13-45' } }));
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors.locator('tbody tr')).toHaveCount(3);
  await expect(errors.locator('tbody tr').first()).toContainText('4');
  await expect(errors.locator('tbody tr').first()).toContainText('profession');
  await expect(page.locator('.roster-staff-grid .ag-row')).toHaveCount(0);

  await roster.importCsv('staff.csv', makeStaffCsv(300));
  await expect(page.getByTestId('import-ok')).toContainText('300');
  await expect(page.locator('.roster-staff-grid .ag-row[row-index="0"]')).toContainText('S0001');
  await page.screenshot({ path: 'test-results/screens/roster-staff-zh-CN.png' });

  // A gap: ED needs two nurses on the day shift; nobody is rostered yet.
  await roster.choose('ED');
  await roster.setMinimum('D12', 2);
  await roster.setMinimum('N12', 1);
  const monday = (await page.getByTestId('roster-week').textContent()) ?? '';
  const dayShift = roster.column(`${monday}/D12`);
  await expect(dayShift).toHaveAttribute('data-gap', '2');
  await expect(dayShift).toHaveClass(/rg-gap/);

  // Fill it: one nurse by keyboard, one dragged in from another unit.
  await roster.toggleByKeyboard(0, 0);
  await expect(roster.cell(0, 0)).toHaveAttribute('data-assigned', 'yes');
  await expect(dayShift).toHaveAttribute('data-gap', '1');
  await roster.cell(0, 0).press('ArrowDown');
  await expect(roster.cell(1, 0)).toBeFocused();
  const floatNurse = (await page.locator('.roster-palette-item').first().getAttribute('data-staff')) ?? '';
  await roster.dragFromPalette(floatNurse, 1, 0);
  await expect(dayShift).toHaveAttribute('data-gap', '0');
  await expect(dayShift).toHaveClass(/rg-ok/);
  await page.screenshot({ path: 'test-results/screens/roster-week-zh-CN.png' });

  // Day one the first nurse works D12 (07-19). On day two, E8 (07-15) is fine; N8 from 23:00 the same day leaves
  // only 8 h of rest: the planner is warned on the cell, and the change is refused with the reason.
  await roster.choose('ED', 'nurse', '3x8');
  await roster.toggleByKeyboard(0, 3);
  await expect(roster.cell(0, 3)).toHaveAttribute('data-assigned', 'yes');
  await roster.cell(0, 5).focus();
  await expect(roster.preview).toContainText('休息 8 小时');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-error-code="roster_rest"]')).toContainText('最短休息时间');
  await expect(page.locator('[data-error-code="roster_rest"]').getByTestId('error-detail')).toHaveText('Staff 1：两班之间仅休息 8 小时（至少 10 小时）');
  await expect(roster.cell(0, 5)).toHaveAttribute('data-assigned', 'no');

  // Shifts and rules: a custom 10 h shift appears on the roster; lowering the minimum rest to 6 h clears the
  // warning on that cell, and the server now accepts the same change.
  await roster.defineShift('M10', '09:00', 10);
  await expect(page.getByTestId('shift-templates').locator('tr[data-code="M10"]')).toContainText('09:00');
  await expect(roster.currentRule('minRestHours')).toContainText('10');
  await roster.setRules({ minRestHours: 6 });
  await expect(roster.currentRule('minRestHours')).toContainText('6');
  await page.screenshot({ path: 'test-results/screens/roster-setup-zh-CN.png' });
  await roster.choose('ED', 'nurse', 'custom');
  await expect(roster.column(`${monday}/M10`)).toBeVisible();
  await roster.choose('ED', 'nurse', '3x8');
  await roster.cell(0, 5).focus();
  await expect(roster.preview.locator('.roster-warn')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(roster.cell(0, 5)).toHaveAttribute('data-assigned', 'yes');

  // Coverage at a glance, and in English.
  await roster.tab('coverage');
  await expect(page.getByTestId('roster-coverage').locator('.coverage-card').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roster-coverage-zh-CN.png' });
  await centre.switchLanguage();
  await expect(page.getByTestId('roster-coverage')).toContainText('Coverage now and next');
  await page.screenshot({ path: 'test-results/screens/roster-coverage-en.png' });
  await roster.tab('roster');
  await page.screenshot({ path: 'test-results/screens/roster-week-en.png' });
  await roster.tab('setup');
  await page.screenshot({ path: 'test-results/screens/roster-setup-en.png' });

  // Labour pool during an incident: check two people in and assign them; a second post is flagged.
  await page.getByTestId('nav-board').click();
  await centre.declareIncident({ name: 'Mass casualty: bus crash', type: 'mass_casualty', level: 'II', location: 'ED' });
  await expect(centre.incidentName).toHaveText('Mass casualty: bus crash');
  await new BoardPage(page).createTask({ title: 'Open the decontamination tent' });
  await roster.open();
  await roster.tab('pool');
  for (const no of ['S0001', 'S0002']) {
    await page.getByTestId('pool-who').fill(no);
    await page.getByTestId('pool-who').press('Enter');
    await expect(page.getByTestId('pool-table').locator(`tr[data-staff="${no}"]`)).toBeVisible();
  }
  const first = page.getByTestId('pool-table').locator('tr[data-staff="S0001"]');
  await first.getByRole('button', { name: 'Assign' }).click();
  await expect(first).toContainText('Casualty Care Unit');
  await first.locator('select').selectOption('ops.medical-care.inpatient');
  await first.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByTestId('pool-double')).toContainText('Staff 1');
  // The pool also assigns to the incident's tasks; one assignment alone is not double-booked.
  const second = page.getByTestId('pool-table').locator('tr[data-staff="S0002"]');
  await second.locator('select').selectOption({ label: 'Open the decontamination tent' });
  await second.getByRole('button', { name: 'Assign' }).click();
  await expect(second.getByTestId('pool-assigned')).toHaveText('Open the decontamination tent');
  await expect(page.getByTestId('pool-double')).not.toContainText('Staff 2');
  await expect(page.getByTestId('pool-timesheet').locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/roster-pool-en.png' });
});

const USER = { username: 'roster-planner', password: 'roster-planner-2026' };

async function logIn(page: Page, serverUrl: string): Promise<void> {
  await logInToServer(page, serverUrl, USER);
}

test('two workstations build a week for three units at once; a rest-rule break made offline is refused when it syncs', async ({ browser }) => {
  test.setTimeout(150_000);
  const rig = await startSyncRig({ user: USER, roles: 'planning_chief' });
  try {
    const hosts = rig.hosts;
    const [hostA, hostB] = hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    await new CommandCentre(pageA).open(hostA.url);
    await new CommandCentre(pageB).open(hostB.url);
    await logIn(pageA, rig.proxiedUrl);
    await logIn(pageB, rig.serverUrl);
    const a = new RosterScreen(pageA);
    const b = new RosterScreen(pageB);
    await a.open();
    await b.open();

    await a.importCsv('staff.csv', makeStaffCsv(300));
    await expect(pageA.getByTestId('import-ok')).toContainText('300');
    await b.tab('staff');
    await expect(pageB.locator('#roster-directory-title')).toContainText('300', { timeout: 20_000 });

    // Both desks plan at once: A the ED and Ward 5, B the ICU; each sees the other's shifts arrive.
    await a.choose('ED');
    await b.choose('ICU');
    for (const col of [0, 4, 8]) await a.toggleByKeyboard(0, col);
    for (const col of [2, 6, 10]) await b.toggleByKeyboard(0, col);
    await a.choose('Ward 5');
    for (const col of [1, 5, 9]) await a.toggleByKeyboard(1, col);
    await expect(a.cell(1, 9)).toHaveAttribute('data-assigned', 'yes');
    await a.choose('ICU');
    for (const col of [2, 6, 10]) await expect(a.cell(0, col)).toHaveAttribute('data-assigned', 'yes', { timeout: 20_000 });
    await b.choose('ED');
    for (const col of [0, 4, 8]) await expect(b.cell(0, col)).toHaveAttribute('data-assigned', 'yes', { timeout: 20_000 });

    // Copy the ED week into the next week.
    await a.choose('ED');
    await pageA.getByRole('button', { name: '下一周' }).click();
    await pageA.getByTestId('roster-copy-week').click();
    for (const col of [0, 4, 8]) await expect(a.cell(0, col)).toHaveAttribute('data-assigned', 'yes');
    await pageA.getByRole('button', { name: '上一周' }).click();

    // A goes offline and puts the ED nurse on Saturday's late shift (15-23); meanwhile B, online, gives the same
    // nurse Sunday's early shift (07-15). Each was fine where it was made; together they leave 8 h of rest.
    rig.proxy.setMode('down');
    await a.choose('ED', 'nurse', '3x8');
    await b.choose('ED', 'nurse', '3x8');
    await a.toggleByKeyboard(0, 16);
    await expect(a.cell(0, 16)).toHaveAttribute('data-assigned', 'yes');
    await b.toggleByKeyboard(0, 18);
    await expect(b.cell(0, 18)).toHaveAttribute('data-assigned', 'yes');
    await pageA.screenshot({ path: 'test-results/screens/roster-offline-zh-CN.png' });

    rig.proxy.setMode('up');
    const rejected = pageA.getByTestId('rejected-changes');
    await expect(rejected).toBeVisible({ timeout: 30_000 });
    await expect(rejected).toContainText('排班');
    await expect(rejected).toContainText('最短休息时间');
    await expect(a.cell(0, 16)).toHaveAttribute('data-assigned', 'no', { timeout: 20_000 });
    await expect(a.cell(0, 18)).toHaveAttribute('data-assigned', 'yes', { timeout: 20_000 });
    await pageA.screenshot({ path: 'test-results/screens/roster-rejected-zh-CN.png' });
  } finally {
    await rig.close();
  }
});
