import { expect, test } from './fixtures/test';
import { withApi } from './pages/map';
import { ResourcesPage } from './pages/resources';

/** Issue 13, drill fix 6: thresholds per holding (item × store), totals only within one unit. */

const stockFile = [
  'item,category,unit,store,qty,par,yellowAt,redAt,holdingYellowAt,holdingRedAt',
  // The same 30 boxes: yellow against the item's defaults in ED, red against the central store's own thresholds.
  'N95 masks,ppe,box,ED store,30,100,50,10,,',
  'N95 masks,ppe,box,Central store,30,100,50,10,100,40',
  'Saline 500 ml,drugs,bag,ED store,40,60,20,5,,',
].join('\n');

test("a logistics officer sets one store's thresholds for an item, sees the colour follow, reverts to the item defaults; totals and the wall keep units apart", async ({ page, host }) => {
  test.setTimeout(90_000);
  await withApi(host.url, (client) => client.call('settings.update', { language: 'en', wall: { pages: [['stock']], rotateSeconds: 0 } }));
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.importCsv('stock.csv', stockFile);
  const status = (store: string) => res.row('N95 masks', store).locator('[col-id="status"]');
  await expect(status('Central store')).toHaveText('Red');
  await expect(status('ED store')).toHaveText('Yellow');

  // Totals by store: ED holds boxes and bags, two figures, never "70".
  await page.getByLabel('Group by').selectOption('store');
  const totals = page.getByRole('region', { name: 'Totals by store' });
  await expect(totals.getByRole('row').filter({ hasText: 'ED store' })).toContainText('40 bag · 30 box');
  await expect(totals).not.toContainText('70');
  await expect(res.totalsRow()).toContainText('3 holdings): 40 bag · 60 box');

  // Pick the ED holding and give it thresholds of its own, by keyboard.
  await res.row('N95 masks', 'ED store').click();
  const form = page.getByRole('form', { name: 'Thresholds of this holding' });
  await expect(form).toContainText('N95 masks in ED store');
  await expect(form.getByTestId('thresholds-source')).toHaveText("Uses the item's defaults: yellow at 50, red at 10.");
  await expect(form.getByRole('button', { name: 'Use item defaults' })).toBeDisabled();
  await form.getByLabel('Yellow at', { exact: true }).fill('40');
  await form.getByLabel('Red at', { exact: true }).fill('35');
  await form.getByLabel('Red at', { exact: true }).press('Enter');
  await expect(status('ED store')).toHaveText('Red');
  await expect(form.getByTestId('thresholds-source')).toHaveText('Own thresholds for this store: yellow at 40, red at 35.');
  // The other store and the item's defaults are untouched.
  await expect(status('Central store')).toHaveText('Red');
  await expect(res.row('N95 masks', 'ED store').locator('[col-id="yellowAt"]')).toHaveText('50');
  await expect(res.row('N95 masks', 'ED store').locator('[col-id="holdingYellowAt"]')).toHaveText('40');

  // Red above yellow is refused with the reason, and nothing changes.
  await form.getByLabel('Red at', { exact: true }).fill('45');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(form.getByRole('alert')).toHaveText('Red at must not be above yellow at: nothing was changed.');
  await expect(form.getByTestId('thresholds-source')).toHaveText('Own thresholds for this store: yellow at 40, red at 35.');
  await page.screenshot({ path: 'test-results/screens/stock-thresholds-en.png', fullPage: true });

  // The wall's red list names each holding's unit: Central store and ED store, both red now.
  const wall = await page.context().newPage();
  await wall.goto(`${host.url}/wall`);
  const redStock = wall.getByTestId('wall-stock');
  await expect(redStock.getByRole('row').filter({ hasText: 'ED store' })).toContainText('30box');
  await expect(redStock.getByRole('columnheader', { name: 'Unit' })).toBeVisible();
  await wall.screenshot({ path: 'test-results/screens/stock-thresholds-wall-en.png' });

  // Back on the item's defaults: yellow again, and gone from the wall's red list.
  await form.getByRole('button', { name: 'Use item defaults' }).focus();
  await page.keyboard.press('Enter');
  await expect(status('ED store')).toHaveText('Yellow');
  await expect(form.getByTestId('thresholds-source')).toHaveText("Uses the item's defaults: yellow at 50, red at 10.");
  await expect(redStock.getByRole('row').filter({ hasText: 'ED store' })).toHaveCount(0);
  await expect(redStock.getByRole('row').filter({ hasText: 'Central store' })).toContainText('30box');

  // In the grid itself, by keyboard: from Central store's par cell across to its own red threshold, type 25.
  await res.row('N95 masks', 'Central store').locator('[col-id="par"]').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(status('Central store')).toHaveText('Yellow');
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="holdingRedAt"]')).toHaveText('25');
  await expect(wall.getByText('No stock in the red.')).toBeVisible();

  // Emptying the cell is "use item defaults" too: Central store's 30 boxes go back to yellow at 50, red at 10.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="holdingYellowAt"]')).toHaveText('');
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="holdingRedAt"]')).toHaveText('');
  await expect(status('Central store')).toHaveText('Yellow');
});
