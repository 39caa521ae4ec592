import { uuidv7 as newId } from 'uuidv7';
import { expect, test } from './fixtures/test';
import { MapScreen, withApi } from './pages/map';

/** Thirty days to today, alternating 4 and 6, and 20 today: EARS C1 calls today red. */
function month(): { date: string; value: number }[] {
  const today = Math.floor(Date.now() / 86_400_000);
  return Array.from({ length: 30 }, (_, i) => ({ date: new Date((today - 29 + i) * 86_400_000).toISOString().slice(0, 10), value: i === 29 ? 20 : i % 2 ? 4 : 6 }));
}

test("a district takes its colour from a warning, marked so; set by hand it says manual and still shows the warning, until handed back", async ({ page, host }) => {
  await withApi(host.url, async (client) => {
    const indicatorId = newId();
    await client.call('mutate', { name: 'indicator.define', args: { id: indicatorId, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory', districtId: 'd-binhu' } });
    await client.call('mutate', { name: 'observation.import', args: { indicatorId, rows: month() } });
  });
  const map = new MapScreen(page);
  await map.open(host.url);
  await page.getByTestId('view-region').click();
  const district = page.locator('[data-testid="district-warning"][data-district-id="d-binhu"]');
  await expect(district).toHaveAttribute('data-level', 'red');
  await expect(district).toHaveAttribute('data-source', 'warnings');
  await expect(district.getByTestId('district-from-warnings')).toHaveText('来自预警');
  // A district with no warning and no level set says so: not green, whatever the base map once shipped.
  await expect(page.locator('[data-testid="district-warning"][data-district-id="d-chengnan"]')).toHaveAttribute('data-level', 'none');
  await map.waitIdle();
  const label = map.label('滨湖区').first();
  const [r, g] = await map.pixelUnder(label, 0, 30);
  expect(r).toBeGreaterThan(g);
  await page.screenshot({ path: 'test-results/screens/district-from-warning-zh-CN.png' });
  await district.scrollIntoViewIfNeeded();
  await page.getByTestId('map-region').screenshot({ path: 'test-results/screens/district-from-warning-zh-CN-panel.png' });

  await district.getByRole('combobox', { name: /滨湖区/ }).selectOption('yellow');
  await expect(district).toHaveAttribute('data-source', 'manual');
  await expect(district).toHaveAttribute('data-level', 'yellow');
  await expect(district.getByTestId('district-manual')).toHaveText('人工设定');
  await expect(district.getByTestId('district-warnings-say')).toContainText('红色');
  await map.waitIdle();
  await page.screenshot({ path: 'test-results/screens/district-manual-zh-CN.png' });
  await district.scrollIntoViewIfNeeded();
  await page.getByTestId('map-region').screenshot({ path: 'test-results/screens/district-manual-zh-CN-panel.png' });

  await withApi(host.url, (client) => client.call('settings.update', { language: 'en' }));
  await expect(district.getByTestId('district-manual')).toHaveText('set by hand');
  await expect(district.getByTestId('district-warnings-say')).toContainText('Red');
  await page.screenshot({ path: 'test-results/screens/district-manual-en.png' });
  await district.scrollIntoViewIfNeeded();
  await page.getByTestId('map-region').screenshot({ path: 'test-results/screens/district-manual-en-panel.png' });

  await district.getByRole('combobox', { name: /Binhu/ }).selectOption('auto');
  await expect(district).toHaveAttribute('data-source', 'warnings');
  await expect(district).toHaveAttribute('data-level', 'red');

  // The wall's region panel shows the same level; set by hand again, it is marked there too.
  await district.getByRole('combobox', { name: /Binhu/ }).selectOption('green');
  await expect(district).toHaveAttribute('data-source', 'manual');
  await withApi(host.url, (client) => client.call('settings.update', { wall: { pages: [['region']], rotateSeconds: 0 } }));
  await page.goto(`${host.url}/wall`);
  const wall = page.getByTestId('wall-region');
  await expect(wall.locator('[data-district-id="d-binhu"]')).toHaveAttribute('data-source', 'manual');
  await expect(wall.locator('[data-district-id="d-binhu"]')).toContainText('set by hand');
  await expect(wall.locator('[data-district-id="d-binhu"]')).toHaveAttribute('data-level', 'green');
  await expect(wall.getByTestId('wall-district-warnings')).toHaveText('warnings: Red (warning)');
  await expect(wall.locator('[data-district-id="d-chengnan"]')).toHaveAttribute('data-source', 'none');
  await expect(wall.locator('[data-district-id="d-chengnan"]')).toHaveAttribute('data-level', 'none');
  await expect(wall.locator('[data-district-id="d-chengnan"]')).toContainText('No level set');
  await page.screenshot({ path: 'test-results/screens/district-wall-en.png' });
});

test('the hospital maps warning grades to response levels in Settings, in both languages', async ({ page, host }) => {
  await page.goto(`${host.url}/settings`);
  const form = page.getByTestId('response-levels');
  await expect(form).toContainText('默认对应');
  await form.getByRole('combobox', { name: '红色预警' }).selectOption('II');
  await form.getByRole('button', { name: '保存对应关系' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存');
  await expect(form).toContainText('设定');
  await page.screenshot({ path: 'test-results/screens/settings-response-levels-zh-CN.png', fullPage: true });
  const saved = await withApi(host.url, (client) => client.call('warning.responseLevels', {}));
  expect(saved).toMatchObject({ isDefault: false, levels: { red: 'II', orange: 'II', yellow: 'III', blue: 'IV' } });
  await withApi(host.url, (client) => client.call('settings.update', { language: 'en' }));
  await expect(form.getByRole('combobox', { name: 'Red warning' })).toHaveValue('II');
  await page.screenshot({ path: 'test-results/screens/settings-response-levels-en.png', fullPage: true });
});
