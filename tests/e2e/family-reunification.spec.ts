import { expect, type Browser, type Page } from '@playwright/test';
import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { test } from './fixtures/test';

test.use({ actionTimeout: 15_000 });

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const ZHAO: RigUser = { username: 'sw-zhao', password: 'command-room-2026', displayName: '赵社工' };
const LIU: RigUser = { username: 'nurse-liu', password: 'command-room-2026', displayName: '刘护士' };
const INCIDENT = '环城路大巴侧翻';
/** Who the family is and whom they seek: shown to the family desk, never to the operator. */
const PATIENT = '陈小雨';
const MOTHER = '陈秀兰';
const PHONE = '13900001111';

async function desk(browser: Browser, hostUrl: string, serverUrl: string, user: RigUser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await openDeskAs(page, hostUrl, serverUrl, user);
  return page;
}

test('the family desk records an enquiry, matches it to a casualty among the candidates and marks the family informed; an operator sees number and status, never a name', async ({ browser }) => {
  test.setTimeout(240_000);
  const rig = await startSyncRig({
    user: WANG,
    roles: 'incident_commander',
    workstations: 3,
    moreUsers: [{ user: ZHAO, roles: 'patient_family_assistance' }, { user: LIU, roles: 'operator' }],
  });
  try {
    const [hostA, hostB, hostC] = rig.hosts;
    if (!hostA || !hostB || !hostC) throw new Error('hosts did not start');

    // The commander's desk: an incident and a casualty described by what she wears.
    const pageA = await desk(browser, hostA.url, rig.serverUrl, WANG);
    const a = new CommandCentre(pageA);
    await a.declareIncident({ name: INCIDENT, type: 'mass_casualty', level: 'II', location: '环城路与建设路口' });
    await pageA.getByTestId('nav-casualties').click();
    const entry = pageA.getByTestId('casualty-entry');
    await entry.getByLabel('区域/科室').fill('绿区');
    await entry.getByLabel('姓名（选填）').fill(PATIENT);
    await entry.getByLabel('伤票号').fill('HZ-0007');
    await entry.getByLabel('伤票号').press('Enter');
    await expect(entry.getByTestId('casualty-saved')).toHaveText('已登记伤票 HZ-0007。');
    await entry.getByLabel('伤票号').fill('HZ-0008');
    await entry.getByLabel('伤票号').press('Enter');
    await expect(entry.getByTestId('casualty-saved')).toHaveText('已登记伤票 HZ-0008。');
    await pageA.getByTestId('casualty-grid').getByText('HZ-0007', { exact: true }).click();
    const identity = pageA.getByTestId('casualty-identity');
    await identity.getByLabel('性别').selectOption({ label: '女' });
    await identity.getByLabel('年龄段').selectOption({ label: '少年（9–17岁）' });
    await identity.getByLabel('特征描述（衣着、体貌）').fill('蓝色校服，马尾辫');
    await identity.getByRole('button', { name: '保存信息' }).click();
    await expect(identity.getByRole('status')).toHaveText('信息已保存。');

    // The family desk, by keyboard: g f opens Family enquiries.
    const pageB = await desk(browser, hostB.url, rig.serverUrl, ZHAO);
    const b = new CommandCentre(pageB);
    await expect(pageB.getByTestId('incident-list')).toContainText(INCIDENT, { timeout: 20_000 });
    await b.makeCurrent(INCIDENT);
    await pageB.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pageB.keyboard.press('g');
    await pageB.keyboard.press('f');
    const form = pageB.getByTestId('enquiry-form');
    await expect(form).toBeVisible();
    await form.getByLabel('查询人姓名').fill(MOTHER);
    await form.getByLabel('与被寻者关系').fill('母亲');
    await form.getByLabel('联系方式（电话）').fill(PHONE);
    await form.getByLabel('被寻者姓名（如提供）').fill(PATIENT);
    await form.getByLabel('性别').selectOption({ label: '女' });
    await form.getByLabel('年龄段').selectOption({ label: '少年（9–17岁）' });
    await form.getByLabel('衣着').fill('蓝色校服');
    await form.getByLabel('最后出现地点').fill('大巴中部');
    await form.getByLabel('最后出现地点').press('Enter');
    await expect(form.getByTestId('enquiry-saved')).toHaveText(/^已登记查询 E[0-9A-F]{4}-1。$/);
    const ref = /(E[0-9A-F]{4}-1)/.exec((await form.getByTestId('enquiry-saved').textContent()) ?? '')?.[1] ?? '';

    // The candidates: the girl in the school uniform first, the description word that fits named.
    const detail = pageB.getByTestId('enquiry-detail');
    await expect(detail).toHaveAttribute('data-status', 'open');
    const candidates = detail.getByTestId('enquiry-candidate');
    await expect(candidates.first()).toHaveAttribute('data-tag', 'HZ-0007', { timeout: 20_000 });
    await expect(candidates.first()).toContainText('符合：蓝色校服');
    await expect(candidates.first()).toContainText(PATIENT);
    await candidates.first().getByRole('button', { name: '匹配伤票 HZ-0007' }).click();
    await expect(detail).toHaveAttribute('data-status', 'matched');
    await expect(detail.getByTestId('enquiry-match')).toHaveText('已匹配伤票 HZ-0007。');
    await detail.getByRole('button', { name: '已告知家属' }).click();
    await expect(detail).toHaveAttribute('data-status', 'closed');
    await expect(detail).toHaveAttribute('data-outcome', 'informed');
    const history = detail.getByTestId('enquiry-history').locator('li');
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText('HZ-0007');
    await expect(history.nth(0)).toContainText('赵社工');
    await expect(history.nth(1)).toContainText('已告知家属');
    await pageB.screenshot({ path: 'test-results/screens/family-desk-zh-CN.png', fullPage: true });

    // The commander sees the match and the family informed in the timeline, and the casualty's family notified.
    await pageA.getByTestId('nav-board').click();
    await new BoardPage(pageA).tab('timeline').click();
    const timeline = pageA.getByTestId('timeline');
    await expect(timeline).toContainText(`查询 ${ref} 匹配伤票 HZ-0007`, { timeout: 20_000 });
    await expect(timeline).toContainText(`查询 ${ref}：已告知家属`);
    await expect(timeline).not.toContainText(MOTHER);

    // An operator's desk: the enquiry's number, status and description, and no name anywhere.
    const pageC = await desk(browser, hostC.url, rig.serverUrl, LIU);
    const c = new CommandCentre(pageC);
    await expect(pageC.getByTestId('incident-list')).toContainText(INCIDENT, { timeout: 20_000 });
    await c.makeCurrent(INCIDENT);
    await pageC.getByTestId('nav-family').click();
    await expect(pageC.getByTestId('family-restricted')).toBeVisible();
    const row = pageC.getByTestId('enquiry-row');
    await expect(row).toHaveAttribute('data-ref', ref, { timeout: 20_000 });
    await expect(row).toHaveAttribute('data-status', 'closed');
    await expect(row).toContainText('蓝色校服');
    await expect(pageC.getByTestId('enquiry-form')).toHaveCount(0);
    await row.getByRole('button', { name: ref }).click();
    await expect(pageC.getByTestId('enquiry-detail')).toContainText('母亲');
    for (const secret of [PATIENT, MOTHER, PHONE]) await expect(pageC.locator('body')).not.toContainText(secret);
    await pageC.getByTestId('nav-casualties').click();
    await expect(pageC.getByTestId('casualty-grid')).toContainText('HZ-0007');
    await expect(pageC.locator('body')).not.toContainText(PATIENT);
    await pageC.screenshot({ path: 'test-results/screens/family-operator-zh-CN.png', fullPage: true });

    // The family desk in English.
    await b.switchLanguage();
    await pageB.getByTestId('nav-family').click();
    await expect(pageB.getByTestId('enquiry-form')).toContainText('Who asks');
    await pageB.getByTestId('enquiry-row').getByRole('button', { name: ref }).click();
    await expect(pageB.getByTestId('enquiry-detail')).toContainText('Family informed');
    await pageB.screenshot({ path: 'test-results/screens/family-desk-en.png', fullPage: true });
  } finally {
    await rig.close();
  }
});
