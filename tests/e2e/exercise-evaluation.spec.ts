import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 as newId } from 'uuidv7';
import zh from '../../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import exercisesZh from '../../src/renderer/features/exercises/i18n/zh-CN.json' with { type: 'json' };
import aarZh from '../../src/renderer/features/aar/i18n/zh-CN.json' with { type: 'json' };
import { freePort, ServerProcess } from '../chaos/processes';
import { createAccounts } from './fixtures/sync-rig';
import { makeDataDir, startHostProcess, type HostProcess } from './fixtures/web-host-process';
import { expect, test } from './fixtures/test';
import { CommandCentre } from './pages/command-centre';
import { withApi } from './pages/map';

const FACILITATOR = { username: 'drill-lead', password: 'tabletop-lead-2026' };
const PLAYER = { username: 'ops-chief', password: 'operations-chief-2026' };
const EVALUATOR = { username: 'evaluator-li', password: 'evaluator-li-2026' };
const c = exercisesZh.exercises.console;
const ev = exercisesZh.exercises.evaluation;
const ax = aarZh.aar.exercise;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

test.use({ actionTimeout: 15_000 });

test('an evaluator rates an objective and notes an inject, and the facilitator\'s AAR/IP PDF holds the inject-to-action times', async ({ browser, host }) => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'hcc-e2e-exercise-evaluation-'));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const dataDir = join(root, 'server');
  const server = new ServerProcess(await freePort(), dataDir, env);
  const playerDir = makeDataDir();
  const evaluatorDir = makeDataDir();
  const hosts: HostProcess[] = [];
  try {
    await createAccounts(dataDir, [{ user: FACILITATOR, roles: 'exercise_facilitator' }, { user: PLAYER, roles: 'operator' }, { user: EVALUATOR, roles: 'viewer' }]);
    await server.start();
    const serverUrl = `http://127.0.0.1:${server.port}`;
    const [playerHost, evaluatorHost] = await Promise.all([startHostProcess(playerDir.dir), startHostProcess(evaluatorDir.dir)]);
    hosts.push(playerHost, evaluatorHost);

    const incidentId = newId();
    const actionId = newId();
    // Set-up and play are the earlier items' work, done through the API: a two-inject MSEL, the clock started,
    // inject 1 delivered on schedule, and the player acting on it.
    const space = await withApi(host.url, async (api) => {
      await api.call('auth.login', { serverUrl, ...FACILITATOR });
      // An earlier real incident's corrective action, done, which this drill is to put to the test.
      const mutate = (name: string, args: unknown) => api.call('mutate', { name, args } as never);
      await mutate('incident.declare', { id: incidentId, name: '输血延误事件', type: 'mass_casualty', level: 'III', location: '急诊科', discoveredAt: Date.now() - 3_600_000 });
      await mutate('incident.close', { id: incidentId, reason: '处置完毕' });
      await mutate('aar.draft', { incidentId });
      const improvementId = newId();
      await mutate('aar.edit', { incidentId, improvements: [{ id: improvementId, text: '血库通知过晚' }] });
      await mutate('correctiveAction.add', { id: actionId, incidentId, improvementId, action: '启动时即通知血库', owner: '输血科', dueAt: Date.now() + 30 * 86_400_000 });
      await mutate('correctiveAction.update', { id: actionId, status: 'done' });
      const created = await api.call('exercise.setUp', {
        name: '大巴侧翻桌面推演',
        type: 'tabletop',
        objectives: ['30分钟内启动指挥中心'],
        date: '2026-12-10',
        participants: [{ username: PLAYER.username, role: 'player', position: 'ops' }, { username: EVALUATOR.username, role: 'evaluator' }],
      });
      await api.call('space.enter', { space: created.space.id });
      await expect.poll(async () => (await api.call('msel.get', {})).exercise?.id ?? null, { timeout: 15_000 }).toBe(created.exerciseId);
      const inject = (number: number, minutes: number, subject: string) => ({ id: newId(), number, trigger: { type: 'at' as const, minutes }, from: '120 调度', to: 'ops', method: 'message' as const, subject, message: `${subject}：请处置。` });
      await api.call('mutate', { name: 'inject.import', args: { exerciseId: created.exerciseId, injects: [inject(1, 0, '急诊科已满'), inject(2, 90, '第二批伤员')] } });
      await api.call('mutate', { name: 'exercise.start', args: { id: created.exerciseId } });
      return created.space.id;
    });
    await withApi(playerHost.url, async (api) => {
      await api.call('auth.login', { serverUrl, ...PLAYER });
      await api.call('space.enter', { space });
      await expect.poll(async () => (await api.call('exercise.inbox', {})).injects.length, { timeout: 20_000 }).toBe(1);
      const [first] = (await api.call('exercise.inbox', {})).injects;
      await api.call('mutate', { name: 'inject.actOn', args: { id: first?.id ?? '', note: '已开放扩容救治区' } });
      await expect.poll(async () => (await api.call('sync.status', {})).pending, { timeout: 15_000 }).toBe(0);
    });
    await withApi(evaluatorHost.url, async (api) => {
      await api.call('auth.login', { serverUrl, ...EVALUATOR });
      await api.call('space.enter', { space });
    });

    // The evaluator watches the scenario without running it, rates the objective and notes the inject.
    const evaluator = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    await new CommandCentre(evaluator).open(evaluatorHost.url);
    await evaluator.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.exercise }).click();
    const msel = evaluator.getByRole('region', { name: c.msel });
    await expect(msel.getByTestId('inject-1').getByTestId('inject-stage')).toHaveText(c.stage.acted);
    await expect(msel.getByTestId('inject-2')).toBeVisible();
    await expect(msel.getByRole('button', { name: fill(c.deliverNow, { number: 2 }) })).toHaveCount(0);
    await expect(evaluator.getByRole('region', { name: c.clock }).getByRole('button', { name: c.pause })).toHaveCount(0);

    const guide = evaluator.getByRole('region', { name: ev.guide });
    await guide.getByLabel(fill(ev.ratingFor, { number: 1 }), { exact: true }).selectOption({ label: ev.rating.S });
    await guide.getByLabel(fill(ev.rationaleFor, { number: 1 }), { exact: true }).fill('12分钟启动，但分工不清');
    await guide.getByRole('button', { name: fill(ev.rate, { number: 1 }) }).click();
    await expect(guide.getByTestId('eeg-rating')).toContainText(ev.rating.S);

    const notes = evaluator.getByRole('region', { name: ev.notes });
    await notes.getByLabel(ev.noteKind).selectOption({ label: ev.kind.improvement });
    await notes.getByLabel(ev.noteInject).selectOption({ label: '#1 急诊科已满' });
    await notes.getByLabel(ev.notePosition).selectOption('ops');
    await notes.getByLabel(ev.noteText).fill('未通知总机启动呼叫');
    await notes.getByRole('button', { name: ev.recordNote }).click();
    await expect(notes.getByTestId('evaluator-note')).toContainText('#1 · ops');
    await evaluator.screenshot({ path: 'test-results/screens/exercise-evaluation-evaluator-zh-CN.png', fullPage: true });
    await expect.poll(async () => withApi(evaluatorHost.url, async (api) => (await api.call('sync.status', {})).pending), { timeout: 15_000 }).toBe(0);

    // The facilitator ends play, hears the hot wash, and drafts the AAR/IP from it all.
    const lead = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    await new CommandCentre(lead).open(host.url);
    await lead.getByRole('navigation', { name: zh.nav.label }).getByRole('link', { name: zh.nav.exercise }).click();
    await expect(lead.getByRole('region', { name: ev.notes }).getByTestId('evaluator-note')).toContainText('未通知总机启动呼叫');
    lead.once('dialog', (dialog) => void dialog.accept());
    await lead.getByRole('region', { name: c.clock }).getByRole('button', { name: c.end }).click();
    await expect(lead.getByRole('region', { name: c.clock }).getByRole('status')).toHaveText(c.state.ended);
    const hotwash = lead.getByRole('region', { name: ev.hotwash });
    await hotwash.getByLabel(ev.hotwashText).fill('检伤区开设迅速');
    await hotwash.getByRole('button', { name: ev.hotwashAdd }).click();
    await expect(hotwash).toContainText('检伤区开设迅速');

    const report = lead.getByRole('region', { name: ax.title });
    await report.getByRole('button', { name: ax.draft }).click();
    const times = report.getByRole('table', { name: ax.responses });
    await expect(times.getByRole('row', { name: /#1 急诊科已满/ })).toContainText('已开放扩容救治区');
    // What was noted and said starts the strengths and areas for improvement.
    await expect(lead.getByTestId('aar-improvements-item')).toContainText('未通知总机启动呼叫');
    await expect(lead.getByTestId('aar-strengths-item')).toContainText('检伤区开设迅速');
    await lead.screenshot({ path: 'test-results/screens/exercise-evaluation-aar-zh-CN.png', fullPage: true });

    const saving = lead.waitForEvent('download');
    await lead.getByTestId('aar-pdf-zh-CN').click();
    const download = await saving;
    expect(download.suggestedFilename()).toBe('exercise-aar-ip-zh-CN.pdf');
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('注入至行动用时');
    // No. · inject · to · delivered at T+00:00 · to acknowledge · inject to action (m:ss) · what was done (the table wraps it).
    expect(text).toMatch(/1 急诊科已满 ops T\+00:00 \d+:\d\d \d+:\d\d 已开放扩容救治/);
    expect(text).toContain('S 完成但有一些挑战');
    expect(text).toContain('未通知总机启动呼叫');
    expect(text).toContain('检伤区开设迅速');
    expect(text).toContain('草稿');

    // The facilitator signs the AAR/IP off: its text is the record now, and the PDF says FINAL with who and when.
    const fin = aarZh.aar.final;
    await expect(report.getByRole('status')).toContainText(fin.draftState);
    lead.once('dialog', (dialog) => void dialog.accept());
    await report.getByRole('button', { name: fin.finalise, exact: true }).click();
    await expect(report.getByRole('status')).toContainText(`已定稿：${FACILITATOR.username}`);
    await expect(lead.getByLabel(aarZh.aar.summary)).toHaveAttribute('readonly', '');
    await expect(lead.getByLabel(aarZh.aar.newStrength)).toHaveCount(0);
    await expect(report.getByLabel(fin.reopenReason)).toBeVisible();
    await lead.screenshot({ path: 'test-results/screens/exercise-evaluation-aar-final-zh-CN.png', fullPage: true });
    const savingFinal = lead.waitForEvent('download');
    await lead.getByTestId('aar-pdf-zh-CN').click();
    const finalText = execFileSync('pdftotext', ['-layout', await (await savingFinal).path(), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(finalText).toContain(`演练 EXERCISE 定稿 FINAL：${FACILITATOR.username}`);
    expect(finalText).not.toContain('草稿');

    // Objective 1 (rated S by the evaluator) names the incident's corrective action; back in the hospital's space
    // the facilitator marks the action verified in the improvement plan.
    const vz = aarZh.aar.verify;
    const guideLead = lead.getByRole('region', { name: ev.guide });
    await guideLead.getByRole('checkbox', { name: /启动时即通知血库/ }).check();
    await guideLead.getByRole('button', { name: vz.objective.save, exact: true }).click();
    await expect(guideLead.getByRole('button', { name: vz.objective.save, exact: true })).toBeDisabled();
    await withApi(host.url, async (api) => {
      await expect.poll(async () => (await api.call('sync.status', {})).pending, { timeout: 15_000 }).toBe(0);
      await api.call('space.enter', { space: 'demo-hospital' });
      await api.call('settings.update', { currentIncidentId: incidentId });
    });
    await lead.getByTestId('nav-board').click();
    await lead.getByRole('tab', { name: aarZh.aar.tab }).click();
    const plan = lead.getByTestId('aar');
    await expect(plan.getByTestId('aar-action')).toContainText(fill(vz.evidence, { exercise: '大巴侧翻桌面推演', objective: '30分钟内启动指挥中心', rating: 'S' }));
    await plan.getByRole('button', { name: vz.button }).click();
    await expect(plan.getByTestId('aar-action-verified')).toContainText('已在“大巴侧翻桌面推演”中验证');
    await expect(plan.getByRole('combobox', { name: aarZh.aar.status })).toHaveValue('verified');
    await lead.screenshot({ path: 'test-results/screens/exercise-evaluation-action-verified-zh-CN.png', fullPage: true });
  } finally {
    for (const h of hosts) await h.stop().catch(() => undefined);
    playerDir.remove();
    evaluatorDir.remove();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
