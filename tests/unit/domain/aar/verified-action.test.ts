import { describe, expect, it } from 'vitest';
import type { CorrectiveAction } from '../../../../src/domain/aar';
import { newId } from '../../../../src/domain/ids';
import type { MutationContext } from '../../../../src/domain/mutation';
import { runMutation, type MutationName } from '../../../../src/domain/mutators';
import type { Actor } from '../../../../src/domain/roles';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { at, HOUR, MINUTE, T0 } from '../board-fixture';
import { closedIncidentWorld, planningChief } from './aar-fixture';

const EXERCISE_SPACE = 'exercise-verify-fix';
const facilitator = makeActor('exercise_facilitator');
const evaluator = { userId: 'evaluator-1', roles: ['viewer' as const] };
const evaluator2 = { userId: 'evaluator-2', roles: ['viewer' as const] };

/**
 * A real incident's done corrective action in the hospital's space, and a later exercise in its own space whose
 * objective O1 names it (by id only) and whose objective O2 does not.
 */
async function loopWorld() {
  const w = await closedIncidentWorld();
  const improvementId = newId();
  await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
  await w.command('aar.edit', { incidentId: w.incidentId, improvements: [{ id: improvementId, text: 'Blood bank called late' }] }, at(311));
  const actionId = newId();
  await w.command('correctiveAction.add', { id: actionId, incidentId: w.incidentId, improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: T0 + 30 * 24 * HOUR }, at(320));
  const inExercise = (name: MutationName, args: unknown, minutes: number, actor: Actor = facilitator) =>
    runMutation(w.tx, name, args, makeContext({ at: T0 + minutes * MINUTE, actor, space: EXERCISE_SPACE, spaceKind: 'exercise' }));
  const exerciseId = newId();
  await inExercise('exercise.create', {
    id: exerciseId, name: 'Blood bank drill', type: 'drill',
    objectives: [{ id: 'O1', text: 'Blood bank called within 10 minutes', capability: 'Medical surge' }, { id: 'O2', text: 'Triage', capability: 'Medical surge' }],
    participants: [{ userId: evaluator.userId, role: 'evaluator' }, { userId: evaluator2.userId, role: 'evaluator' }],
  }, 400);
  const verify = (args: { objectiveId: string; exerciseId?: string }, minutes: number, actor: Actor = facilitator, ctx: Partial<MutationContext> = {}) =>
    runMutation(w.tx, 'correctiveAction.verify', { id: actionId, exerciseId: args.exerciseId ?? exerciseId, objectiveId: args.objectiveId }, makeContext({ at: T0 + minutes * MINUTE, actor, ...ctx }));
  const action = async () => (await w.tx.get('correctiveAction', actionId)) as CorrectiveAction;
  return { ...w, actionId, exerciseId, inExercise, verify, action };
}

