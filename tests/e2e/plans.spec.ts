import { BoardPage } from './pages/board';
import { CommandCentre } from './pages/command-centre';
import { PlansPage } from './pages/plans';
import { expect, test } from './fixtures/test';

// A step that cannot happen fails at that step, not at the end of the whole story.
test.use({ actionTimeout: 15_000, viewport: { width: 1600, height: 1000 } });

async function shoot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/plans-${name}.png`, fullPage: true });
}

test('the mass-casualty plan is loaded and approved, activated at level II into one checklist per filled position, an item is ticked, and escalation to level I adds that level’s items', async ({ page, host }) => {
  test.setTimeout(90_000);
  const shell = new CommandCentre(page);
  const plans = new PlansPage(page);
  const board = new BoardPage(page);
  await shell.open(host.url);

  // The library: load the example, approve it by name; its review and exercise clocks start.
  await plans.open();
  await plans.loadAndApprove('mass_casualty', '院长 王建国', '批准人姓名');
  await expect(plans.row('MCI-01')).toContainText('成批伤员医疗救治应急预案');
  await expect(plans.row('MCI-01').getByTestId('plan-review')).toHaveAttribute('data-state', 'ok');
  await expect(plans.row('MCI-01').getByTestId('plan-exercise')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('plan-upkeep').locator('summary').click();
  await shoot(page, 'library-zh-CN');

  // An incident at level II with the IC and the Operations chief in post.
  await page.getByTestId('nav-board').click();
  await shell.declareIncident({ name: '高速客车侧翻 批量伤员', type: 'mass_casualty', level: 'II', location: 'G15 32 号出口' });
  await expect(shell.incidentName).toHaveText('高速客车侧翻 批量伤员');
  await board.assign('ic', '张建国');
  await board.answerJasOffer(false);
  await board.assign('ops', '李敏');
  await board.answerJasOffer(false);

  await plans.open();
  await plans.activateOnCurrentIncident();

  // On the board: one checklist per filled position, level II items only, the immediate band due.
  await page.getByTestId('nav-board').click();
  await page.getByTestId('tab-checklists').click();
  await expect(page.getByTestId('position-checklist')).toHaveCount(2);
  await expect(plans.item('ic', 'ic-declare')).toHaveAttribute('data-state', 'current');
  await expect(plans.item('ic', 'ic-iap')).toHaveAttribute('data-state', 'upcoming');
  await expect(plans.item('ic', 'ic-mutual-aid')).toHaveCount(0);
  await expect(plans.item('ops', 'ops-icu')).toHaveCount(1);

  // The Planning chief arrives after the activation: the plan's checklist opens for the post, no loose sheet cards.
  await board.assign('planning', '赵红');
  await page.getByTestId('tab-checklists').click();
  await expect(page.getByTestId('position-checklist')).toHaveCount(3);
  await expect(page.getByTestId('jas-offer')).toHaveCount(0);
  await expect(plans.item('planning', 'pln-254')).toHaveAttribute('data-state', 'current');

  await plans.item('ic', 'ic-declare').getByRole('button', { name: /^完成: 确认事件性质/ }).click();
  await expect(plans.item('ic', 'ic-declare')).toHaveAttribute('data-state', 'done');
  await expect(plans.checklist('ic').getByTestId('position-progress')).toHaveAttribute('data-complete', '1');
  await expect(page.getByTestId('section-progress-command')).toHaveAttribute('data-complete', '1');
  await shoot(page, 'checklists-zh-CN');

  // Escalation to level I: the level I items appear, due from the escalation; the ticked item stays ticked.
  await shell.changeLevel('I', '第二辆客车伤员转入，预计伤员超过50人');
  await expect(plans.item('ic', 'ic-mutual-aid')).toHaveAttribute('data-state', 'current');
  await expect(plans.item('ic', 'ic-declare')).toHaveAttribute('data-state', 'done');
  await expect(plans.item('ops', 'ops-icu')).toHaveAttribute('data-state', 'current');

  await shell.switchLanguage();
  await expect(plans.item('ic', 'ic-mutual-aid')).toContainText('Ask the health authority for outside medical teams');
  await shoot(page, 'checklists-en');
  await plans.open();
  await expect(plans.row('MCI-01')).toContainText('Mass casualty incident plan');
  await shoot(page, 'library-en');

  // The wall shows the roll-up by section and position, without names.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('wall-setup-0-log').uncheck();
  await page.getByTestId('wall-setup-0-checklists').check();
  await page.getByTestId('wall-setup-save').click();
  await expect(page.getByTestId('wall-setup').getByRole('status')).toBeVisible();
  await page.goto(`${host.url}/wall`);
  await expect(page.getByTestId('wall-checklist-section-command')).toHaveAttribute('data-complete', '1');
  await expect(page.getByTestId('wall-checklists')).not.toContainText('张建国');
  await page.screenshot({ path: 'test-results/screens/plans-wall-en.png' });
});
