import { openDeskAs, startSyncRig, type RigUser } from './fixtures/sync-rig';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

/**
 * Issue 13, drill fix 13: a second desk follows the incident the command post makes current, until its user picks
 * another; then it stays on that pick, with a way back to following.
 */

const WANG: RigUser = { username: 'dr-wang', password: 'command-room-2026', displayName: '王医生' };
const CHEN: RigUser = { username: 'officer-chen', password: 'command-room-2026', displayName: '陈值班' };
const BUS = '高速客车侧翻 批量伤员';
const LEAK = '氯气泄漏 门诊楼';
const FIRE = '住院部配电室起火';

test('a second desk follows the command post’s current incident, and stays on the one its user picks until told to follow again', async ({ browser }) => {
  test.setTimeout(300_000);
  const rig = await startSyncRig({ user: WANG, roles: 'incident_commander', moreUsers: [{ user: CHEN, roles: 'operator' }] });
  try {
    const [hostA, hostB] = rig.hosts;
    if (!hostA || !hostB) throw new Error('hosts did not start');
    const pageA = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await openDeskAs(pageA, hostA.url, rig.serverUrl, WANG);
    await openDeskAs(pageB, hostB.url, rig.serverUrl, CHEN);
    const post = new CommandCentre(pageA);
    const desk = new CommandCentre(pageB);
    const followState = pageB.getByTestId('follow-state');

    // The command post declares two incidents; the second desk, untouched, shows each as it is declared.
    await post.declareIncident({ name: BUS, type: 'mass_casualty', level: 'II', location: '急诊' });
    await expect(post.incidentName).toHaveText(BUS);
    await expect(desk.incidentName).toHaveText(BUS);
    await expect(followState).toHaveAttribute('data-follows', 'yes');
    await post.declareIncident({ name: LEAK, type: 'other', level: 'III', location: '门诊楼' });
    await expect(desk.incidentName).toHaveText(LEAK);

    // The command post goes back to the bus crash: the second desk follows.
    await post.makeCurrent(BUS);
    await expect(desk.incidentName).toHaveText(BUS);
    await pageB.screenshot({ path: 'test-results/screens/follow-command-post-following-zh-CN.png' });

    // The duty officer picks the leak on their own desk: it stays there when the command post declares a third.
    await desk.makeCurrent(LEAK);
    await expect(followState).toHaveAttribute('data-follows', 'no');
    await post.declareIncident({ name: FIRE, type: 'fire_evacuation', level: 'II', location: '住院部' });
    await expect(post.incidentName).toHaveText(FIRE);
    await expect(followState).toContainText(`指挥所当前事件：${FIRE}`);
    await expect(desk.incidentName).toHaveText(LEAK);
    await pageB.screenshot({ path: 'test-results/screens/follow-command-post-own-choice-zh-CN.png' });

    // Back to following: the desk shows the command post's incident again.
    await pageB.getByTestId('follow-command-post').click();
    await expect(desk.incidentName).toHaveText(FIRE);
    await expect(followState).toHaveAttribute('data-follows', 'yes');
  } finally {
    await rig.close();
  }
});
