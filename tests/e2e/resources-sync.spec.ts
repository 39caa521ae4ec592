import type { Browser, Page } from '@playwright/test';
import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { ResourcesPage } from './pages/resources';
import { expect, test } from './fixtures/test';

const USER = { username: 'logistics-chief', password: 'command-room-2026' };
const CSV = ['item,category,unit,store,qty,par,yellowAt,redAt', 'N95 respirator,ppe,each,ED store,20,100,40,10'].join('\n');

async function logIn(page: Page, serverUrl: string): Promise<void> {
  await logInToServer(page, serverUrl, USER);
  await page.getByTestId('nav-resources').click();
}

async function openDesk(browser: Browser, url: string): Promise<ResourcesPage> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  const desk = new ResourcesPage(page);
  await desk.open(url);
  return desk;
}

async function issue(desk: ResourcesPage, qty: number): Promise<void> {
  await desk.row('N95 respirator', 'ED store').click();
  await desk.page.getByTestId('issue-qty').fill(String(qty));
  await desk.page.getByTestId('issue-button').click();
}

test('two desks issue the same stock, one offline; the overdraw is refused on sync and the user sees why', async ({ browser }) => {
  test.setTimeout(150_000);
  const rig = await startSyncRig({ user: USER, roles: 'incident_commander' });
  try {
    const hosts = rig.hosts;
    const [hostA, hostB] = hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const a = await openDesk(browser, hostA.url);
    const b = await openDesk(browser, hostB.url);
    // Desk A reaches the server through a proxy the test can unplug.
    await logIn(a.page, rig.proxiedUrl);
    await logIn(b.page, rig.serverUrl);

    await a.importCsv('stock.csv', CSV);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('20', { timeout: 15_000 });

    // A goes offline and issues 15: locally that fits (20 on hand), so A shows 5 and one change waiting.
    rig.proxy.setMode('down');
    await issue(a, 15);
    await expect(a.row('N95 respirator', 'ED store')).toContainText('5');
    await expect(a.page.getByTestId('status-area')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    // Meanwhile B, online, issues 6 and then 4: the server now holds 10.
    await issue(b, 6);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('14');
    await issue(b, 4);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('10');

    // A comes back: its issue of 15 would overdraw the server's 10, so the server refuses it and A is told why.
    rig.proxy.setMode('up');
    const rejected = a.page.getByTestId('rejected-changes');
    await expect(rejected).toBeVisible({ timeout: 30_000 });
    await expect(rejected).toContainText('库存不足');
    await expect(a.row('N95 respirator', 'ED store')).toContainText('10');
    await expect(a.row('N95 respirator', 'ED store').locator('.status-red').first()).toBeVisible();
    await expect(b.row('N95 respirator', 'ED store')).toContainText('10');
    await a.page.screenshot({ path: 'test-results/screens/resources-rejected-zh-CN.png', fullPage: true });

    await a.page.getByTestId('language-toggle').click();
    await expect(rejected).toContainText('Not enough stock');
    await a.page.screenshot({ path: 'test-results/screens/resources-rejected-en.png', fullPage: true });
    await rejected.getByRole('button').first().click();
    await expect(rejected).toHaveCount(0);
  } finally {
    await rig.close();
  }
});
