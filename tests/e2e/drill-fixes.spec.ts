import type { BedCount } from '../../src/domain/resources/beds';
import { expect, test } from './fixtures/test';
import { MapScreen, withApi } from './pages/map';
import { ResourcesPage } from './pages/resources';

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
