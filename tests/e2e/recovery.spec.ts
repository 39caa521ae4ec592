import { expect, type Browser, type Page } from '@playwright/test';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { test } from './fixtures/test';

test.use({ actionTimeout: 15_000 });

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const ZHOU: RigUser = { username: 'ehw-zhou', password: 'command-room-2026', displayName: '周心理' };
const LIU: RigUser = { username: 'nurse-liu', password: 'command-room-2026', displayName: '刘护士' };
const INCIDENT = '化工厂泄漏 批量伤员';
/** The person whose check-in is confidential: named to the wellbeing lead only. */
const NURSE = '陈晓梅';

async function desk(browser: Browser, hostUrl: string, serverUrl: string, user: RigUser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await openDeskAs(page, hostUrl, serverUrl, user);
  return page;
}

async function openRecovery(page: Page): Promise<void> {
  await expect(page.getByTestId('incident-list')).toContainText(INCIDENT, { timeout: 20_000 });
  await new CommandCentre(page).makeCurrent(INCIDENT);
  await page.getByTestId('nav-board').click();
  await new BoardPage(page).tab('recovery').click();
}

test('a commander checks a person out and records a cost line at demobilisation; the wellbeing lead sees a check-in by name that an operator sees only as a count', async ({ browser }) => {
  test.setTimeout(180_000);
  const rig = await startSyncRig({
    user: WANG,
    roles: 'incident_commander',
    workstations: 3,
    moreUsers: [{ user: ZHOU, roles: 'wellbeing_lead' }, { user: LIU, roles: 'operator' }],
  });
  try {
    const [hostA, hostB, hostC] = rig.hosts;
    if (!hostA || !hostB || !hostC) throw new Error('hosts did not start');

    // The commander: an incident, a nurse on the org chart, then demobilisation.
    const pageA = await desk(browser, hostA.url, rig.serverUrl, WANG);
    const a = new CommandCentre(pageA);
    const board = new BoardPage(pageA);
    await a.declareIncident({ name: INCIDENT, type: 'mass_casualty', level: 'II', location: '临港化工园区' });
    await board.assign('ops', NURSE);
    await board.answerJasOffer(false);
    await board.tab('tasks').click();
    const lifecycle = pageA.getByTestId('lifecycle');
    await lifecycle.getByLabel('原因（撤收或结束时必填）').fill('最后一名伤员已收治');
    await lifecycle.getByRole('button', { name: '进入撤收', exact: true }).click();
    await pageA.getByRole('dialog', { name: '进入撤收？' }).getByRole('button', { name: '进入撤收', exact: true }).click();
    await expect(pageA.getByTestId('incident-status')).toHaveText('收尾撤收中');

    // HICS 221 check-out: two items ticked, progress shown.
    await board.tab('recovery').click();
    const checkout = pageA.getByTestId('recovery-checkout');
    // Each box is the record's: it shows ticked once the tick is saved on this desk.
    for (const item of ['已归还物品', '已完成交接']) {
      const box = checkout.getByRole('checkbox', { name: `${NURSE}：${item}` });
      await box.click();
      await expect(box).toBeChecked();
    }
    await expect(checkout.getByTestId('checkout-progress')).toContainText('已签退 0/1 人 · 已勾选 2/6 项');

    // A cost line: its total worked out, the category totalled.
    const costs = pageA.getByTestId('recovery-costs');
    const form = costs.getByRole('form', { name: '添加费用' });
    await form.getByLabel('物品或服务').fill('防化服');
    await form.getByLabel('供应商').fill('华东防护用品公司');
    await form.getByLabel('类别').selectOption({ label: '设备' });
    await form.getByLabel('数量').fill('40');
    await form.getByLabel('单价').fill('125.50');
    await form.getByLabel('申请人').fill('急诊科 李主任');
    await form.getByLabel('批准人').fill('财务组 张组长');
    await form.getByRole('button', { name: '添加费用' }).click();
    await expect(costs.getByTestId('cost-row')).toContainText('5,020.00');
    await expect(costs.getByTestId('cost-totals')).toContainText('设备: 5,020.00');
    await pageA.screenshot({ path: 'test-results/screens/recovery-commander-zh-CN.png', fullPage: true });

    // The wellbeing lead records the nurse's check-in and sees it by name.
    const pageB = await desk(browser, hostB.url, rig.serverUrl, ZHOU);
    await openRecovery(pageB);
    const wellbeing = pageB.getByTestId('recovery-wellbeing');
    const checkIn = wellbeing.getByTestId('wellbeing-form');
    await checkIn.getByLabel('人员').fill(NURSE);
    await checkIn.getByLabel('科室').fill('急诊科');
    await checkIn.getByRole('radio', { name: '橙色（持续困扰）' }).check();
    await checkIn.getByRole('checkbox', { name: '休息' }).check();
    await checkIn.getByRole('button', { name: '保存签到' }).click();
    await expect(checkIn.getByTestId('wellbeing-saved')).toHaveText('签到已保存。');
    const individual = wellbeing.getByTestId('wellbeing-checkin');
    await expect(individual).toHaveAttribute('data-zone', 'orange');
    await expect(individual).toContainText(NURSE);
    // Orange calls for the lead's follow-up: the check-in waits at the top of the lead's list until it is recorded.
    await expect(individual).toHaveAttribute('data-awaiting', 'true');
    await expect(individual).toContainText('待跟进');
    await pageB.screenshot({ path: 'test-results/screens/recovery-wellbeing-lead-zh-CN.png', fullPage: true });

    // The operator: one person counted, no colour for a group that small, no name anywhere; and the commander's work.
    const pageC = await desk(browser, hostC.url, rig.serverUrl, LIU);
    await openRecovery(pageC);
    const total = pageC.getByTestId('wellbeing-total');
    await expect(total).toContainText('1', { timeout: 20_000 });
    await expect(total).toContainText('不足 5 人：不显示颜色');
    await expect(pageC.getByTestId('wellbeing-individuals')).toHaveCount(0);
    await expect(pageC.getByTestId('wellbeing-awaiting')).toHaveText('待身心健康负责人跟进的签到：1 条');
    await expect(pageC.getByTestId('recovery-checkout').getByRole('checkbox', { name: `${NURSE}：已归还物品` })).toBeChecked();
    await expect(pageC.getByTestId('cost-total')).toHaveText('5,020.00');
    await expect(pageC.getByTestId('recovery-wellbeing')).not.toContainText(NURSE);
    await pageC.screenshot({ path: 'test-results/screens/recovery-operator-zh-CN.png', fullPage: true });

    // The wall driven by the wellbeing lead's own desk, with the recovery panel in place of the log: counts only.
    await pageB.getByTestId('nav-settings').click();
    await pageB.getByTestId('wall-setup-0-log').uncheck();
    await pageB.getByTestId('wall-setup-0-recovery').check();
    await pageB.getByTestId('wall-setup-save').click();
    await expect(pageB.getByTestId('wall-setup').getByRole('status')).toBeVisible();
    const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await wall.goto(new URL('/wall', hostB.url).toString());
    const panel = wall.getByTestId('wall-panel-recovery');
    await expect(panel.getByTestId('wall-recovery-checkout')).toHaveAttribute('data-people', '1');
    await expect(panel.getByTestId('wall-recovery-checkout')).toHaveText('已签退 0/1 人');
    await expect(panel.getByTestId('wall-recovery-wellbeing-total')).toContainText('不足 5 人：不显示颜色');
    await expect(panel.getByTestId('wall-recovery-awaiting')).toHaveText('待身心健康负责人跟进的签到：1 条');
    await expect(wall.locator('body')).not.toContainText(NURSE);
    await wall.screenshot({ path: 'test-results/screens/recovery-wall-zh-CN.png' });

    // The lead follows the nurse up: the check-in no longer waits, here, on the operator's desk and on the wall.
    await pageB.getByTestId('nav-board').click();
    await new BoardPage(pageB).tab('recovery').click();
    const followUp = pageB.getByRole('form', { name: `跟进 ${NURSE}` });
    await followUp.getByLabel('跟进情况（谈话、安排休息、转介）').fill('已谈话，安排休息一天');
    await followUp.getByRole('button', { name: '登记跟进' }).click();
    await expect(individual).toHaveAttribute('data-awaiting', 'false');
    await expect(individual).toContainText('已谈话，安排休息一天');
    await expect(pageC.getByTestId('wellbeing-awaiting')).toHaveCount(0, { timeout: 20_000 });
    await expect(panel.getByTestId('wall-recovery-awaiting')).toHaveCount(0, { timeout: 20_000 });

    // The commander in English: the aggregate, never the name.
    await a.switchLanguage();
    await expect(pageA.getByTestId('recovery-wellbeing')).toContainText('Fewer than 5 people: colours not shown');
    await expect(pageA.getByTestId('recovery-wellbeing')).not.toContainText(NURSE);
    await pageA.screenshot({ path: 'test-results/screens/recovery-commander-en.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
