import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { test } from './fixtures/test';
import { WarningPage } from './pages/warning';

// A step that cannot happen fails at that step, not at the end of the whole story.
test.use({ actionTimeout: 15_000 });

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const CHEN: RigUser = { username: 'officer-chen', password: 'command-room-2026', displayName: 'Duty Officer Chen' };
const INDICATOR = '急诊发热呼吸道症候群';
const GROUP = '呼吸道';
const DAY_MS = 86_400_000;

/** The UTC calendar day `offset` days from today: the day the domain raises alerts for. */
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * Two years of daily ED syndrome visits ending the day before yesterday: a steady 15–25 a day (mean ~20) in a
 * fixed pattern, so ESSENCE EWMA judges every recent day green, yesterday's 26 yellow (p ≈ 0.03) and today's 45 red.
 */
function twoYearsCsv(): string {
  const rows = Array.from({ length: 730 }, (_, i) => `${day(i - 731)},${20 + ((i * 7) % 11) - 5}`);
  return ['date,count', ...rows].join('\n');
}

async function desk(browser: Browser, hostUrl: string, serverUrl: string, user: RigUser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await openDeskAs(page, hostUrl, serverUrl, user);
  return page;
}

async function showWarningOnWall(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  // A wall page holds four panels: the activity log makes room for the warning panel.
  await page.getByTestId('wall-setup-0-log').uncheck();
  await page.getByTestId('wall-setup-0-warning').check();
  await page.getByTestId('wall-setup-save').click();
  await expect(page.getByTestId('wall-setup').getByRole('status')).toBeVisible();
}

