import { describe, expect, it } from 'vitest';
import { derivedId, newId } from '../../../src/domain/ids';
import { runMutation, type MutationName } from '../../../src/domain/mutators';
import type { MutationContext, Tx } from '../../../src/domain/mutation';
import { exerciseTime, formatExerciseTime, type Exercise } from '../../../src/domain/exercises/exercise';
import { dueInjects, injectStage, msUntilNextDue } from '../../../src/domain/exercises/injects';
import { triggerCells, triggerFromCells } from '../../../src/domain/exercises/msel-csv';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const SPACE = 'drill-2026';
const T0 = Date.UTC(2026, 11, 4, 1, 0);
const MIN = 60_000;
const facilitator = makeActor('exercise_facilitator');
const player = { userId: 'player-1', roles: ['operator' as const] };
const evaluator = { userId: 'evaluator-1', roles: ['viewer' as const] };

function ctxAt(minutes: number, actor = facilitator): MutationContext {
  return makeContext({ at: T0 + minutes * MIN, actor, space: SPACE, spaceKind: 'exercise' });
}

async function run(tx: Tx, name: MutationName, args: unknown, minutes = 0, actor = facilitator): Promise<void> {
  await runMutation(tx, name, args, ctxAt(minutes, actor));
}

async function tabletop() {
  const tx = makeMemoryTx();
  const exerciseId = newId();
  const incidentId = newId();
  await runMutation(tx, 'incident.declare', { id: incidentId, name: 'Bus crash (exercise)', type: 'mass_casualty', level: 'II', discoveredAt: T0 }, ctxAt(0));
  await run(tx, 'exercise.create', {
    id: exerciseId,
    name: 'Bus crash tabletop',
    type: 'tabletop',
    objectives: [{ id: 'O1', text: 'Activate the command centre within 30 minutes', capability: 'Operational coordination' }],
    participants: [{ userId: player.userId, role: 'player', position: 'Incident Commander' }, { userId: evaluator.userId, role: 'evaluator' }],
    incidentId,
  });
  const inject = async (number: number, trigger: unknown, over: object = {}) => {
    const id = newId();
    await run(tx, 'inject.add', { id, exerciseId, number, trigger, from: 'County 120 dispatch', to: 'Incident Commander', subject: `Inject ${number}`, message: 'A bus has overturned on the ring road: 30 casualties expected.', ...over });
    return id;
  };
  const exercise = async () => (await tx.get('exercise', exerciseId)) as Exercise;
  return { tx, exerciseId, incidentId, inject, exercise };
}

