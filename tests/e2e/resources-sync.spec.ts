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
    await expect(a.status).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    // Meanwhile B, online, issues 6 and then 4: the server now holds 10.
    await issue(b, 6);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('14');
    await issue(b, 4);
    await expect(b.row('N95 respirator', 'ED store')).toContainText('10');
    // B's row shows 10 at once (optimistic); wait until the server has B's issues too, so it refuses A's 15 at 10.
    await expect(b.pending).toHaveText('无待同步变更', { timeout: 15_000 });

    // A comes back: its issue of 15 would overdraw the server's 10, so the server refuses it and A is told why.
    rig.proxy.setMode('up');
    const rejected = a.page.getByTestId('rejected-changes');
    await expect(rejected).toBeVisible({ timeout: 30_000 });
    await expect(rejected).toContainText('库存不足');
    // Exactly why, in the server's numbers: 15 asked for, 10 on hand when it reached the server.
    const detail = rejected.getByTestId('rejected-detail');
    await expect(detail).toHaveText('ED store 的 N95 respirator：库存 10，需要 15');
    await expect(a.row('N95 respirator', 'ED store')).toContainText('10');
    await expect(a.row('N95 respirator', 'ED store').locator('.status-red').first()).toBeVisible();
    await expect(b.row('N95 respirator', 'ED store')).toContainText('10');
    await a.page.screenshot({ path: 'test-results/screens/resources-rejected-zh-CN.png', fullPage: true });

    await a.page.getByTestId('language-toggle').click();
    await expect(rejected).toContainText('Not enough stock');
    await expect(detail).toHaveText('N95 respirator in ED store: 10 on hand, 15 requested');
    await a.page.screenshot({ path: 'test-results/screens/resources-rejected-en.png', fullPage: true });
    await rejected.getByRole('button').first().click();
    await expect(rejected).toHaveCount(0);
  } finally {
    await rig.close();
  }
});

test('two desks share a bed line live: figures and the summary reach the other desk, offline edits to different figures both survive, and an open cell edit is kept', async ({ browser }) => {
  test.setTimeout(150_000);
  const rig = await startSyncRig({ user: USER, roles: 'incident_commander' });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const a = await openDesk(browser, hostA.url);
    const b = await openDesk(browser, hostB.url);
    await logIn(a.page, rig.proxiedUrl);
    await logIn(b.page, rig.serverUrl);
    await a.tab('beds');
    await b.tab('beds');

    // A reports a new ICU line; B, which never reloads, shows the same figures and the facility tile within seconds.
    await a.addBedLine('ICU 2', 'adult_icu');
    await a.editBed('ICU 2', 'staffed', '12');
    await a.editBed('ICU 2', 'occupied', '9');
    await a.expectBedLine('ICU 2', { staffed: 12, occupied: 9, available: 3, surge: 0 });
    await b.expectBedLine('ICU 2', { staffed: 12, occupied: 9, available: 3, surge: 0 });
    await expect(b.bedTileAvailable('adult_icu')).toHaveText('3');
    await expect(b.bedTile('adult_icu')).toContainText('开放 12 · 占用 9 · 应急扩容 0');

    // B is typing into another line when A's change arrives: the change shows, and B's editor stays open with B's text.
    await b.addBedLine('Ward 5', 'medical_surgical');
    await expect(a.bedCell('Ward 5', 'unit')).toBeVisible();
    const editor = await b.typeInBed('Ward 5', 'staffed', '25');
    await a.editBed('ICU 2', 'staffed', '14');
    await b.expectBedLine('ICU 2', { staffed: 14, available: 5 });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('25');
    await editor.press('Enter');
    await a.expectBedLine('Ward 5', { staffed: 25, available: 25 });

    // A goes offline and reports occupied (kept locally, one change waiting); B, online, reports surge meanwhile.
    rig.proxy.setMode('down');
    await a.editBed('ICU 2', 'occupied', '11');
    await a.expectBedLine('ICU 2', { occupied: 11, available: 3, surge: 0 });
    await expect(a.status).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await expect(a.pending).toHaveText('待同步变更：1');
    await b.editBed('ICU 2', 'surge', '4');
    await b.expectBedLine('ICU 2', { occupied: 9, surge: 4 });

    // A reconnects: bed.update changes only the figures given, so both desks end with A's occupied and B's surge.
    rig.proxy.setMode('up');
    await expect(a.pending).toHaveText('无待同步变更', { timeout: 30_000 });
    for (const desk of [a, b]) {
      await desk.expectBedLine('ICU 2', { staffed: 14, occupied: 11, available: 3, surge: 4 }, { timeout: 15_000 });
      await expect(desk.bedTileAvailable('adult_icu')).toHaveText('3');
      await expect(desk.bedTile('adult_icu')).toContainText('开放 14 · 占用 11 · 应急扩容 4');
    }
    await b.page.screenshot({ path: 'test-results/screens/resources-beds-sync-zh-CN.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