test('a duty officer imports two years of ED syndrome counts; a spike turns the indicator yellow then red, the alert is acknowledged, verified and opens an incident with its 2-hour clock; the wall and a second desk see it all', async ({ browser }) => {
  test.setTimeout(240_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: CHEN, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await desk(browser, hostA.url, rig.proxiedUrl, WANG);
    const pageB = await desk(browser, hostB.url, rig.serverUrl, CHEN);
    const a = new WarningPage(pageA);
    const b = new WarningPage(pageB);

    // Desk A sets up the indicator: ED fever/respiratory visits, judged by ESSENCE EWMA with the sources' defaults.
    await a.open();
    await a.defineIndicator(
      { name: INDICATOR, source: 'ed_syndrome', method: 'ewma', group: GROUP, unit: '人次' },
      { name: '名称', source: '来源', method: '探测方法', group: '症候群', unit: '单位', submit: '添加指标' },
    );
    await a.indicator(INDICATOR).click();

    // A file with a bad figure and an impossible day is refused whole, every problem named by row and column.
    await a.importCsv(['date,count', `${day(-3)},abc`, '2026-02-30,4', `${day(-2)},5`].join('\n'));
    const errors = pageA.getByTestId('observation-import-errors');
    await expect(errors).toContainText('文件被拒绝：2 处问题');
    await expect(errors.locator('tbody tr').nth(0)).toHaveText(/^2count不是大于等于零的数字$/);
    await expect(errors.locator('tbody tr').nth(1)).toHaveText(/^3date不是日期/);

    // Two years of history: all green, today not yet reported (its latest figure is dated), no alert.
    await a.importCsv(twoYearsCsv());
    await expect(pageA.getByTestId('observation-import-done')).toHaveText('已导入 730 天。');
    await expect(a.indicator(INDICATOR)).toHaveAttribute('data-level', 'green');
    await expect(a.indicator(INDICATOR)).toHaveAttribute('data-today', 'false');
    await expect(a.alerts).toHaveCount(0);

    // Yesterday 26 visits: yellow, and a yellow alert with a day to acknowledge it.
    await a.enter(day(-1), 26);
    await expect(a.indicator(INDICATOR)).toHaveAttribute('data-level', 'yellow');
    await expect(a.alerts).toHaveCount(1);
    await expect(a.alerts.first()).toHaveAttribute('data-grade', 'yellow');

    // Today 45: red; the same thread turns red and its acknowledgement deadline shortens to 30 minutes.
    await a.enter(day(0), 45);
    await expect(a.indicator(INDICATOR)).toHaveAttribute('data-level', 'red');
    await expect(a.indicator(INDICATOR)).toHaveAttribute('data-today', 'true');
    await expect(a.alerts).toHaveCount(1);
    await expect(a.alerts.first()).toHaveAttribute('data-grade', 'red');
    await expect(a.alerts.first()).toHaveAttribute('data-status', 'new');
    await expect(a.alerts.first().getByTestId('warning-alert-deadline')).toContainText('须于');
    await expect(pageA.getByTestId('warning-chart')).toHaveAttribute('data-alarm-days', '2');

    // A second figure for today is refused unless the officer chooses to replace it; keeping leaves 45.
    await a.enter(day(0), 44);
    await expect(pageA.getByTestId('observation-clash')).toContainText(`${day(0)} 已有数值 45`);
    await pageA.getByTestId('observation-clash').getByRole('button', { name: '保留已录入的数值' }).click();
    await expect(pageA.getByTestId('observation-clash')).toHaveCount(0);
    await pageA.screenshot({ path: 'test-results/screens/warning-red-zh-CN.png', fullPage: true });

    // Desk B, another officer's workstation, sees the red indicator and the new red alert.
    await b.open();
    await expect(b.indicator(INDICATOR)).toHaveAttribute('data-level', 'red', { timeout: 20_000 });
    await expect(b.alerts.first()).toHaveAttribute('data-grade', 'red', { timeout: 20_000 });

    // The wall on desk A's workstation: the red alert, escalated once nobody acknowledged it within 30 minutes.
    await showWarningOnWall(pageA);
    const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await wall.clock.install();
    await wall.goto(new URL('/wall', hostA.url).toString());
    const wallAlert = wall.getByTestId('wall-warning-alert');
    await expect(wallAlert).toHaveAttribute('data-grade', 'red');
    await expect(wallAlert).toHaveAttribute('data-escalated', 'false');
    await expect(wall.getByTestId('wall-warning-indicator').filter({ hasText: INDICATOR })).toHaveAttribute('data-level', 'red');
    await wall.clock.fastForward('31:00');
    await expect(wallAlert).toHaveAttribute('data-escalated', 'true');
    await expect(wallAlert).toContainText('未确认');
    await wall.screenshot({ path: 'test-results/screens/warning-wall-escalated-zh-CN.png' });

    // A acknowledges (the check is the duty officer's own), verifies, and opens the incident.
    await a.open();
    await a.openAlert(GROUP);
    await a.detail.getByRole('button', { name: '确认并开始核实' }).click();
    await expect(a.detail).toHaveAttribute('data-status', 'checking');
    await expect(wallAlert).toHaveAttribute('data-escalated', 'false');
    await expect(wallAlert).toHaveAttribute('data-status', 'checking');
    await a.detail.getByLabel('核实结论').fill('急诊 6 例流感样病例聚集，甲型流感快检阳性 4 例');
    await a.detail.getByRole('button', { name: '核实：疑似事件' }).click();
    await expect(a.detail).toHaveAttribute('data-status', 'verified');
    // The verified alert is an issued warning: its CAP 1.2 file saves and the OASIS schema accepts it.
    const saving = pageA.waitForEvent('download');
    await a.detail.getByRole('button', { name: '导出 CAP 1.2' }).click();
    const capFile = await (await saving).path();
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', 'resources/schemas/cap-1.2/CAP-v1.2.xsd', capFile], { stdio: 'pipe' });
    const cap = readFileSync(capFile, 'utf8');
    expect(cap).toContain('<msgType>Alert</msgType>');
    expect(cap).toContain('<status>Actual</status>');
    const form = pageA.getByTestId('warning-open-incident');
    await expect(form.getByLabel('事件名称')).toHaveValue(`疑似暴发：${GROUP}`);
    await expect(form.locator('.level-badge')).toHaveAttribute('data-level', 'I');
    await form.getByRole('button', { name: '启动事件' }).click();
    await expect(a.detail).toHaveAttribute('data-status', 'incident_opened');

    // The incident runs from the first signal: its statutory 2-hour report clock is already counting down.
    const clock = a.detail.getByTestId('warning-incident-clock');
    await expect(clock).toContainText(`疑似暴发：${GROUP}`);
    await expect(clock.getByTestId('warning-incident-countdown')).toHaveText(/01:[0-5]\d:\d\d$/);
    await expect(pageA.getByTestId('incident-name')).toHaveText(`疑似暴发：${GROUP}`);
    await expect(pageA.getByTestId('report-clock')).toBeVisible();
    await pageA.screenshot({ path: 'test-results/screens/warning-incident-zh-CN.png', fullPage: true });

    // The wall now leads with the incident, at level I; the alert has left the open list.
    await expect(wall.getByTestId('wall')).toHaveAttribute('data-level', 'I');
    await expect(wall.locator('.wall-incident')).toHaveText(`疑似暴发：${GROUP}`);
    await expect(wallAlert).toHaveCount(0);
    // The wall keeps the incident's report clock in view (the wall's own clock is 31 minutes on: about 1 h 28 left).
    const wallClock = wall.getByTestId('wall-warning').getByTestId('warning-incident-clock');
    await expect(wallClock).toContainText(`疑似暴发：${GROUP}`);
    await expect(wallClock.getByTestId('warning-incident-countdown')).toHaveText(/01:[0-2]\d:\d\d$/);
    await wall.screenshot({ path: 'test-results/screens/warning-wall-incident-zh-CN.png' });

    // Desk B sees the whole story: who checked it, the verification, and the incident with its clock.
    const row = await b.openAlert(GROUP);
    await expect(row).toHaveAttribute('data-status', 'incident_opened', { timeout: 20_000 });
    await expect(b.detail).toContainText('急诊 6 例流感样病例聚集');
    await expect(b.detail.getByTestId('actor').first()).toHaveText('王医生');
    await expect(b.detail.getByTestId('warning-incident-countdown')).toHaveText(/01:[0-5]\d:\d\d$/, { timeout: 20_000 });
    await pageB.screenshot({ path: 'test-results/screens/warning-desk-b-zh-CN.png', fullPage: true });

    // The same screens in English.
    await pageA.getByTestId('language-toggle').click();
    await expect(a.detail).toContainText('Incident opened');
    await pageA.screenshot({ path: 'test-results/screens/warning-incident-en.png', fullPage: true });
    await expect(wall.getByTestId('wall-panel-warning')).toContainText('Early warning: open alerts');
    await wall.screenshot({ path: 'test-results/screens/warning-wall-incident-en.png' });
    await a.tab('setup');
    await expect(pageA.getByTestId('indicator-editor')).toContainText('Smoother w1 (gradual)');

    // A multi-point rule, versioned: set up, then changed, it shows version 2.
    const rules = pageA.getByTestId('rule-editor');
    await rules.getByLabel('Name', { exact: true }).fill('ED syndrome yellow: orange');
    await rules.getByRole('combobox', { name: 'Grade raised', exact: true }).selectOption('orange');
    await rules.getByLabel('Syndrome group', { exact: true }).fill(GROUP);
    await rules.getByRole('button', { name: 'Add condition' }).click();
    await rules.getByRole('combobox', { name: 'At least', exact: true }).selectOption('yellow');
    await rules.getByRole('button', { name: 'Set up rule' }).click();
    const ruleRow = rules.getByTestId('warning-rule').filter({ hasText: 'ED syndrome yellow: orange' });
    await expect(ruleRow).toContainText('v1');
    await rules.getByRole('combobox', { name: 'Rule to edit', exact: true }).selectOption({ label: 'ED syndrome yellow: orange' });
    await rules.getByLabel('Colours count within (days)', { exact: true }).fill('2');
    await rules.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(ruleRow).toContainText('v2');
    await pageA.screenshot({ path: 'test-results/screens/warning-setup-en.png', fullPage: true });
    await a.tab('signals');
    await a.indicator(INDICATOR).click();
    await pageA.screenshot({ path: 'test-results/screens/warning-signals-en.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
