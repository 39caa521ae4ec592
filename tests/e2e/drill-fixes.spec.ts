import { uuidv7 as newId } from 'uuidv7';
import type { BedCount } from '../../src/domain/resources/beds';
import type { CoverageRow } from '../../src/domain/roster/roster-coverage';
import { makeStaffRow } from '../fixtures/roster';
import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { MapScreen, withApi } from './pages/map';
import { ResourcesPage } from './pages/resources';
import { RosterScreen } from './pages/roster';

/** Fixes found in the mass-casualty drill (issue 13, "Fixes found in the drill"). */

async function bedHistory(hostUrl: string, unit: string): Promise<BedCount['history']> {
  const { beds } = (await withApi(hostUrl, (client) => client.call('resources.beds', {}))) as { beds: BedCount[] };
  return beds.find((b) => b.unit === unit)?.history ?? [];
}

test('item 7: bed history records a figure when it is committed, and a quick correction replaces the slip instead of drawing a spike', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.tab('beds');
  await res.addBedLine('ICU 1', 'adult_icu');
  await res.editBed('ICU 1', 'staffed', '12');
  await res.editBed('ICU 1', 'occupied', '8');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('4');
  const before = await bedHistory(host.url, 'ICU 1');

  // Half-typed: nothing is recorded while the editor is open.
  const editor = await res.typeInBed('ICU 1', 'staffed', '4');
  await editor.pressSequentially('8');
  expect(await bedHistory(host.url, 'ICU 1')).toEqual(before);
  await editor.press('Escape');
  await expect(res.bedCell('ICU 1', 'staffed')).toHaveText('12');

  // A slip (48 staffed: 40 available) corrected at once leaves the corrected figure, not a 40 in the chart.
  await res.editBed('ICU 1', 'staffed', '48');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('40');
  await res.editBed('ICU 1', 'staffed', '14');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('6');
  const after = await bedHistory(host.url, 'ICU 1');
  expect(after.map((h) => h.available)).not.toContain(40);
  expect(after.at(-1)).toMatchObject({ staffed: 14, occupied: 8, available: 6 });
  await expect(page.getByTestId('beds-chart')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/drill-bed-correction.png', fullPage: true });
});

test('item 12: a fresh install shows every demo district as "no level set" in grey, on the map, in its legend and on the wall, never a warning colour', async ({ page, host }) => {
  const map = new MapScreen(page);
  await map.open(host.url);
  await page.getByTestId('view-region').click();
  const districts = page.getByTestId('district-warning');
  await expect(districts.first()).toBeVisible();
  const count = await districts.count();
  for (let i = 0; i < count; i++) {
    await expect(districts.nth(i)).toHaveAttribute('data-level', 'none');
    await expect(districts.nth(i)).toHaveAttribute('data-source', 'none');
  }
  await map.waitIdle();
  // Grey fill: blue above green above red, where green or a warning colour would have a different strongest channel.
  const [r, g, b] = await map.pixelUnder(map.label('滨湖区').first(), 0, 30);
  expect(b).toBeGreaterThan(g);
  expect(g).toBeGreaterThan(r);
  await expect(page.getByText('未设定等级').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/drill-region-no-level-zh-CN.png' });

  await withApi(host.url, (client) => client.call('settings.update', { language: 'en', wall: { pages: [['region']], rotateSeconds: 0 } }));
  await page.goto(`${host.url}/wall`);
  const wall = page.getByTestId('wall-region');
  const wallDistricts = wall.locator('[data-district-id]').filter({ has: page.locator('.wall-district-name') });
  await expect(wallDistricts).toHaveCount(count);
  for (let i = 0; i < count; i++) {
    await expect(wallDistricts.nth(i)).toHaveAttribute('data-level', 'none');
    await expect(wallDistricts.nth(i)).toContainText('No level set');
  }
  await page.screenshot({ path: 'test-results/screens/drill-wall-no-level-en.png' });
});

test('item 5: labour pool check-ins count as on duty in coverage and on the wall, which follows each check-in live', async ({ page, host }) => {
  test.setTimeout(90_000);
  // Six ED nurses; a minimum of six on both 12-hour shifts, so whichever runs now needs six; one of them rostered on it.
  const nurses = Array.from({ length: 6 }, (_, i) => makeStaffRow(i + 1, { profession: 'nurse', homeUnit: 'ED', department: 'ED' }));
  await withApi(host.url, async (client) => {
    await client.call('mutate', { name: 'staff.import', args: { rows: nurses } });
    for (const shiftCode of ['D12', 'N12']) await client.call('mutate', { name: 'roster.setRequirement', args: { id: newId(), unit: 'ED', role: 'nurse', shiftCode, min: 6 } });
    const coverage = (await client.call('roster.coverage', {})) as CoverageRow[];
    const current = coverage.find((r) => r.phase === 'current');
    if (!current) throw new Error('no current shift');
    await client.call('mutate', { name: 'roster.assign', args: { id: newId(), staffId: nurses[0]!.id, unit: 'ED', role: 'nurse', shiftCode: current.shiftCode, start: current.start, end: current.end } });
    await client.call('settings.update', { wall: { pages: [['staff']], rotateSeconds: 0 } });
  });

  const centre = new CommandCentre(page);
  const roster = new RosterScreen(page);
  await centre.open(host.url);
  await centre.declareIncident({ name: '大巴车祸批量伤员', type: 'mass_casualty', level: 'II', location: '急诊' });
  await expect(centre.incidentName).toHaveText('大巴车祸批量伤员');

  const wallPage = await page.context().newPage();
  await wallPage.goto(`${host.url}/wall`);
  const nurseLine = wallPage.getByTestId('wall-staff').locator('tbody tr').filter({ hasText: '护士' });
  await expect(nurseLine.locator('td').nth(1)).toHaveText('1');
  await expect(nurseLine.locator('td').nth(3)).toHaveText('−5');

  await roster.open();
  await roster.tab('pool');
  for (const nurse of nurses.slice(1)) {
    await page.getByTestId('pool-who').fill(nurse.staffNo);
    await page.getByTestId('pool-who').press('Enter');
    await expect(page.getByTestId('pool-table').locator(`tr[data-staff="${nurse.staffNo}"]`)).toBeVisible();
  }

  // The wall was not reloaded: the check-ins reach it as they happen.
  await expect(nurseLine.locator('td').nth(1)).toContainText('6');
  await expect(nurseLine.locator('td').nth(1)).toContainText('人力池 5');
  await expect(nurseLine.locator('td').nth(3)).toHaveText('✓');
  await wallPage.screenshot({ path: 'test-results/screens/drill-wall-staff-pool-zh-CN.png' });

  await roster.tab('coverage');
  const card = page.getByTestId('roster-coverage').locator('.coverage-card[data-unit="ED"][data-phase="current"]');
  await expect(card).toHaveAttribute('data-on-duty', '6');
  await expect(card).toHaveAttribute('data-gap', '0');
  await expect(card).toContainText('含人力池 5 人');
  await page.screenshot({ path: 'test-results/screens/drill-coverage-pool-zh-CN.png' });

  // Checking one out takes them off duty again, on the wall too.
  await roster.tab('pool');
  await page.getByTestId('pool-table').locator(`tr[data-staff="${nurses[5]!.staffNo}"]`).getByRole('button', { name: '签退' }).click();
  await expect(nurseLine.locator('td').nth(1)).toContainText('5');
  await expect(nurseLine.locator('td').nth(3)).toHaveText('−1');
  await wallPage.close();
});
