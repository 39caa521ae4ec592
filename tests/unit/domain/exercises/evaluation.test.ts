import { describe, expect, it } from 'vitest';
import { exerciseAarDocument } from '../../../../src/domain/aar/exercise-aar-document';
import type { Aar } from '../../../../src/domain/aar';
import { injectResponses, scenarioView, seesScenario, withheldView, type Exercise, type Inject } from '../../../../src/domain/exercises';
import { newId } from '../../../../src/domain/ids';
import type { MutationContext, Tx } from '../../../../src/domain/mutation';
import { runMutation, type MutationName } from '../../../../src/domain/mutators';
import { documentText } from '../../../../src/domain/reports';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';
import { DeskView, scenarioSight, storedView } from '../../../../src/workstation/desk-view';

const SPACE = 'exercise-bus-crash';
const T0 = Date.UTC(2026, 11, 10, 1, 0);
const MIN = 60_000;
const facilitator = makeActor('exercise_facilitator');
const player = { userId: 'player-1', roles: ['operator' as const] };
const evaluator = { userId: 'evaluator-1', roles: ['viewer' as const] };
const controller = { userId: 'controller-1', roles: ['viewer' as const] };
const observer = { userId: 'observer-1', roles: ['viewer' as const] };

function ctxAt(minutes: number, actor = facilitator): MutationContext {
  return makeContext({ at: T0 + minutes * MIN, actor, space: SPACE, spaceKind: 'exercise' });
}

async function run(tx: Tx, name: MutationName, args: unknown, minutes = 0, actor = facilitator): Promise<void> {
  await runMutation(tx, name, args, ctxAt(minutes, actor));
}

async function tabletop() {
  const tx = makeMemoryTx();
  const exerciseId = newId();
  await run(tx, 'exercise.create', {
    id: exerciseId,
    name: 'Bus crash tabletop',
    type: 'tabletop',
    objectives: [{ id: 'O1', text: 'Activate the command centre within 30 minutes', capability: 'Operational coordination' }],
    participants: [
      { userId: player.userId, role: 'player', position: 'ops' },
      { userId: evaluator.userId, role: 'evaluator' },
      { userId: controller.userId, role: 'controller' },
      { userId: observer.userId, role: 'observer' },
    ],
  });
  const ids: string[] = [];
  for (const [number, minutes] of [[1, 0], [2, 30], [3, 60]] as const) {
    const id = newId();
    ids.push(id);
    await run(tx, 'inject.add', { id, exerciseId, number, trigger: { type: 'at', minutes }, from: 'County 120 dispatch', to: 'ops', subject: `Inject ${number}`, message: `Text ${number}`, expectedAction: 'Open the command centre', controller: 'Controller A', objectiveIds: ['O1'] });
  }
  const exercise = async () => (await tx.get('exercise', exerciseId)) as Exercise;
  const inject = async (n: number) => (await tx.get('inject', ids[n - 1] ?? '')) as Inject;
  return { tx, exerciseId, ids, exercise, inject };
}

