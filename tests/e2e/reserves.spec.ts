import { expect, test } from './fixtures/test';
import { withApi } from './pages/map';
import { ResourcesPage } from './pages/resources';

/** Issue 15, item 4: reserve quotas, lots with expiry issued FEFO, the reserve's colour on the page and the wall. */

test('a logistics officer sets a reserve quota, receives two lots, issues first-expiry-first-out and sees the reserve go yellow then red on the resources page and the wall', async ({ page, host }) => {
  test.setTimeout(60_000);
  await withApi(host.url, async (client) => {
    await client.call('settings.update', { language: 'en', wall: { pages: [['stock']], rotateSeconds: 0 } });
    await client.call('mutate', { name: 'stock.saveItem', args: { id: crypto.randomUUID(), name: 'N95 masks', category: 'ppe', unit: 'box', par: 0, yellowAt: 0, redAt: 0 } });
    await client.call('mutate', { name: 'stock.saveStore', args: { id: crypto.randomUUID(), name: 'Central store' } });
  });
  const res = new ResourcesPage(page);
  await res.open(host.url);

  // The standing reserve (no incident is open): 30 boxes.
  await page.getByRole('tab', { name: 'Reserves' }).click();
  await expect(page.getByTestId('reserves-level')).toHaveText('Quotas in force: the standing reserve (no open incident)');
  const reserves = page.getByRole('table', { name: 'Reserves against quota' });
  const n95 = reserves.getByRole('row').filter({ hasText: 'N95 masks' });
  await n95.getByRole('button', { name: 'N95 masks' }).click();
  const quota = page.getByRole('form', { name: 'Reserve quota' });
  await quota.getByLabel('Quota in').selectOption('units');
  await quota.getByLabel('Quota', { exact: true }).fill('30');
  await quota.getByRole('button', { name: 'Save quota' }).click();
  await expect(n95.getByTestId('reserve-status')).toHaveText('Red');

  // Two lots received, the later-expiring one first.
  await page.getByRole('tab', { name: 'Stock' }).click();
  const receive = page.getByRole('region', { name: 'Receive stock' });
  for (const [lotNo, expiry] of [['LATE-02', '2099-12-31'], ['EARLY-01', '2099-01-31']] as const) {
    await receive.getByLabel('Item').selectOption('N95 masks');
    await receive.getByLabel('Store').selectOption('Central store');
    await receive.getByLabel('Quantity received').fill('20');
    await receive.getByLabel('Lot number').fill(lotNo);
    await receive.getByLabel('Expiry date').fill(expiry);
    await receive.getByRole('button', { name: 'Receive' }).click();
    await expect(receive.getByLabel('Lot number')).toHaveValue('');
  }
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="qty"]')).toHaveText('40');

  // Issue 15: drawn from EARLY-01 first; 25 usable against 30 is yellow.
  await res.row('N95 masks', 'Central store').click();
  await page.getByTestId('issue-qty').fill('15');
  await page.getByTestId('issue-button').click();
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="qty"]')).toHaveText('25');
  await page.getByRole('tab', { name: 'Reserves' }).click();
  await n95.getByRole('button', { name: 'N95 masks' }).click();
  await expect(n95.getByTestId('reserve-status')).toHaveText('Yellow');
  const lots = page.getByRole('table', { name: 'Lots (first expiry first out)' });
  await expect(lots.getByRole('row').filter({ hasText: 'EARLY-01' })).toContainText('5');
  await expect(lots.getByRole('row').filter({ hasText: 'LATE-02' })).toContainText('20');
  await page.screenshot({ path: 'test-results/screens/reserves-yellow-en.png', fullPage: true });

  const wall = await page.context().newPage();
  await wall.goto(`${host.url}/wall`);
  const wallReserves = wall.getByTestId('wall-reserves');
  await expect(wallReserves.getByRole('row').filter({ hasText: 'N95 masks' })).toContainText('Yellow: below quota');
  await expect(wall.getByTestId('wall-reserves-at-quota')).toHaveText('0 of 1 items at quota');

  // Issue 11 more: 14 usable is below half the quota, red on the page and on the wall.
  await page.getByRole('tab', { name: 'Stock' }).click();
  await res.row('N95 masks', 'Central store').click();
  await page.getByTestId('issue-qty').fill('11');
  await page.getByTestId('issue-button').click();
  await expect(res.row('N95 masks', 'Central store').locator('[col-id="qty"]')).toHaveText('14');
  await expect(wallReserves.getByRole('row').filter({ hasText: 'N95 masks' })).toContainText('Red: below half');
  await wall.screenshot({ path: 'test-results/screens/reserves-wall-en.png' });
  await page.getByRole('tab', { name: 'Reserves' }).click();
  await expect(n95.getByTestId('reserve-status')).toHaveText('Red');
  await n95.getByRole('button', { name: 'N95 masks' }).click();
  await expect(lots.getByRole('row').filter({ hasText: 'EARLY-01' })).toHaveCount(0);
  await expect(lots.getByRole('row').filter({ hasText: 'LATE-02' })).toContainText('14');
});
