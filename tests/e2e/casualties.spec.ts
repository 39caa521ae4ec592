import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { CommandCentre } from './pages/command-centre';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { test } from './fixtures/test';

// A step that cannot happen fails at that step, not at the end of the whole story.
test.use({ actionTimeout: 15_000 });

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const LIU: RigUser = { username: 'nurse-liu', password: 'command-room-2026', displayName: '刘护士' };
const INCIDENT = '环城路大巴侧翻';
/** The one name entered: it must appear on the desk and never on the wall. */
const NAME = '李四海';

async function desk(browser: Browser, hostUrl: string, serverUrl: string, user: RigUser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await openDeskAs(page, hostUrl, serverUrl, user);
  return page;
}

/** The header's count for one triage category or disposition. */
const headerCount = (page: Page, key: string): Locator => page.getByTestId(`header-casualties-${key}`);

test('an operator registers casualties by keyboard and in bulk, re-triages one and records a transfer; the header, the wall (tags, never names) and a second desk follow', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: LIU, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await desk(browser, hostA.url, rig.serverUrl, WANG);
    const a = new CommandCentre(pageA);
    await a.declareIncident({ name: INCIDENT, type: 'mass_casualty', level: 'II', location: '环城路与建设路口' });
    await expect(a.incidentName).toHaveText(INCIDENT);
    // No casualties yet: the header stays as for any incident.
    await expect(pageA.getByTestId('header-casualties')).toHaveCount(0);

    // Keyboard only: g c opens the page, the tag field takes a pre-printed tag, arrows pick the colour, Enter saves.
    await pageA.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pageA.keyboard.press('g');
    await pageA.keyboard.press('c');
    const entry = pageA.getByTestId('casualty-entry');
    await expect(entry).toBeVisible();
    await entry.getByLabel('区域/科室').fill('抢救室');
    await entry.getByLabel('姓名（选填）').fill(NAME);
    await entry.getByLabel('伤票号').focus();
    await pageA.keyboard.type('hz-0001');
    await pageA.keyboard.press('Tab');
    await expect(entry.getByRole('radio', { name: '黄色·重伤' })).toBeFocused();
    await pageA.keyboard.press('ArrowLeft');
    await expect(entry.getByRole('radio', { name: '红色·危重' })).toBeChecked();
    await entry.getByLabel('区域/科室').press('Enter');
    await expect(entry.getByTestId('casualty-saved')).toHaveText('已登记伤票 HZ-0001。');
    // Focus is back on the tag for the next arrival; a blank tag takes this desk's next generated number.
    await expect(entry.getByLabel('伤票号')).toBeFocused();
    await pageA.keyboard.press('Tab');
    await pageA.keyboard.press('ArrowRight');
    await expect(entry.getByRole('radio', { name: '黄色·重伤' })).toBeChecked();
    await entry.getByLabel('区域/科室').press('Enter');
    await expect(entry.getByTestId('casualty-saved')).toHaveText(/^已登记伤票 [0-9A-F]{4}-1。$/);
    const prefix = /([0-9A-F]{4})-1/.exec((await entry.getByTestId('casualty-saved').textContent()) ?? '')?.[1] ?? '';
    // The same pre-printed tag again is refused, saying which, and nothing is added.
    await entry.getByLabel('伤票号').fill('HZ-0001');
    await entry.getByLabel('伤票号').press('Enter');
    await expect(entry.getByTestId('casualty-taken')).toHaveText('伤票 HZ-0001 在本事件中已登记，未重复添加。');

    // "10 green walked in": ten tags of this desk's own, all at once.
    const bulk = pageA.getByTestId('casualty-bulk');
    await bulk.getByLabel('人数').fill('10');
    await bulk.getByLabel('到院方式').selectOption({ label: '步行来院' });
    await bulk.getByLabel('区域/科室').fill('绿区');
    await bulk.getByRole('button', { name: '登记 10 名' }).click();
    await expect(bulk.getByTestId('casualty-bulk-saved')).toHaveText(`已登记 10 名伤员：伤票 ${prefix}-2 至 ${prefix}-11。`);
    await expect(pageA.getByTestId('header-casualties')).toHaveAttribute('data-total', '12');
    await expect(headerCount(pageA, 'immediate')).toHaveAttribute('data-count', '1');
    await expect(headerCount(pageA, 'delayed')).toHaveAttribute('data-count', '1');
    await expect(headerCount(pageA, 'minor')).toHaveAttribute('data-count', '10');

    // Re-triage HZ-0001 after treatment: red to yellow, the first decision kept in its history.
    const grid = pageA.getByTestId('casualty-grid');
    await grid.getByText('HZ-0001', { exact: true }).click();
    const detail = pageA.getByTestId('casualty-detail');
    await expect(detail).toHaveAttribute('data-tag', 'HZ-0001');
    await detail.getByRole('radio', { name: '黄色·重伤' }).check();
    await detail.getByRole('button', { name: '复检分类' }).click();
    await expect(detail).toHaveAttribute('data-category', 'delayed');
    const history = detail.getByTestId('casualty-history').locator('li');
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toHaveAttribute('data-category', 'immediate');
    await expect(history.nth(1)).toHaveAttribute('data-category', 'delayed');
    await expect(history.nth(0)).toContainText('王医生');
    await expect(headerCount(pageA, 'immediate')).toHaveAttribute('data-count', '0');
    await expect(headerCount(pageA, 'delayed')).toHaveAttribute('data-count', '2');

    // A transfer needs the receiving hospital.
    await detail.getByRole('combobox', { name: '去向', exact: true }).selectOption({ label: '转院' });
    await detail.getByLabel('接收医院（必填）').fill('市第一人民医院');
    await detail.getByRole('button', { name: '记录去向' }).click();
    await expect(detail).toHaveAttribute('data-disposition', 'transferred');
    await expect(detail.getByTestId('casualty-disposition')).toContainText('转院 — 市第一人民医院');
    await expect(headerCount(pageA, 'transferred')).toHaveAttribute('data-count', '1');
    await expect(headerCount(pageA, 'in_care')).toHaveAttribute('data-count', '11');
    await expect(grid).toContainText(NAME);
    await pageA.screenshot({ path: 'test-results/screens/casualties-desk-zh-CN.png', fullPage: true });

    // The wall, with the casualty panel chosen in Settings in place of the activity log.
    await pageA.getByTestId('nav-settings').click();
    await pageA.getByTestId('wall-setup-0-log').uncheck();
    await pageA.getByTestId('wall-setup-0-casualties').check();
    await pageA.getByTestId('wall-setup-save').click();
    await expect(pageA.getByTestId('wall-setup').getByRole('status')).toBeVisible();
    const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await wall.goto(new URL('/wall', hostA.url).toString());
    const panel = wall.getByTestId('wall-panel-casualties');
    await expect(panel.getByTestId('wall-casualties-delayed')).toHaveAttribute('data-count', '2');
    await expect(panel.getByTestId('wall-casualties-minor')).toHaveAttribute('data-count', '10');
    await expect(panel.getByTestId('wall-casualties-transferred')).toHaveAttribute('data-count', '1');
    // The latest arrivals by tag number: the last of the bulk first.
    await expect(panel.getByTestId('wall-casualty-tag').first()).toContainText(`${prefix}-11`);
    await expect(wall.locator('body')).not.toContainText(NAME);

    // A second desk, another nurse's: sees all twelve after sync, and adds three of its own with no tag clash.
    const pageB = await desk(browser, hostB.url, rig.serverUrl, LIU);
    const b = new CommandCentre(pageB);
    await expect(pageB.getByTestId('incident-list')).toContainText(INCIDENT, { timeout: 20_000 });
    await b.makeCurrent(INCIDENT);
    await pageB.getByTestId('nav-casualties').click();
    await expect(pageB.getByTestId('header-casualties')).toHaveAttribute('data-total', '12', { timeout: 20_000 });
    await expect(pageB.getByTestId('casualty-grid')).toContainText('HZ-0001');
    const bulkB = pageB.getByTestId('casualty-bulk');
    await bulkB.getByLabel('人数').fill('3');
    await bulkB.getByLabel('区域/科室').fill('绿区');
    await bulkB.getByRole('button', { name: '登记 3 名' }).click();
    await expect(bulkB.getByTestId('casualty-bulk-saved')).toBeVisible();
    await expect(headerCount(pageB, 'minor')).toHaveAttribute('data-count', '13');
    // Desk A's wall counts them once they reach it through the server.
    await expect(panel.getByTestId('wall-casualties-minor')).toHaveAttribute('data-count', '13', { timeout: 20_000 });
    await expect(headerCount(pageA, 'minor')).toHaveAttribute('data-count', '13');
    await expect(wall.locator('body')).not.toContainText(NAME);
    await wall.screenshot({ path: 'test-results/screens/casualties-wall-zh-CN.png' });
    await pageB.screenshot({ path: 'test-results/screens/casualties-desk-b-zh-CN.png', fullPage: true });

    // The same screens in English.
    await a.switchLanguage();
    await pageA.getByTestId('nav-casualties').click();
    await expect(pageA.getByTestId('casualty-entry')).toContainText('Arrival – one casualty per Enter');
    await pageA.getByTestId('triage-help').locator('summary').click();
    await expect(pageA.getByTestId('triage-help')).toContainText('Breathes over 30/min');
    await pageA.screenshot({ path: 'test-results/screens/casualties-desk-en.png', fullPage: true });
    await expect(panel).toContainText('Casualties by triage colour and disposition');
    await expect(wall.locator('body')).not.toContainText(NAME);
    await wall.screenshot({ path: 'test-results/screens/casualties-wall-en.png' });
  } finally {
    await rig.close();
  }
});
