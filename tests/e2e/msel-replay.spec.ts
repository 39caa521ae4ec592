import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 as newId } from 'uuidv7';
import { casualtyId } from '../../src/domain/casualties/casualties';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import exercisesZh from '../../src/renderer/features/exercises/i18n/zh-CN.json' with { type: 'json' };
import { freePort, ServerProcess } from '../chaos/processes';
import { createAccounts } from './fixtures/sync-rig';
import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { withApi } from './pages/map';

const FACILITATOR = { username: 'replay-lead', password: 'replay-lead-2026' };
const m = exercisesZh.exercises.msel;
const r = exercisesZh.exercises.replay;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

test('a facilitator replays a closed real incident into a draft MSEL: previews it, adds it, and edits the injects in the grid', async ({ page, host }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-msel-replay-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  try {
    await createAccounts(dataDir, [{ user: FACILITATOR, roles: 'exercise_facilitator' }]);
    await server.start();
    const serverUrl = `http://127.0.0.1:${server.port}`;

    // The real incident is earlier work: discovered 40 minutes ago, logged, casualties registered by tag, closed.
    await withApi(host.url, async (api) => {
      await api.call('auth.login', { serverUrl, username: FACILITATOR.username, password: FACILITATOR.password });
      const incidentId = newId();
      const mutate = (name: string, args: unknown) => api.call('mutate', { name, args } as never);
      await mutate('incident.declare', { id: incidentId, name: '东门化学品泄漏', type: 'mass_casualty', level: 'III', discoveredAt: Date.now() - 40 * 60_000 });
      await mutate('log.append', { id: newId(), incidentId, positionId: 'ops', text: '洗消帐篷已搭建' });
      await mutate('message.send', { id: newId(), incidentId, to: '后勤保障组组长（王涛）', from: '周敏，总指挥', subject: '防护口罩', message: '请向东门送20只防护口罩' });
      await mutate('casualty.registerBatch', { incidentId, tagNos: ['E-1', 'E-2', 'E-3'], category: 'delayed', area: '洗消区' });
      for (const tag of ['E-1', 'E-2', 'E-3']) await mutate('casualty.dispose', { id: casualtyId('demo-hospital', incidentId, tag), code: 'discharged' });
      await mutate('incident.close', { id: incidentId, reason: '泄漏已控制' });
      const created = await api.call('exercise.setUp', { name: '化学品泄漏重演', type: 'functional', objectives: ['洗消后再进急诊'], date: '2026-12-10', participants: [] });
      await api.call('space.enter', { space: created.space.id });
      await expect.poll(async () => (await api.call('msel.get', {})).exercise?.id ?? null, { timeout: 15_000 }).toBe(created.exerciseId);
    });

    await new CommandCentre(page).open(host.url);
    await page.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.settings }).click();
    const panel = page.getByRole('region', { name: m.title });
    const replay = panel.getByRole('region', { name: r.title });
    await expect(replay).toBeVisible();
    await replay.getByLabel(r.pick).selectOption({ index: 1 });
    const preview = replay.getByRole('region', { name: r.preview });
    await expect(preview.getByText(fill(r.adds, { count: 3, first: 1 }))).toBeVisible();
    await expect(preview.getByRole('listitem')).toHaveCount(3);
    await expect(preview.getByRole('listitem').first()).toContainText('T+00:40');
    // The 213's To names a HICS position: the inject goes to that position, without the person named beside it.
    await expect(preview.getByRole('listitem').nth(1)).toContainText('后勤保障组组长');
    await expect(preview).not.toContainText('王涛');
    await page.screenshot({ path: 'test-results/screens/msel-replay-preview-zh-CN.png', fullPage: true });

    await preview.getByRole('button', { name: fill(r.confirm, { count: 3 }) }).click();
    await expect(replay.getByRole('status')).toHaveText(fill(r.added, { count: 3 }));
    const grid = panel.getByRole('region', { name: m.grid });
    await expect(grid.locator('[role="row"][row-index]')).toHaveCount(3);
    await expect(grid.locator('[row-index="0"] [col-id="inject_text"]')).toHaveText('洗消帐篷已搭建');
    await expect(grid.locator('[row-index="2"] [col-id="inject_text"]')).toHaveText('到达伤员 3 名：延迟 3。模拟患者 SIM-1–SIM-3。');
    await expect(panel).not.toContainText('E-1');

    // The replayed rows are ordinary MSEL rows: the expected action left empty is the facilitator's to write.
    const expected = grid.locator('[row-index="0"] [col-id="expected_action"]');
    await expected.click();
    const editor = grid.getByRole('textbox');
    await editor.fill('30分钟内启动洗消流程');
    await editor.press('Enter');
    await expect(expected).toHaveText('30分钟内启动洗消流程');
    await page.screenshot({ path: 'test-results/screens/msel-replay-added-zh-CN.png', fullPage: true });
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
