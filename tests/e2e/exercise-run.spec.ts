import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 as newId } from 'uuidv7';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import exercisesZh from '../../src/renderer/features/exercises/i18n/zh-CN.json' with { type: 'json' };
import exercisesEn from '../../src/renderer/features/exercises/i18n/en.json' with { type: 'json' };
import { freePort, ServerProcess } from '../chaos/processes';
import { createAccounts } from './fixtures/sync-rig';
import { makeDataDir, startHostProcess, type HostProcess } from './fixtures/web-host-process';
import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { withApi } from './pages/map';

const FACILITATOR = { username: 'drill-lead', password: 'tabletop-lead-2026' };
const PLAYER = { username: 'ops-chief', password: 'operations-chief-2026' };
const c = exercisesZh.exercises.console;
const inbox = exercisesZh.exercises.inbox;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

function inject(number: number, minutes: number, subject: string, message: string) {
  return { id: newId(), number, trigger: { type: 'at' as const, minutes }, from: '急诊护士长', to: 'ops', method: 'message' as const, subject, message };
}

test('a controller starts the clock, the inject reaches the player\'s desk, the player acknowledges and acts, and the console shows it', async ({ browser, host }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-exercise-run-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  const playerDir = makeDataDir();
  let playerHost: HostProcess | undefined;
  try {
    await createAccounts(dataDir, [{ user: FACILITATOR, roles: 'exercise_facilitator' }, { user: PLAYER, roles: 'operator' }]);
    await server.start();
    const serverUrl = `http://127.0.0.1:${server.port}`;
    playerHost = await startHostProcess(playerDir.dir);

    // Set-up is the previous items' work: the exercise with its player, and a two-inject MSEL.
    const space = await withApi(host.url, async (api) => {
      await api.call('auth.login', { serverUrl, username: FACILITATOR.username, password: FACILITATOR.password });
      const created = await api.call('exercise.setUp', {
        name: '大巴侧翻桌面推演',
        type: 'tabletop',
        objectives: ['30分钟内启动指挥中心'],
        date: '2026-12-10',
        participants: [{ username: PLAYER.username, role: 'player', position: 'ops' }],
      });
      await api.call('space.enter', { space: created.space.id });
      await expect.poll(async () => (await api.call('msel.get', {})).exercise?.id ?? null, { timeout: 15_000 }).toBe(created.exerciseId);
      await api.call('mutate', {
        name: 'inject.import',
        args: {
          exerciseId: created.exerciseId,
          injects: [inject(1, 0, '伤员到达前急诊已满', '急诊科现有患者38人，抢救床位仅剩2张空闲。'), inject(2, 90, '第二批伤员', '又有12名伤员在途。'), inject(3, 180, '家属聚集', '30名家属聚集在急诊大厅。')],
        },
      });
      return created.space.id;
    });
    await withApi(playerHost.url, async (api) => {
      await api.call('auth.login', { serverUrl, username: PLAYER.username, password: PLAYER.password });
      await api.call('space.enter', { space });
    });

    const controller = await (await browser.newContext({ viewport: { width: 1500, height: 900 } })).newPage();
    const player = await (await browser.newContext({ viewport: { width: 1500, height: 900 } })).newPage();
    await new CommandCentre(controller).open(host.url);
    await new CommandCentre(player).open(playerHost.url);

    await controller.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.exercise }).click();
    const clock = controller.getByRole('region', { name: c.clock });
    const msel = controller.getByRole('region', { name: c.msel });
    await expect(msel.getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(c.stage.pending);
    await clock.getByRole('button', { name: c.start }).click();
    await expect(clock.getByRole('status')).toHaveText(c.state.running);
    // Inject 1 is due at T+0: the controller's desk delivers it on its own.
    await expect(msel.getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(c.stage.delivered);
    await expect(msel.getByTestId('inject-2').getByTestId('inject-stage')).toHaveText(c.stage.pending);

    const notices = player.getByRole('region', { name: fill(inbox.title, { position: 'ops' }) });
    const notice = notices.getByRole('article', { name: '#1 伤员到达前急诊已满' });
    await expect(notice).toContainText('抢救床位仅剩2张空闲');
    // The player sees only what was delivered to them: nothing of inject 2.
    await expect(notices.getByRole('article')).toHaveCount(1);
    await player.screenshot({ path: 'test-results/screens/exercise-run-player-zh-CN.png' });
    await notice.getByRole('button', { name: fill(inbox.acknowledge, { number: 1 }) }).click();

    await expect(msel.getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(c.stage.acknowledged);
    await notice.getByLabel(fill(inbox.note, { number: 1 })).fill('已开放扩容救治区');
    await notice.getByRole('button', { name: fill(inbox.actOn, { number: 1 }) }).click();
    await expect(notices).toBeHidden();
    await expect(msel.getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(c.stage.acted);
    await expect(msel.getByTestId('inject-1')).toContainText('已开放扩容救治区');
    await controller.screenshot({ path: 'test-results/screens/exercise-run-console-zh-CN.png', fullPage: true });

    // Inject 2 waits for T+01:30; the controller sends it early by hand, and it reaches the player as well.
    await msel.getByRole('button', { name: fill(c.deliverNow, { number: 2 }) }).click();
    await expect(msel.getByTestId('inject-2').getByTestId('inject-stage')).toHaveText(c.stage.delivered);
    await expect(notices.getByRole('article', { name: '#2 第二批伤员' })).toBeVisible();

    await new CommandCentre(controller).switchLanguage();
    const en = exercisesEn.exercises.console;
    await expect(controller.getByRole('region', { name: en.msel }).getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(en.stage.acted);
    await controller.screenshot({ path: 'test-results/screens/exercise-run-console-en.png', fullPage: true });

    // Once the exercise has ended, inject 3 is neither sent nor skipped: the console says play is over instead.
    const mselEn = controller.getByRole('region', { name: en.msel });
    await expect(mselEn.getByRole('button', { name: fill(en.skip, { number: 3 }) })).toBeVisible();
    controller.once('dialog', (dialog) => void dialog.accept());
    await controller.getByRole('region', { name: en.clock }).getByRole('button', { name: en.end }).click();
    await expect(controller.getByRole('region', { name: en.clock }).getByRole('status')).toHaveText(en.state.ended);
    await expect(mselEn).toContainText(en.over);
    await expect(mselEn.getByRole('button')).toHaveCount(0);
    await expect(mselEn.getByTestId('inject-3').getByTestId('inject-stage')).toHaveText(en.stage.pending);
    await controller.screenshot({ path: 'test-results/screens/exercise-run-console-ended-en.png', fullPage: true });
  } finally {
    await playerHost?.stop().catch(() => undefined);
    playerDir.remove();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