describe('who sees the scenario', () => {
  it('sends a player and an observer no inject before its delivery, a delivered one without its script, and no evaluation; controllers and evaluators see it all', async () => {
    const { tx, exerciseId, ids, exercise, inject } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'inject.deliverDue', { id: ids[0] }, 0);
    await run(tx, 'evaluation.note', { id: newId(), exerciseId, kind: 'note', text: 'IC asked for the MCI plan', injectNumber: 1, position: 'ops' }, 3, evaluator);
    const exercises = new Map([[exerciseId, await exercise()]]);
    const [note] = await tx.query('evaluatorNote', SPACE);

    for (const actor of [player, observer, { userId: 'not-in-it', roles: ['incident_commander' as const] }]) {
      expect(seesScenario(await exercise(), actor)).toBe(false);
      expect(scenarioView('inject', await inject(2), exercises, actor)).toBeUndefined();
      expect(scenarioView('evaluatorNote', note, exercises, actor)).toBeUndefined();
      const delivered = scenarioView('inject', await inject(1), exercises, actor);
      expect(delivered).toMatchObject({ number: 1, message: 'Text 1', status: 'delivered', expectedAction: '', objectiveIds: [] });
      expect(delivered).not.toHaveProperty('controller');
    }
    for (const actor of [evaluator, controller, facilitator]) {
      expect(scenarioView('inject', await inject(2), exercises, actor)).toEqual(await inject(2));
      expect(scenarioView('evaluatorNote', note, exercises, actor)).toEqual(note);
    }
    // Other kinds pass untouched; an inject of an exercise the server does not know is hidden rather than shown.
    expect(scenarioView('exercise', await exercise(), exercises, player)).toEqual(await exercise());
    expect(scenarioView('inject', await inject(2), new Map(), player)).toBeUndefined();
  });

  it('tells a shared desk whose rows of a space may keep the scenario, and cannot tell it without the exercise record', async () => {
    const { tx, exerciseId, ids, exercise, inject } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'inject.deliverDue', { id: ids[0] }, 0);
    const held = [await exercise()];
    for (const actor of [player, observer]) expect(scenarioSight(held, actor)).toBe(false);
    for (const actor of [evaluator, controller, facilitator]) expect(scenarioSight(held, actor)).toBe(true);
    // No record: a hospital space, or one not pulled yet. Only the facilitator's permission decides without it.
    expect(scenarioSight([], facilitator)).toBe(true);
    expect(scenarioSight([], controller)).toBeUndefined();
    expect(scenarioSight([], player)).toBeUndefined();
    // What a desk rewrites its rows to is what a player's pull brings.
    const exercises = new Map([[exerciseId, await exercise()]]);
    for (const n of [1, 2]) expect(withheldView('inject', await inject(n))).toEqual(scenarioView('inject', await inject(n), exercises, player));
    expect(withheldView('objectiveRating', { exerciseId })).toBeUndefined();
    // A cursor marked before the scenario bit existed (0: no names) counts as possibly holding the scenario.
    expect(storedView(0) & DeskView.scenario).toBe(DeskView.scenario);
    expect(storedView(storedView(DeskView.names))).toBe(DeskView.names);
  });

  it('lets the facilitator and the controllers run the clock, and refuses evaluators and players', async () => {
    const { tx, exerciseId, ids } = await tabletop();
    await expect(run(tx, 'exercise.start', { id: exerciseId }, 0, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(tx, 'exercise.start', { id: exerciseId }, 0, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.start', { id: exerciseId }, 0, controller);
    await expect(run(tx, 'exercise.pause', { id: exerciseId }, 1, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(tx, 'exercise.jump', { id: exerciseId, toMinutes: 60 }, 1, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.pause', { id: exerciseId }, 1, controller);
    await run(tx, 'exercise.resume', { id: exerciseId }, 2, controller);
    // Evaluators see the scenario but do not change it.
    await expect(run(tx, 'inject.edit', { id: ids[1], subject: 'x' }, 2, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(tx, 'inject.deliver', { id: ids[1] }, 2, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.end', { id: exerciseId }, 3, controller);
  });
});

describe('an exercise that is over', () => {
  it('refuses delivering or skipping its injects with exercise_over, naming the inject, and leaves them as they were', async () => {
    const { tx, exerciseId, ids, inject } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'exercise.end', { id: exerciseId }, 5);
    for (const name of ['inject.deliver', 'inject.skip'] as const) {
      for (const actor of [facilitator, controller]) {
        await expect(run(tx, name, { id: ids[1] }, 6, actor)).rejects.toMatchObject({ code: 'exercise_over', params: { status: 'ended', number: 2 } });
      }
    }
    expect((await inject(2)).status).toBe('pending');
    // A desk that saw the inject fall due before the end changes nothing and is not refused (many desks send it).
    await run(tx, 'inject.deliverDue', { id: ids[0] }, 6);
    expect((await inject(1)).status).toBe('pending');
  });

  it('still lets a controller skip an inject while the exercise is paused or not yet started', async () => {
    const { tx, exerciseId, ids, inject } = await tabletop();
    await run(tx, 'inject.skip', { id: ids[2] }, 0, controller);
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'exercise.pause', { id: exerciseId }, 1);
    await run(tx, 'inject.skip', { id: ids[1] }, 2, controller);
    expect([(await inject(2)).status, (await inject(3)).status]).toEqual(['skipped', 'skipped']);
  });
});

describe('inject → action times', () => {
  it('measures each delivered inject from delivery to acknowledgement and to action in real time, leaving out what was never delivered', async () => {
    const { tx, exerciseId, ids, inject } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'inject.deliverDue', { id: ids[0] }, 0);
    await run(tx, 'inject.acknowledge', { id: ids[0] }, 2, player);
    // A pause between delivery and action still counts: the players were answering it all that time.
    await run(tx, 'exercise.pause', { id: exerciseId }, 5);
    await run(tx, 'exercise.resume', { id: exerciseId }, 10);
    await run(tx, 'inject.actOn', { id: ids[0], note: 'MCI plan activated' }, 12.5, player);
    await run(tx, 'inject.deliver', { id: ids[1] }, 13);
    await run(tx, 'inject.skip', { id: ids[2] }, 14);
    const responses = injectResponses([await inject(3), await inject(2), await inject(1)]);
    expect(responses).toEqual([
      { number: 1, subject: 'Inject 1', to: 'ops', deliveredAt: T0, deliveredAtExercise: 0, acknowledgeMs: 2 * MIN, actionMs: 12.5 * MIN, actedOnBy: player.userId, actedOnNote: 'MCI plan activated' },
      { number: 2, subject: 'Inject 2', to: 'ops', deliveredAt: T0 + 13 * MIN, deliveredAtExercise: 8 * MIN },
    ]);
  });
});

describe('hot wash and the exercise AAR/IP', () => {
  it('takes the hot wash from every participant once play has ended, and drafts the AAR/IP with ratings, notes, inject → action times and the improvement plan', async () => {
    const { tx, exerciseId, ids } = await tabletop();
    await run(tx, 'exercise.setCriticalTasks', { id: exerciseId, objectiveId: 'O1', criticalTasks: ['Notify the IC', 'Open the HCC'] });
    await expect(run(tx, 'exercise.setCriticalTasks', { id: exerciseId, objectiveId: 'O1', criticalTasks: [] }, 0, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'inject.deliverDue', { id: ids[0] }, 0);
    await run(tx, 'inject.actOn', { id: ids[0], note: 'MCI plan activated' }, 12.5, player);
    await run(tx, 'evaluation.note', { id: newId(), exerciseId, kind: 'improvement', text: 'Nobody briefed the switchboard', injectNumber: 1, position: 'ops', objectiveId: 'O1' }, 8, evaluator);
    await expect(run(tx, 'evaluation.note', { id: newId(), exerciseId, kind: 'note', text: 'x', objectiveId: 'O9' }, 8, evaluator)).rejects.toMatchObject({ code: 'not_found' });
    await run(tx, 'evaluation.rate', { exerciseId, objectiveId: 'O1', rating: 'S', rationale: 'Opened at T+12, roles unclear' }, 20, evaluator);
    await expect(run(tx, 'hotwash.add', { id: newId(), exerciseId, kind: 'strength', text: 'x' }, 21, player)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(run(tx, 'aar.draftExercise', { exerciseId }, 21)).rejects.toMatchObject({ code: 'invalid_transition' });
    await run(tx, 'exercise.end', { id: exerciseId }, 30);
    await run(tx, 'hotwash.add', { id: newId(), exerciseId, kind: 'strength', text: 'Triage areas opened fast' }, 31, player);
    await expect(run(tx, 'hotwash.add', { id: newId(), exerciseId, kind: 'strength', text: 'x' }, 31, { userId: 'stranger', roles: ['operator'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(tx, 'aar.draftExercise', { exerciseId }, 32, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'aar.draftExercise', { exerciseId }, 32);

    const aar = (await tx.query('aar', SPACE))[0] as Aar;
    expect(aar.incidentId).toBe(exerciseId);
    expect(aar.strengths.map((s) => s.text)).toEqual(['Triage areas opened fast']);
    expect(aar.improvements.map((s) => s.text)).toEqual(['Nobody briefed the switchboard']);
    expect(aar.exercise).toMatchObject({
      objectives: [{ id: 'O1', criticalTasks: ['Notify the IC', 'Open the HCC'], ratings: [{ rating: 'S' }] }],
      injects: [{ number: 1, actionMs: 12.5 * MIN, actedOnNote: 'MCI plan activated' }],
      undelivered: 2,
      notes: [{ kind: 'improvement', injectNumber: 1, position: 'ops', exerciseAt: 8 * MIN }],
      hotwash: [{ kind: 'strength', text: 'Triage areas opened fast' }],
    });

    // The improvement becomes a corrective action through the same mutators as an incident's.
    const improvementId = aar.improvements[0]?.id ?? '';
    await run(tx, 'correctiveAction.add', { id: newId(), incidentId: exerciseId, improvementId, action: 'Add the switchboard to the activation call list', owner: 'Planning', dueAt: T0 + 30 * 24 * 60 * MIN }, 40);
    await run(tx, 'aar.edit', { incidentId: exerciseId, summary: 'Command centre opened on time.' }, 41);
    const actions = await tx.query('correctiveAction', SPACE);
    const final = (await tx.get('aar', aar.id)) as Aar;
    const exercise = final.exercise;
    if (!exercise) throw new Error('no exercise sections');
    const text = documentText(exerciseAarDocument({ aar: final, exercise, actions, planCodes: new Map(), sectionTitle: () => '', timeZone: 'Asia/Shanghai', hospital: 'Demo' }, 'en'));
    expect(text).toContain('EXERCISE EXERCISE EXERCISE');
    expect(text).toContain('S Performed with some challenges');
    expect(text).toContain('Notify the IC');
    expect(text).toMatch(/Inject 1.*ops.*T\+00:00.*12:30.*MCI plan activated/s);
    expect(text).toContain('Add the switchboard to the activation call list');
    expect(documentText(exerciseAarDocument({ aar: final, exercise, actions, planCodes: new Map(), sectionTitle: () => '', timeZone: 'Asia/Shanghai', hospital: 'Demo' }, 'zh-CN'))).toContain('注入至行动用时');
  });
});
