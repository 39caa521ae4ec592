import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const RED = 'rgb(229, 57, 53)';
const ORANGE = 'rgb(251, 140, 0)';

test('declares an incident, shows it in the header with its level colour, and still has it after a host restart', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await expect(app.incidentName).toHaveCount(0);

  await app.declareIncident({ name: '高速公路客车相撞 批量伤员', type: 'mass_casualty', level: 'I', location: 'G15 沈海高速 32 号出口' });

  await expect(app.incidentName).toHaveText('高速公路客车相撞 批量伤员');
  await expect(app.header).toHaveAttribute('data-level', 'I');
  await expect(app.levelBadge()).toHaveText('Ⅰ级（特别重大）');
  await expect(app.levelBadge()).toHaveCSS('background-color', RED);
  await expect(app.header).toContainText('第 1 行动周期');
  await expect(page.getByTestId('incident-list')).toContainText('高速公路客车相撞 批量伤员');
  await expect(page.getByTestId('pending-count')).toContainText('1');
  await page.screenshot({ path: 'test-results/screens/incident-declared-zh-CN.png', fullPage: true });

  await app.changeLevel('II', '伤员已分流，降为Ⅱ级响应');
  await expect(app.levelBadge()).toHaveText('Ⅱ级（重大）');
  await expect(app.levelBadge()).toHaveCSS('background-color', ORANGE);

  const newUrl = await host.restart();
  await app.open(newUrl);
  await expect(app.incidentName).toHaveText('高速公路客车相撞 批量伤员');
  await expect(app.header).toHaveAttribute('data-level', 'II');
  await expect(app.levelBadge()).toHaveCSS('background-color', ORANGE);

  await page.goto(`${newUrl}/wall`);
  await expect(page.getByTestId('wall')).toHaveAttribute('data-level', 'II');
  await expect(page.getByTestId('wall')).toContainText('高速公路客车相撞 批量伤员');
  await page.screenshot({ path: 'test-results/screens/wall-zh-CN.png' });
});

test('shows a refused change as a translated error and changes nothing', async ({ page, host }) => {
  const app = new CommandCentre(page);
  await app.open(host.url);
  await app.declareIncident({ name: 'Ward 5 power failure', type: 'utility_failure', level: 'IV', location: 'Ward 5' });
  await expect(app.levelBadge()).toHaveText('Ⅳ级（一般）');

  // The domain requires a reason for a level change; the workstation refuses and names the field.
  await app.changeLevel('I', '   ');
  const error = page.getByTestId('incident-controls').getByRole('alert');
  await expect(error).toHaveAttribute('data-error-code', 'invalid_request');
  await expect(error).toContainText('填写内容不符合要求');
  await expect(error).toContainText('调整原因');
  await expect(app.header).toHaveAttribute('data-level', 'IV');
});
