import { z } from 'zod';
import { DomainError } from '../errors';
import { derivedId, IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { can } from '../roles';
import { PerformanceRatingSchema } from './evaluation';
import { controlsExercise, CriticalTaskSchema, ExerciseCapabilitySchema, ExerciseDateSchema, ExerciseObjectiveSchema, ExerciseTypeSchema, exerciseOver, exerciseTime, ParticipantSchema, participantRole, type Exercise } from './exercise';
import { injectDueAt, type Inject } from './injects';

export async function exerciseIn(tx: Tx, id: string, ctx: MutationContext): Promise<Exercise> {
  const exercise = await tx.get('exercise', id);
  if (!exercise || exercise.space !== ctx.space) throw new DomainError('not_found', `exercise ${id} does not exist`, { id });
  return exercise;
}

export function expectStatus(exercise: Exercise, allowed: readonly Exercise['status'][], action: string): void {
  if (!allowed.includes(exercise.status)) throw new DomainError('invalid_transition', `cannot ${action} an exercise that is ${exercise.status}`, { status: exercise.status });
}

/** Evaluators and the facilitator record evaluation; players never see or write it. */
function requireEvaluator(exercise: Exercise, ctx: MutationContext): void {
  if (can(ctx.actor, 'exercise.control') || participantRole(exercise, ctx.actor.userId) === 'evaluator') return;
  throw new DomainError('forbidden', `${ctx.actor.userId} is not an evaluator of this exercise`, { permission: 'exercise.control' });
}

async function injectIn(tx: Tx, id: string, ctx: MutationContext): Promise<{ inject: Inject; exercise: Exercise }> {
  const inject = await tx.get('inject', id);
  if (!inject || inject.space !== ctx.space) throw new DomainError('not_found', `inject ${id} does not exist`, { id });
  return { inject, exercise: await exerciseIn(tx, inject.exerciseId, ctx) };
}

/** Once play is over no inject is sent or skipped: the MSEL then records what the players met, for the evaluation. */
function refuseOver(exercise: Exercise, inject: Inject, action: string): void {
  if (!exerciseOver(exercise)) return;
  throw new DomainError('exercise_over', `cannot ${action} inject ${inject.number}: the exercise is ${exercise.status}`, { status: exercise.status, number: inject.number });
}

/** Controllers deliver and skip injects: the facilitator's permission, or the controller's role in this exercise. */
function requireController(exercise: Exercise, ctx: MutationContext): void {
  if (controlsExercise(exercise, ctx.actor)) return;
  throw new DomainError('forbidden', `${ctx.actor.userId} is not a controller of this exercise`, { permission: 'exercise.control' });
}

/** The players answer injects: anyone who may write to an incident, or a player of this exercise. */
function requirePlayer(exercise: Exercise, ctx: MutationContext): void {
  if (can(ctx.actor, 'incident.write') || participantRole(exercise, ctx.actor.userId) === 'player') return;
  throw new DomainError('forbidden', `${ctx.actor.userId} does not play in this exercise`, { permission: 'incident.write' });
}

/**
 * Delivers a pending inject at exercise time `atExercise`. A message inject also becomes a HICS 213 message to its
 * position in the exercise's incident, its id derived from the inject, so a second delivery could only rewrite it.
 */
async function deliver(tx: Tx, inject: Inject, exercise: Exercise, ctx: MutationContext, atExercise: number): Promise<void> {
  const incident = exercise.incidentId ? await tx.get('incident', exercise.incidentId) : undefined;
  if (inject.method === 'message' && incident?.space === ctx.space && incident.status !== 'closed') {
    await tx.put('message', {
      id: derivedId(ctx.space, 'inject-message', inject.id),
      space: ctx.space,
      incidentId: incident.id,
      period: incident.period,
      to: inject.to,
      from: inject.from,
      subject: `#${inject.number} ${inject.subject}`,
      message: inject.message,
      urgent: false,
      sentAt: ctx.at,
      sentBy: ctx.actor.userId,
      replies: [],
    });
  }
  await tx.put('inject', { ...inject, status: 'delivered', deliveredAt: ctx.at, deliveredAtExercise: atExercise, deliveredBy: ctx.actor.userId, updatedAt: ctx.at });
}

function clockChange(exercise: Exercise, ctx: MutationContext, changes: Partial<Exercise>): Exercise {
  return { ...exercise, ...changes, updatedAt: ctx.at };
}

export const exerciseMutators = {
  /** The facilitator sets up an exercise in its exercise space: type, objectives, who plays, controls and evaluates. */
  'exercise.create': defineMutator(
    z.strictObject({
      id: IdSchema,
      name: z.string().trim().min(1).max(200),
      type: ExerciseTypeSchema,
      hazard: z.string().trim().max(200).default(''),
      objectives: z.array(ExerciseObjectiveSchema).max(50).default([]),
      capabilities: z.array(ExerciseCapabilitySchema).max(32).default([]),
      date: ExerciseDateSchema.optional(),
      participants: z.array(ParticipantSchema).max(500).default([]),
      speed: z.number().min(0.25).max(60).default(1),
      incidentId: IdSchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'exercise.control');
      if (await tx.get('exercise', args.id)) throw new DomainError('already_exists', `exercise ${args.id} already exists`, { id: args.id });
      const { incidentId, date, ...fields } = args;
      // Delivered injects become messages of this incident: one of a real space would put drill traffic beside real.
      const incident = incidentId ? await tx.get('incident', incidentId) : undefined;
      if (incident && incident.space !== ctx.space) {
        throw new DomainError('invalid_args', `incident ${incidentId} is not in this exercise's space: an exercise plays its own incident`, { field: 'incidentId' });
      }
      await tx.put('exercise', { ...fields, ...(incidentId ? { incidentId } : {}), ...(date ? { date } : {}), space: ctx.space, status: 'draft', pausedMs: 0, jumpedMs: 0, updatedAt: ctx.at });
    },
  ),

  /**
   * The clock (start, pause, resume, jump, end) is the facilitator's and the controllers': players and evaluators
   * play and watch it, and a stop for a real emergency has its own mutation anyone in the exercise may send.
   */
  'exercise.start': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    expectStatus(exercise, ['draft'], 'start');
    await tx.put('exercise', clockChange(exercise, ctx, { status: 'running', startedAt: ctx.at }));
  }),

  'exercise.pause': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    expectStatus(exercise, ['running'], 'pause');
    await tx.put('exercise', clockChange(exercise, ctx, { status: 'paused', pausedAt: ctx.at }));
  }),

  /** Resuming after a real-world stop clears it: the facilitator or a controller has decided play may go on. */
  'exercise.resume': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    expectStatus(exercise, ['paused'], 'resume');
    const { pausedAt, realWorldStop: _stop, ...rest } = exercise;
    await tx.put('exercise', clockChange(rest, ctx, { status: 'running', pausedMs: exercise.pausedMs + (ctx.at - (pausedAt ?? ctx.at)) }));
  }),

  /** "Jump to T+2 h": moves the exercise clock, not real time; injects due by then fall due. */
  'exercise.jump': defineMutator(z.strictObject({ id: IdSchema, toMinutes: z.number().int().min(0).max(14 * 24 * 60) }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    expectStatus(exercise, ['running', 'paused'], 'move the clock of');
    const target = args.toMinutes * 60_000;
    await tx.put('exercise', clockChange(exercise, ctx, { jumpedMs: exercise.jumpedMs + target - exerciseTime(exercise, ctx.at) }));
  }),

  'exercise.end': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    expectStatus(exercise, ['running', 'paused'], 'end');
    const paused = exercise.status === 'paused' ? ctx.at - (exercise.pausedAt ?? ctx.at) : 0;
    const { pausedAt: _p, ...rest } = exercise;
    await tx.put('exercise', clockChange(rest, ctx, { status: 'ended', endedAt: ctx.at, pausedMs: exercise.pausedMs + paused }));
  }),

  /**
   * "This is a real-world emergency": anyone in the exercise may stop play (a player hears it first). The exercise
   * pauses everywhere with the reason, and only the facilitator resumes it.
   */
  'exercise.realWorldStop': defineMutator(z.strictObject({ id: IdSchema, reason: z.string().trim().min(1).max(500) }), async (tx, args, ctx) => {
    const exercise = await exerciseIn(tx, args.id, ctx);
    if (!can(ctx.actor, 'exercise.control') && !participantRole(exercise, ctx.actor.userId)) {
      throw new DomainError('forbidden', `${ctx.actor.userId} does not take part in this exercise`, { permission: 'exercise.control' });
    }
    expectStatus(exercise, ['running', 'paused'], 'stop');
    const realWorldStop = { at: ctx.at, by: ctx.actor.userId, reason: args.reason };
    await tx.put('exercise', clockChange(exercise, ctx, { status: 'paused', pausedAt: exercise.pausedAt ?? ctx.at, realWorldStop }));
  }),

  /** A controller delivers an inject by hand, now, at the exercise clock's time (a manual one, or early). */
  'inject.deliver': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await injectIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    refuseOver(exercise, inject, 'deliver');
    expectStatus(exercise, ['running'], 'deliver injects of');
    if (inject.status !== 'pending') throw new DomainError('invalid_transition', `inject ${inject.number} is ${inject.status}`, { status: inject.status });
    await deliver(tx, inject, exercise, ctx, exerciseTime(exercise, ctx.at));
  }),

  /**
   * Delivery on schedule, sent by every controller desk that sees an inject fall due. The server runs the first
   * and finds the others' inject no longer pending: they change nothing and refuse nothing, so two desks open, or
   * one coming back online with its own delivery queued, still give the players one delivery. Delivery is only
   * done if the inject is due on the clock the server holds (a desk may have missed a pause or a jump), and is
   * stamped with the scheduled exercise time, so whichever desk wins, the record and the chains after it agree.
   */
  'inject.deliverDue': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await injectIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    if (inject.status !== 'pending' || exercise.status !== 'running') return;
    const msel = await tx.query('inject', ctx.space, { where: { exerciseId: exercise.id } });
    const due = injectDueAt(inject, new Map(msel.map((i) => [i.number, i])));
    if (due === undefined || due > exerciseTime(exercise, ctx.at)) return;
    await deliver(tx, inject, exercise, ctx, due);
  }),

  'inject.skip': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await injectIn(tx, args.id, ctx);
    requireController(exercise, ctx);
    refuseOver(exercise, inject, 'skip');
    if (inject.status !== 'pending') throw new DomainError('invalid_transition', `inject ${inject.number} is ${inject.status}`, { status: inject.status });
    await tx.put('inject', { ...inject, status: 'skipped', updatedAt: ctx.at });
  }),

  /** The recipient position saw it: the first acknowledgement counts (inject → acknowledgement time). */
  'inject.acknowledge': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await injectIn(tx, args.id, ctx);
    requirePlayer(exercise, ctx);
    if (inject.status !== 'delivered') throw new DomainError('invalid_transition', `inject ${inject.number} has not been delivered`, { status: inject.status });
    if (inject.acknowledgedAt !== undefined) return;
    await tx.put('inject', { ...inject, acknowledgedAt: ctx.at, acknowledgedBy: ctx.actor.userId, updatedAt: ctx.at });
  }),

  /**
   * The recipient did what the inject called for, saying what: the first report counts (the evaluation's inject →
   * action time), and it acknowledges the inject too if nobody had. Injects chained on it (`acted`) fall due from it.
   */
  'inject.actOn': defineMutator(z.strictObject({ id: IdSchema, note: z.string().trim().max(2000).default('') }), async (tx, args, ctx) => {
    const { inject, exercise } = await injectIn(tx, args.id, ctx);
    requirePlayer(exercise, ctx);
    if (inject.status !== 'delivered') throw new DomainError('invalid_transition', `inject ${inject.number} has not been delivered`, { status: inject.status });
    if (inject.actedOnAt !== undefined) return;
    const seen = inject.acknowledgedAt === undefined ? { acknowledgedAt: ctx.at, acknowledgedBy: ctx.actor.userId } : {};
    await tx.put('inject', { ...inject, ...seen, actedOnAt: ctx.at, actedOnAtExercise: exerciseTime(exercise, ctx.at), actedOnBy: ctx.actor.userId, actedOnNote: args.note, updatedAt: ctx.at });
  }),

  'evaluation.note': defineMutator(
    z.strictObject({
      id: IdSchema,
      exerciseId: IdSchema,
      kind: z.enum(['strength', 'improvement', 'note']),
      text: z.string().trim().min(1).max(4000),
      objectiveId: z.string().min(1).max(40).optional(),
      injectNumber: z.number().int().min(1).optional(),
      position: z.string().trim().min(1).max(100).optional(),
    }),
    async (tx, args, ctx) => {
      const exercise = await exerciseIn(tx, args.exerciseId, ctx);
      requireEvaluator(exercise, ctx);
      if (args.objectiveId !== undefined && !exercise.objectives.some((o) => o.id === args.objectiveId)) {
        throw new DomainError('not_found', `objective ${args.objectiveId} is not one of this exercise's`, { id: args.objectiveId });
      }
      if (await tx.get('evaluatorNote', args.id)) throw new DomainError('already_exists', `note ${args.id} already exists`, { id: args.id });
      await tx.put('evaluatorNote', { ...args, space: ctx.space, at: ctx.at, exerciseAt: exerciseTime(exercise, ctx.at), by: ctx.actor.userId });
    },
  ),

  /** One rating per evaluator and objective; a changed mind keeps the earlier ratings in `previous`. */
  'evaluation.rate': defineMutator(
    z.strictObject({ exerciseId: IdSchema, objectiveId: z.string().min(1).max(40), rating: PerformanceRatingSchema, rationale: z.string().trim().min(1).max(4000) }),
    async (tx, args, ctx) => {
      const exercise = await exerciseIn(tx, args.exerciseId, ctx);
      requireEvaluator(exercise, ctx);
      if (!exercise.objectives.some((o) => o.id === args.objectiveId)) throw new DomainError('not_found', `objective ${args.objectiveId} is not one of this exercise's`, { id: args.objectiveId });
      const id = derivedId(ctx.space, 'rating', exercise.id, args.objectiveId, ctx.actor.userId);
      const before = await tx.get('objectiveRating', id);
      await tx.put('objectiveRating', {
        ...args,
        id,
        space: ctx.space,
        by: ctx.actor.userId,
        at: ctx.at,
        previous: before ? [...before.previous, { rating: before.rating, at: before.at }] : [],
      });
    },
  ),

  /**
   * An objective's Exercise Evaluation Guide: the critical tasks its evaluators rate it against, replaced whole.
   * Written by the facilitator before the ratings it frames, and not once the exercise has ended.
   */
  'exercise.setCriticalTasks': defineMutator(
    z.strictObject({ id: IdSchema, objectiveId: z.string().min(1).max(40), criticalTasks: z.array(CriticalTaskSchema).max(20) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'exercise.control');
      const exercise = await exerciseIn(tx, args.id, ctx);
      expectStatus(exercise, ['draft', 'running', 'paused'], 'change the evaluation guide of');
      if (!exercise.objectives.some((o) => o.id === args.objectiveId)) throw new DomainError('not_found', `objective ${args.objectiveId} is not one of this exercise's`, { id: args.objectiveId });
      const objectives = exercise.objectives.map((o) => (o.id === args.objectiveId ? { ...o, criticalTasks: args.criticalTasks } : o));
      await tx.put('exercise', { ...exercise, objectives, updatedAt: ctx.at });
    },
  ),

  /**
   * The corrective actions (of the real space, by id) an objective puts to the test: a P or S rating of it then lets
   * the facilitator mark them verified there. Ids only: nothing of the real space is read or copied here.
   */
  'exercise.setVerifies': defineMutator(
    z.strictObject({ id: IdSchema, objectiveId: z.string().min(1).max(40), actionIds: z.array(IdSchema).max(20) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'exercise.control');
      const exercise = await exerciseIn(tx, args.id, ctx);
      expectStatus(exercise, ['draft', 'running', 'paused', 'ended'], 'change what is verified by');
      if (!exercise.objectives.some((o) => o.id === args.objectiveId)) throw new DomainError('not_found', `objective ${args.objectiveId} is not one of this exercise's`, { id: args.objectiveId });
      const verifies = [...new Set(args.actionIds)];
      const objectives = exercise.objectives.map((o) => {
        if (o.id !== args.objectiveId) return o;
        const { verifies: _old, ...rest } = o;
        return verifies.length === 0 ? rest : { ...rest, verifies };
      });
      await tx.put('exercise', { ...exercise, objectives, updatedAt: ctx.at });
    },
  ),

  /**
   * The hot wash: once play has ended, everyone who took part (players included) says what went well and what
   * should improve. The facilitator may write down what someone said aloud.
   */
  'hotwash.add': defineMutator(
    z.strictObject({ id: IdSchema, exerciseId: IdSchema, kind: z.enum(['strength', 'improvement']), text: z.string().trim().min(1).max(2000) }),
    async (tx, args, ctx) => {
      const exercise = await exerciseIn(tx, args.exerciseId, ctx);
      if (!can(ctx.actor, 'exercise.control') && !participantRole(exercise, ctx.actor.userId)) {
        throw new DomainError('forbidden', `${ctx.actor.userId} does not take part in this exercise`, { permission: 'exercise.control' });
      }
      expectStatus(exercise, ['ended'], 'hold the hot wash of');
      if (await tx.get('hotwashNote', args.id)) throw new DomainError('already_exists', `hot wash note ${args.id} already exists`, { id: args.id });
      await tx.put('hotwashNote', { ...args, space: ctx.space, by: ctx.actor.userId, at: ctx.at });
    },
  ),
};
