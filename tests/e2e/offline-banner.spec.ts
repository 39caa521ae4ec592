import { startSyncRig } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const USER = { username: 'duty-officer', password: 'command-room-2026' };

// Issue 13, item 9: offline was only a small amber dot, and a wrong password talked about an access token.
test('a wrong password says so; a logged-in desk whose server is gone shows a banner until it is back', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: USER, roles: 'incident_commander', workstations: 1 });
  try {
    const [host] = rig.hosts;
    if (!host) throw new Error('host did not start');
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    const app = new CommandCentre(page);
    await app.open(host.url);
    // Standalone: no banner, the desk has no server to miss.
    await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'standalone');
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);

    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('server-login');
    await form.getByLabel('服务器地址').fill(rig.proxiedUrl);
    await form.getByLabel('用户名').fill(USER.username);
    await form.getByLabel('密码').fill('not-the-password-9');
    await form.getByRole('button', { name: '登录并同步' }).click();
    const failure = form.getByRole('alert');
    await expect(failure).toContainText('用户名或密码错误');
    await expect(failure).not.toContainText('令牌');
    await page.screenshot({ path: 'test-results/screens/login-failed-zh-CN.png' });

    await form.getByLabel('密码').fill(USER.password);
    await form.getByRole('button', { name: '登录并同步' }).click();
    await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'online');
    await page.getByTestId('nav-board').click();
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);

    // The server goes away: the operator's window says so across its width, with the work waiting.
    rig.proxy.setMode('down');
    await app.declareIncident({ name: '院内停电 5 号病区', type: 'utility_failure', level: 'IV', location: '5 号病区' });
    const banner = page.getByRole('alert').filter({ hasText: '离线：无法连接医院服务器' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText('待发送：1');
    await expect(banner).toContainText('最后同步时间');
    await page.screenshot({ path: 'test-results/screens/offline-banner-zh-CN.png' });

    // Back: the banner goes, the change is sent.
    rig.proxy.setMode('up');
    await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(banner).toHaveCount(0);
  } finally {
    await rig.close();
  }
});

test('a standalone wall shows no count of changes waiting to sync; the operator desk still does', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await app.declareIncident({ name: '化学品泄漏 急诊洗消', type: 'other', level: 'III', location: '急诊洗消区' });
  await expect(page.getByTestId('pending-count')).toContainText('1');
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  await page.goto(`${host.url}/wall`);
  const wall = page.getByTestId('wall');
  await expect(wall).toContainText('化学品泄漏 急诊洗消');
  await expect(wall.getByTestId('status-area')).toHaveAttribute('data-state', 'standalone');
  await expect(wall.getByTestId('pending-count')).toHaveCount(0);
  await expect(wall).not.toContainText('待同步变更');
});
