import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

test('switches between Chinese and English, and keeps the choice across a reload', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);

  // Simplified Chinese is the default language of a new workstation.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation')).toContainText('指挥看板');
  await expect(page.getByRole('heading', { name: '宣布突发事件' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/shell-zh-CN.png', fullPage: true });

  await app.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation')).toContainText('Command board');
  await expect(page.getByRole('heading', { name: 'Declare an incident' })).toBeVisible();
  await expect(page.getByRole('navigation')).not.toContainText('指挥看板');
  await page.screenshot({ path: 'test-results/screens/shell-en.png', fullPage: true });

  await page.reload();
  await app.waitUntilConnected();
  await expect(page.getByRole('navigation')).toContainText('Command board');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await app.switchLanguage();
  await expect(page.getByRole('navigation')).toContainText('指挥看板');
});

test('moves between pages with keyboard shortcuts and shows the help overlay in the chosen language', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page).toHaveURL(/\/map$/);
  await expect(page.getByTestId('map-page')).toBeVisible();
  await expect(page.getByTestId('nav-map')).toContainText('态势地图');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('键盘快捷键');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '宣布突发事件' })).toBeVisible();
});