describe('the exercise clock', () => {
  it('runs from the start, stands still while paused, jumps when told, and stops at the end', async () => {
    const { tx, exerciseId, exercise } = await tabletop();
    expect(exerciseTime(await exercise(), T0 + 5 * MIN)).toBe(0);
    await run(tx, 'exercise.start', { id: exerciseId }, 10);
    expect(exerciseTime(await exercise(), T0 + 25 * MIN)).toBe(15 * MIN);
    await run(tx, 'exercise.pause', { id: exerciseId }, 25);
    expect(exerciseTime(await exercise(), T0 + 60 * MIN)).toBe(15 * MIN);
    await run(tx, 'exercise.resume', { id: exerciseId }, 40);
    expect(exerciseTime(await exercise(), T0 + 50 * MIN)).toBe(25 * MIN);
    await run(tx, 'exercise.jump', { id: exerciseId, toMinutes: 120 }, 50);
    expect(formatExerciseTime(exerciseTime(await exercise(), T0 + 55 * MIN))).toBe('T+02:05');
    await run(tx, 'exercise.end', { id: exerciseId }, 60);
    expect(exerciseTime(await exercise(), T0 + 600 * MIN)).toBe(130 * MIN);
    await expect(run(tx, 'exercise.start', { id: exerciseId }, 61)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('is stopped everywhere by anyone in the exercise saying "real-world emergency", and only the facilitator resumes it', async () => {
    const { tx, exerciseId, exercise } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await expect(run(tx, 'exercise.realWorldStop', { id: exerciseId, reason: 'x' }, 5, makeActor('operator'))).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.realWorldStop', { id: exerciseId, reason: 'Real fire alarm in building 3' }, 5, player);
    expect(await exercise()).toMatchObject({ status: 'paused', realWorldStop: { by: player.userId, reason: 'Real fire alarm in building 3' } });
    await expect(run(tx, 'exercise.resume', { id: exerciseId }, 6, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'exercise.resume', { id: exerciseId }, 30);
    expect((await exercise()).realWorldStop).toBeUndefined();
    expect(exerciseTime(await exercise(), T0 + 30 * MIN)).toBe(5 * MIN);
  });
});

describe('the MSEL', () => {
  it('puts injects in the controller\'s queue when due: at T+minutes, after another was delivered, or never by itself when manual', async () => {
    const { tx, exerciseId, inject, exercise } = await tabletop();
    const first = await inject(1, { type: 'at', minutes: 0 });
    await inject(2, { type: 'after', inject: 1, minutes: 10 });
    await inject(3, { type: 'at', minutes: 30 });
    await inject(4, { type: 'manual' });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    const queue = async (minutes: number) => dueInjects(await exercise(), await tx.query('inject', SPACE), T0 + minutes * MIN).map((i) => i.number);
    expect(await queue(5)).toEqual([1]);
    await run(tx, 'inject.deliver', { id: first }, 6);
    expect(await queue(15)).toEqual([]);
    expect(await queue(16)).toEqual([2]);
    expect(await queue(31)).toEqual([2, 3]);
  });

  it('refuses a second inject with the same number, and one that follows itself', async () => {
    const { inject } = await tabletop();
    await inject(1, { type: 'at', minutes: 0 });
    await expect(inject(1, { type: 'at', minutes: 5 })).rejects.toMatchObject({ code: 'inject_number_taken' });
    await expect(inject(2, { type: 'after', inject: 2, minutes: 5 })).rejects.toMatchObject({ code: 'inject_chain_cycle' });
  });

  it('delivers a message inject as one HICS 213 message to the position, however many controllers press deliver', async () => {
    const { tx, exerciseId, incidentId, inject } = await tabletop();
    const id = await inject(1, { type: 'at', minutes: 0 });
    await expect(run(tx, 'inject.deliver', { id }, 1)).rejects.toMatchObject({ code: 'invalid_transition' });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await expect(run(tx, 'inject.deliver', { id }, 2, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'inject.deliver', { id }, 2);
    await expect(run(tx, 'inject.deliver', { id }, 2)).rejects.toMatchObject({ code: 'invalid_transition' });
    const messages = await tx.query('message', SPACE);
    expect(messages).toEqual([expect.objectContaining({ id: derivedId(SPACE, 'inject-message', id), incidentId, to: 'Incident Commander', subject: '#1 Inject 1' })]);
    await run(tx, 'inject.acknowledge', { id }, 4, player);
    await run(tx, 'inject.acknowledge', { id }, 9, player);
    expect(await tx.get('inject', id)).toMatchObject({ status: 'delivered', deliveredAtExercise: 2 * MIN, acknowledgedAt: T0 + 4 * MIN, acknowledgedBy: player.userId });
  });
});

describe('delivery on schedule', () => {
  const controller = { userId: 'controller-1', roles: ['viewer' as const] };

  it('delivers a due inject once, stamped with its scheduled exercise time, however many desks send the delivery', async () => {
    const { tx, exerciseId, inject, exercise } = await tabletop();
    const id = await inject(1, { type: 'at', minutes: 10 }, { method: 'message' });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    // Not due yet on the clock the server holds: nothing happens, and nothing is refused.
    await run(tx, 'inject.deliverDue', { id }, 9);
    expect(await tx.get('inject', id)).toMatchObject({ status: 'pending' });
    await run(tx, 'inject.deliverDue', { id }, 12);
    await run(tx, 'inject.deliverDue', { id }, 13);
    expect(await tx.get('inject', id)).toMatchObject({ status: 'delivered', deliveredAtExercise: 10 * MIN, deliveredAt: T0 + 12 * MIN });
    expect(await tx.query('message', SPACE)).toHaveLength(1);
    expect(dueInjects(await exercise(), await tx.query('inject', SPACE), T0 + 20 * MIN)).toEqual([]);
  });

  it('does not deliver while the clock is paused, and lets the exercise\'s controllers deliver but not its players', async () => {
    const { tx, exerciseId, inject, exercise } = await tabletop();
    const current = await exercise();
    await tx.put('exercise', { ...current, participants: [...current.participants, { userId: controller.userId, role: 'controller' }] });
    const id = await inject(1, { type: 'at', minutes: 0 });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'exercise.pause', { id: exerciseId }, 1);
    await run(tx, 'inject.deliverDue', { id }, 2, controller);
    expect(await tx.get('inject', id)).toMatchObject({ status: 'pending' });
    await run(tx, 'exercise.resume', { id: exerciseId }, 3);
    await expect(run(tx, 'inject.deliverDue', { id }, 4, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'inject.deliverDue', { id }, 4, controller);
    expect(await tx.get('inject', id)).toMatchObject({ status: 'delivered', deliveredBy: controller.userId });
  });

  it('chains an inject on the players acting on another, and tells each inject\'s stage from pending to acted on', async () => {
    const { tx, exerciseId, inject, exercise } = await tabletop();
    const first = await inject(1, { type: 'at', minutes: 5 });
    const second = await inject(2, { type: 'acted', inject: 1, minutes: 10 });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    const stages = async (minutes: number) => {
      const all = await tx.query('inject', SPACE);
      const byNumber = new Map(all.map((i) => [i.number, i]));
      const current = await exercise();
      return all.sort((a, b) => a.number - b.number).map((i) => injectStage(i, current, byNumber, T0 + minutes * MIN));
    };
    expect(await stages(1)).toEqual(['pending', 'pending']);
    expect(msUntilNextDue(await exercise(), await tx.query('inject', SPACE), T0 + MIN)).toBe(4 * MIN);
    expect(await stages(5)).toEqual(['due', 'pending']);
    await run(tx, 'inject.deliverDue', { id: first }, 6);
    expect(await stages(6)).toEqual(['delivered', 'pending']);
    expect(msUntilNextDue(await exercise(), await tx.query('inject', SPACE), T0 + 6 * MIN)).toBeUndefined();
    await run(tx, 'inject.acknowledge', { id: first }, 7, player);
    expect(await stages(7)).toEqual(['acknowledged', 'pending']);
    await run(tx, 'inject.actOn', { id: first, note: 'MCI plan activated, level II' }, 20, player);
    await run(tx, 'inject.actOn', { id: first, note: 'again' }, 21, player);
    expect(await tx.get('inject', first)).toMatchObject({ actedOnAt: T0 + 20 * MIN, actedOnAtExercise: 20 * MIN, actedOnBy: player.userId, actedOnNote: 'MCI plan activated, level II' });
    expect(await stages(29)).toEqual(['acted', 'pending']);
    expect(await stages(30)).toEqual(['acted', 'due']);
    await run(tx, 'inject.deliverDue', { id: second }, 31);
    expect(await tx.get('inject', second)).toMatchObject({ status: 'delivered', deliveredAtExercise: 30 * MIN });
  });

  it('refuses acting on an inject not yet delivered, and a chain on acting that comes round in a circle', async () => {
    const { tx, exerciseId, inject } = await tabletop();
    const first = await inject(1, { type: 'at', minutes: 5 });
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await expect(run(tx, 'inject.actOn', { id: first, note: '' }, 1, player)).rejects.toMatchObject({ code: 'invalid_transition' });
    await inject(2, { type: 'acted', inject: 1, minutes: 0 });
    const third = await inject(3, { type: 'after', inject: 2, minutes: 0 });
    await expect(run(tx, 'inject.edit', { id: third, number: 1 })).rejects.toMatchObject({ code: 'inject_number_taken' });
    await expect(run(tx, 'inject.edit', { id: first, trigger: { type: 'acted', inject: 3, minutes: 0 } })).rejects.toMatchObject({ code: 'inject_chain_cycle' });
  });

  it('writes a chain on acting as acted:N in the MSEL\'s after column, and reads it back', () => {
    const trigger = triggerFromCells('00:10', 'acted:3');
    expect(trigger).toEqual({ type: 'acted', inject: 3, minutes: 10 });
    expect(triggerCells({ type: 'acted', inject: 3, minutes: 10 })).toEqual({ time: '00:10', after: 'acted:3' });
    expect(triggerFromCells('', 'acted:x')).toMatchObject({ column: 'after' });
  });
});

describe('evaluation', () => {
  it('takes evaluators\' timestamped notes and ratings, keeps a changed rating\'s history, and refuses players', async () => {
    const { tx, exerciseId } = await tabletop();
    await run(tx, 'exercise.start', { id: exerciseId }, 0);
    await run(tx, 'evaluation.note', { id: newId(), exerciseId, kind: 'strength', text: 'Command centre opened in 12 minutes', objectiveId: 'O1', injectNumber: 1 }, 12, evaluator);
    await expect(run(tx, 'evaluation.note', { id: newId(), exerciseId, kind: 'note', text: 'x' }, 12, player)).rejects.toMatchObject({ code: 'forbidden' });
    await run(tx, 'evaluation.rate', { exerciseId, objectiveId: 'O1', rating: 'S', rationale: 'On time, roles unclear at first' }, 20, evaluator);
    await run(tx, 'evaluation.rate', { exerciseId, objectiveId: 'O1', rating: 'P', rationale: 'Roles settled by T+25' }, 30, evaluator);
    await expect(run(tx, 'evaluation.rate', { exerciseId, objectiveId: 'O9', rating: 'P', rationale: 'x' }, 30, evaluator)).rejects.toMatchObject({ code: 'not_found' });
    const [rating] = await tx.query('objectiveRating', SPACE);
    expect(rating).toMatchObject({ rating: 'P', previous: [{ rating: 'S', at: T0 + 20 * MIN }] });
    expect((await tx.query('evaluatorNote', SPACE))[0]).toMatchObject({ exerciseAt: 12 * MIN, by: evaluator.userId, kind: 'strength' });
  });
});
