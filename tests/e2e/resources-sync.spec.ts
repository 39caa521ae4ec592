import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { freePort, runServerCli, ServerProcess } from '../chaos/processes';
import { TcpProxy } from '../chaos/tcp-proxy';
import { makeDataDir, startHostProcess, type HostProcess } from './fixtures/web-host-process';
import { ResourcesPage } from './pages/resources';
import { expect, test } from './fixtures/test';

const USER = { username: 'logistics-chief', password: 'command-room-2026' };
const CSV = ['item,category,unit,store,qty,par,yellowAt,redAt', 'N95 respirator,ppe,each,ED store,20,100,40,10'].join('\n');

async function logIn(page: Page, serverUrl: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('server-login');
  await form.locator('input[name="serverUrl"]').fill(serverUrl);
  await form.locator('input[name="username"]').fill(USER.username);
  await form.locator('input[name="password"]').fill(USER.password);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('status-area')).toHaveAttribute('data-state', 'online');
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
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-resources-sync-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const server = new ServerProcess(await freePort(), join(root, 'server'), env);
  const proxy = new TcpProxy(server.port);
  const hosts: HostProcess[] = [];
  const dirs = [makeDataDir(), makeDataDir()];
  try {
    await runServerCli(
      ['create-user', '--data-dir', join(root, 'server'), '--username', USER.username, '--password', USER.password, '--roles', 'incident_commander', '--spaces', 'demo-hospital'],
      env,
    );
    await server.start();
    const proxyPort = await proxy.listen();
    for (const dir of dirs) hosts.push(await startHostProcess(dir.dir));
    const [hostA, hostB] = hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const a = await openDesk(browser, hostA.url);
    const b = await openDesk(browser, hostB.url);
    // Desk A reaches the server through a proxy the test can unplug.
    await logIn(a.page, `http://127.0.0.1:${proxyPort}`);
    await logIn(b.page, `http://127.0.0.1:${server.port}`);

    await a.importCsv('stock.csv', CSV);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('20', { timeout: 15_000 });

    // A goes offline and issues 15: locally that fits (20 on hand), so A shows 5 and one change waiting.
    proxy.setMode('down');
    await issue(a, 15);
    await expect(a.row('N95 respirator', 'ED store')).toContainText('5');
    await expect(a.page.getByTestId('status-area')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    // Meanwhile B, online, issues 6 and then 4: the server now holds 10.
    await issue(b, 6);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('14');
    await issue(b, 4);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('10');

    // A comes back: its issue of 15 would overdraw the server's 10, so the server refuses it and A is told why.
    proxy.setMode('up');
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
    for (const host of hosts) await host.stop().catch(() => undefined);
    for (const dir of dirs) dir.remove();
    await proxy.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
