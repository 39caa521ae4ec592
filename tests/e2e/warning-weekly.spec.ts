import { expect } from '@playwright/test';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { test } from './fixtures/test';
import { WarningPage } from './pages/warning';

test.use({ actionTimeout: 15_000 });

const LI: RigUser = { username: 'dr-li', password: 'command-room-2026', displayName: '李医生' };
const INDICATOR = '流感样病例百分比 ILI%';
const DAY_MS = 86_400_000;

/** The Monday of the ISO week `weeksBack` weeks before this one, as the domain keys a weekly figure. */
function monday(weeksBack: number): string {
  const today = Math.floor(Date.now() / DAY_MS);
  const thisMonday = today - ((today + 3) % 7);
  return new Date((thisMonday - 7 * weeksBack) * DAY_MS).toISOString().slice(0, 10);
}

test('a duty officer sets up a weekly ILI % indicator, enters weeks by their Monday, is told the Monday for another day, and a spike week turns it red', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({ user: LI, roles: 'incident_commander', workstations: 1 });
  try {
    const [host] = rig.hosts;
    if (!host) throw new Error('host did not start');
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(page, host.url, rig.serverUrl, LI);
    const w = new WarningPage(page);
    await w.open();
    await w.defineIndicator(
      { name: INDICATOR, source: 'fever_clinic', method: 'ears_c1', group: '呼吸道', unit: '%', frequency: 'weekly' },
      { name: '名称', source: '来源', method: '探测方法', group: '症候群', unit: '单位', frequency: '报告频率', submit: '添加指标' },
    );
    await w.indicator(INDICATOR).click();
    await expect(page.getByTestId('warning-series')).toContainText('每周');

    // The entry is for a week: it starts on this week's Monday and names the ISO week.
    await expect(w.entry).toHaveAttribute('data-frequency', 'weekly');
    await expect(w.entry.getByRole('heading')).toHaveText('录入本周数值');
    await expect(w.entry.locator('input[name="date"]')).toHaveValue(monday(0));
    await expect(page.getByTestId('observation-entry-week')).toContainText(/第 \d{4}-W\d{2} 周（周一 \d{4}-\d{2}-\d{2}）/);

    // Seven earlier weeks from a file of Mondays (ILI % steady near 3).
    const rows = [3.0, 3.2, 2.9, 3.1, 3.0, 3.3, 3.1].map((v, i) => `${monday(7 - i)},${v}`);
    await w.importCsv(['date,count', ...rows].join('\n'));
    await expect(page.getByTestId('observation-import-done')).toHaveText('已导入 7 周。');

    // A Thursday is refused, and the refusal names the week's Monday.
    const thursday = new Date(Date.parse(monday(0)) + 3 * DAY_MS).toISOString().slice(0, 10);
    await w.enter(thursday, 6.4);
    await expect(w.entry.getByRole('alert')).toContainText(monday(0));

    // This week's 6.4 % is far above mean + 3.09 sd of the seven weeks before: red.
    await w.enter(monday(0), 6.4);
    await expect(w.entry.getByRole('status')).toContainText('W');
    await expect(w.indicator(INDICATOR)).toHaveAttribute('data-level', 'red');
    await expect(page.getByTestId('warning-chart')).toHaveAttribute('data-frequency', 'weekly');
    await expect(page.getByTestId('warning-chart')).toHaveAttribute('data-alarm-days', '1');
    await expect(w.alerts).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/warning-weekly-zh-CN.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