describe('a corrective action verified by a later exercise', () => {
  it('is verified only once done, by the facilitator, through an objective that names it and is rated P or S, recording the exercise and when', async () => {
    const w = await loopWorld();
    await w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [w.actionId] }, 401);
    await w.inExercise('exercise.start', { id: w.exerciseId }, 410);
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O1', rating: 'S', rationale: 'Called at T+8' }, 430, evaluator);
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O2', rating: 'P', rationale: 'Fine' }, 430, evaluator);

    await expect(w.verify({ objectiveId: 'O1' }, 440)).rejects.toMatchObject({ code: 'invalid_transition', params: { status: 'open' } });
    await w.command('correctiveAction.update', { id: w.actionId, status: 'done' }, at(441));
    await expect(w.verify({ objectiveId: 'O1' }, 442, planningChief)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'exercise.control' } });
    await expect(w.verify({ objectiveId: 'O2' }, 442)).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('does not name') as string });
    await expect(w.verify({ objectiveId: 'O9' }, 442)).rejects.toMatchObject({ code: 'not_found' });
    await expect(w.verify({ objectiveId: 'O1', exerciseId: newId() }, 442)).rejects.toMatchObject({ code: 'not_found' });
    expect((await w.action()).status).toBe('done');

    await w.verify({ objectiveId: 'O1' }, 450);
    expect(await w.action()).toMatchObject({ status: 'verified', verifiedInExercise: w.exerciseId, verifiedAt: T0 + 450 * MINUTE, verifiedBy: facilitator.userId, doneAt: T0 + 441 * MINUTE });
    // Nothing of the real space entered the exercise's: its objective holds the action's id and no more.
    const exercise = await w.tx.get('exercise', w.exerciseId);
    expect(exercise?.space).toBe(EXERCISE_SPACE);
    expect(JSON.stringify(exercise)).not.toContain('blood bank at activation');
    expect(exercise?.objectives[0]?.verifies).toEqual([w.actionId]);
  });

  it('is refused while the objective is unrated or any evaluator rates it M or U', async () => {
    const w = await loopWorld();
    await w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [w.actionId] }, 401);
    await w.command('correctiveAction.update', { id: w.actionId, status: 'done' }, at(402));
    await w.inExercise('exercise.start', { id: w.exerciseId }, 410);
    await expect(w.verify({ objectiveId: 'O1' }, 411)).rejects.toMatchObject({ code: 'invalid_transition', params: { status: 'not_rated' } });
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O1', rating: 'P', rationale: 'Called at T+5' }, 420, evaluator);
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O1', rating: 'M', rationale: 'Second call missed' }, 421, evaluator2);
    await expect(w.verify({ objectiveId: 'O1' }, 422)).rejects.toMatchObject({ code: 'invalid_transition', params: { rating: 'M' } });
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O1', rating: 'U', rationale: 'Not done' }, 423, evaluator);
    await expect(w.verify({ objectiveId: 'O1' }, 424)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await w.action()).status).toBe('done');
  });

  it('is refused by an exercise played before the action was written, and by the exercise the action came from', async () => {
    const w = await loopWorld();
    // An exercise started before the action existed cannot show the fix works.
    const early = newId();
    await w.inExercise('exercise.create', { id: early, name: 'Earlier drill', type: 'drill', objectives: [{ id: 'O1', text: 'x', capability: '' }], participants: [{ userId: evaluator.userId, role: 'evaluator' }] }, 100);
    await w.inExercise('exercise.setVerifies', { id: early, objectiveId: 'O1', actionIds: [w.actionId] }, 101);
    await w.inExercise('exercise.start', { id: early }, 102);
    await w.inExercise('evaluation.rate', { exerciseId: early, objectiveId: 'O1', rating: 'P', rationale: 'ok' }, 500, evaluator);
    await w.command('correctiveAction.update', { id: w.actionId, status: 'done' }, at(501));
    await expect(w.verify({ objectiveId: 'O1', exerciseId: early }, 502)).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('not played after') as string });

    // An exercise's own AAR/IP action is not verified by that same exercise.
    const own = newId();
    const ownSpace = 'exercise-own';
    const here = (name: MutationName, args: unknown, minutes: number, actor: Actor = facilitator) => runMutation(w.tx, name, args, makeContext({ at: T0 + minutes * MINUTE, actor, space: ownSpace, spaceKind: 'exercise' }));
    await here('exercise.create', { id: own, name: 'Own drill', type: 'drill', objectives: [{ id: 'O1', text: 'x', capability: '' }], participants: [{ userId: evaluator.userId, role: 'evaluator' }] }, 600);
    await here('exercise.start', { id: own }, 601);
    await here('evaluation.note', { id: newId(), exerciseId: own, kind: 'improvement', text: 'Switchboard not told' }, 602, evaluator);
    await here('exercise.end', { id: own }, 603);
    await here('aar.draftExercise', { exerciseId: own }, 604);
    const aar = (await w.tx.query('aar', ownSpace))[0];
    const ownAction = newId();
    await here('correctiveAction.add', { id: ownAction, incidentId: own, improvementId: aar?.improvements[0]?.id ?? '', action: 'Tell the switchboard', owner: 'Planning', dueAt: T0 + 24 * HOUR }, 605);
    await here('exercise.setVerifies', { id: own, objectiveId: 'O1', actionIds: [ownAction] }, 606);
    await here('evaluation.rate', { exerciseId: own, objectiveId: 'O1', rating: 'P', rationale: 'ok' }, 607, evaluator);
    await here('correctiveAction.update', { id: ownAction, status: 'done' }, 608);
    await expect(here('correctiveAction.verify', { id: ownAction, exerciseId: own, objectiveId: 'O1' }, 609)).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('came from') as string });
  });

  it('cannot be set to verified by hand, and set back by hand loses its verification', async () => {
    const w = await loopWorld();
    await expect(w.command('correctiveAction.update', { id: w.actionId, status: 'verified' } as never, at(330))).rejects.toMatchObject({ code: 'invalid_args' });
    await w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [w.actionId] }, 401);
    await w.command('correctiveAction.update', { id: w.actionId, status: 'done' }, at(402));
    await w.inExercise('exercise.start', { id: w.exerciseId }, 410);
    await w.inExercise('evaluation.rate', { exerciseId: w.exerciseId, objectiveId: 'O1', rating: 'P', rationale: 'ok' }, 420, evaluator);
    await w.verify({ objectiveId: 'O1' }, 421);
    await w.command('correctiveAction.update', { id: w.actionId, status: 'in_progress' }, at(430));
    const action = await w.action();
    expect(action.status).toBe('in_progress');
    expect(action).not.toHaveProperty('verifiedInExercise');
    expect(action).not.toHaveProperty('doneAt');
  });

  it('lets only the facilitator name the actions an objective verifies, in the exercise space', async () => {
    const w = await loopWorld();
    await expect(w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [w.actionId] }, 401, evaluator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O7', actionIds: [w.actionId] }, 401)).rejects.toMatchObject({ code: 'not_found' });
    await w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [w.actionId, w.actionId] }, 402);
    expect((await w.tx.get('exercise', w.exerciseId))?.objectives[0]?.verifies).toEqual([w.actionId]);
    await w.inExercise('exercise.setVerifies', { id: w.exerciseId, objectiveId: 'O1', actionIds: [] }, 403);
    expect((await w.tx.get('exercise', w.exerciseId))?.objectives[0]).not.toHaveProperty('verifies');
  });
});
