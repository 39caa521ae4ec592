import type { BedCount } from '../../src/domain/resources/beds';
import { expect, test } from './fixtures/test';
import { withApi } from './pages/map';
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
