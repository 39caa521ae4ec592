import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { exerciseIn, expectStatus } from './exercise-mutators';
import type { Exercise } from './exercise';
import { chainCycle, followedInject, InjectMethodSchema, InjectTriggerSchema, type Inject } from './injects';

/** The largest MSEL one import carries: a full-scale exercise runs a few hundred injects at most. */
export const MSEL_MAX_INJECTS = 500;

const injectFields = {
  number: z.number().int().min(1).max(9999),
  trigger: InjectTriggerSchema,
  from: z.string().trim().min(1).max(200),
  to: z.string().trim().min(1).max(200),
  method: InjectMethodSchema,
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(4000),
  expectedAction: z.string().trim().max(2000),
  controller: z.string().trim().max(200),
  capability: z.string().trim().max(500),
  objectiveIds: z.array(z.string().min(1).max(40)).max(20),
};

/** An MSEL row as its author writes it; the delivery state is the controllers' business, not the author's. */
export const InjectFieldsSchema = z.strictObject({
  ...injectFields,
  method: injectFields.method.default('message'),
  expectedAction: injectFields.expectedAction.default(''),
  controller: injectFields.controller.default(''),
  capability: injectFields.capability.default(''),
  objectiveIds: injectFields.objectiveIds.default([]),
});
/** An edit names only the fields it changes: no defaults, or an edit of one cell would blank the others. */
const InjectEditSchema = z.strictObject(injectFields).partial();
export type InjectFieldsInput = z.input<typeof InjectFieldsSchema>;

/**
 * Drill scripts are written only where drill data lives. The space's kind comes from the server's record (the
 * server's push reads it), never from the space's name or from the caller's arguments.
 */
function requireExerciseSpace(ctx: MutationContext): void {
  if (ctx.spaceKind !== 'exercise') {
    throw new DomainError('not_exercise_space', `${ctx.space} is not an exercise space: an MSEL is written only in an exercise's own space`, { space: ctx.space });
  }
}

/** Who may write the MSEL, in what space, and of which exercise: the checks every MSEL mutator starts with. */
async function editableExercise(tx: Tx, exerciseId: string, ctx: MutationContext): Promise<Exercise> {
  requireExerciseSpace(ctx);
  requirePermission(ctx, 'exercise.control');
  const exercise = await exerciseIn(tx, exerciseId, ctx);
  expectStatus(exercise, ['draft', 'running', 'paused'], 'change the MSEL of');
  return exercise;
}

async function mselOf(tx: Tx, exercise: Exercise, ctx: MutationContext): Promise<Inject[]> {
  return tx.query('inject', ctx.space, { where: { exerciseId: exercise.id } });
}

async function pendingInject(tx: Tx, id: string, ctx: MutationContext): Promise<{ inject: Inject; exercise: Exercise }> {
  requireExerciseSpace(ctx);
  const inject = await tx.get('inject', id);
  if (!inject || inject.space !== ctx.space) throw new DomainError('not_found', `inject ${id} does not exist`, { id });
  const exercise = await editableExercise(tx, inject.exerciseId, ctx);
  if (inject.status !== 'pending') throw new DomainError('invalid_transition', `inject ${inject.number} is ${inject.status}: only a pending inject changes`, { status: inject.status });
  return { inject, exercise };
}

/** Numbers are unique, every chain leads to an inject of the MSEL, and no chain comes back on itself. */
function checkMsel(injects: readonly Pick<Inject, 'number' | 'trigger'>[]): void {
  const numbers = new Set<number>();
  for (const inject of injects) {
    if (numbers.has(inject.number)) throw new DomainError('inject_number_taken', `inject number ${inject.number} is used twice`, { number: inject.number });
    numbers.add(inject.number);
  }
  const cycle = chainCycle(injects);
  if (cycle) {
    const numbersText = [...cycle, cycle[0]].join(' → ');
    throw new DomainError('inject_chain_cycle', `injects ${numbersText} follow one another in a circle and would never fall due`, { numbers: numbersText });
  }
  for (const inject of injects) {
    const followed = followedInject(inject.trigger);
    if (followed !== undefined && !numbers.has(followed)) {
      throw new DomainError('invalid_args', `inject ${inject.number} follows inject ${followed}, which is not in the MSEL`, { field: 'after', number: inject.number });
    }
  }
}

function numberTaken(number: number): DomainError {
  return new DomainError('inject_number_taken', `inject number ${number} is already used in this MSEL`, { number });
}

export const mselMutators = {
  'inject.add': defineMutator(InjectFieldsSchema.extend({ id: IdSchema, exerciseId: IdSchema }), async (tx, args, ctx) => {
    const exercise = await editableExercise(tx, args.exerciseId, ctx);
    if (await tx.get('inject', args.id)) throw new DomainError('already_exists', `inject ${args.id} already exists`, { id: args.id });
    const msel = await mselOf(tx, exercise, ctx);
    if (msel.some((i) => i.number === args.number)) throw numberTaken(args.number);
    checkMsel([...msel, args]);
    await tx.put('inject', { ...args, space: ctx.space, status: 'pending', updatedAt: ctx.at });
  }),

  /** Changes the fields given, and only those, so two controllers editing different cells both keep their edit. */
  'inject.edit': defineMutator(InjectEditSchema.extend({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await pendingInject(tx, args.id, ctx);
    const changes = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    const edited: Inject = { ...inject, ...changes, updatedAt: ctx.at };
    const others = (await mselOf(tx, exercise, ctx)).filter((i) => i.id !== inject.id);
    if (others.some((i) => i.number === edited.number)) throw numberTaken(edited.number);
    // Renumbering keeps the injects that followed this one following it.
    const followers = edited.number === inject.number ? [] : others.filter((i) => followedInject(i.trigger) === inject.number);
    const renumbered = followers.map((i): Inject => (i.trigger.type === 'after' || i.trigger.type === 'acted' ? { ...i, trigger: { ...i.trigger, inject: edited.number }, updatedAt: ctx.at } : i));
    checkMsel([...others.filter((i) => !followers.includes(i)), ...renumbered, edited]);
    for (const follower of renumbered) await tx.put('inject', follower);
    await tx.put('inject', edited);
  }),

  /** A pending inject leaves the MSEL; injects that followed it wait for a controller instead of for nothing. */
  'inject.remove': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    const { inject, exercise } = await pendingInject(tx, args.id, ctx);
    for (const follower of await mselOf(tx, exercise, ctx)) {
      if (followedInject(follower.trigger) === inject.number && follower.id !== inject.id) {
        await tx.put('inject', { ...follower, trigger: { type: 'manual' }, updatedAt: ctx.at });
      }
    }
    await tx.del('inject', inject.id);
  }),

  /**
   * Numbers the MSEL 1, 2, 3... in the order given (every inject of the exercise, once each); chains follow the
   * injects, not the old numbers.
   */
  'inject.reorder': defineMutator(z.strictObject({ exerciseId: IdSchema, order: z.array(IdSchema).min(1).max(MSEL_MAX_INJECTS) }), async (tx, args, ctx) => {
    const exercise = await editableExercise(tx, args.exerciseId, ctx);
    const msel = await mselOf(tx, exercise, ctx);
    const byId = new Map(msel.map((i) => [i.id, i]));
    if (new Set(args.order).size !== args.order.length || args.order.length !== msel.length || args.order.some((id) => !byId.has(id))) {
      throw new DomainError('invalid_args', 'the new order must list every inject of the MSEL once', { field: 'order' });
    }
    const newNumber = new Map(args.order.map((id, index) => [byId.get(id)?.number ?? 0, index + 1]));
    for (const [index, id] of args.order.entries()) {
      const inject = byId.get(id);
      if (!inject) continue;
      const trigger = inject.trigger.type === 'after' || inject.trigger.type === 'acted' ? { ...inject.trigger, inject: newNumber.get(inject.trigger.inject) ?? inject.trigger.inject } : inject.trigger;
      await tx.put('inject', { ...inject, number: index + 1, trigger, updatedAt: ctx.at });
    }
  }),

  /**
   * Adds injects after the MSEL's last row, all or none (a replayed incident's timeline): only to a draft, whose
   * numbers nobody is playing yet. The same checks as `inject.add`, once for the whole set.
   */
  'inject.append': defineMutator(
    z.strictObject({ exerciseId: IdSchema, injects: z.array(InjectFieldsSchema.extend({ id: IdSchema })).min(1).max(MSEL_MAX_INJECTS) }),
    async (tx, args, ctx) => {
      const exercise = await editableExercise(tx, args.exerciseId, ctx);
      expectStatus(exercise, ['draft'], 'append injects to');
      const msel = await mselOf(tx, exercise, ctx);
      if (msel.length + args.injects.length > MSEL_MAX_INJECTS) {
        throw new DomainError('invalid_args', `the MSEL would hold ${msel.length + args.injects.length} injects: it holds at most ${MSEL_MAX_INJECTS}`, { field: 'injects' });
      }
      const last = Math.max(0, ...msel.map((i) => i.number));
      const early = args.injects.find((i) => i.number <= last);
      if (early) throw new DomainError('invalid_args', `inject ${early.number} would not come after the MSEL's last inject (${last})`, { field: 'number', number: early.number });
      checkMsel([...msel, ...args.injects]);
      for (const inject of args.injects) {
        if (await tx.get('inject', inject.id)) throw new DomainError('already_exists', `inject ${inject.id} already exists`, { id: inject.id });
        await tx.put('inject', { ...inject, exerciseId: exercise.id, space: ctx.space, status: 'pending', updatedAt: ctx.at });
      }
    },
  ),

  /**
   * Replaces the whole MSEL with the one given (a CSV file, a shipped scenario): all of it or none of it. Once an
   * inject has been delivered the MSEL is history the evaluation reads, and an import would rewrite it: refused.
   */
  'inject.import': defineMutator(
    z.strictObject({ exerciseId: IdSchema, injects: z.array(InjectFieldsSchema.extend({ id: IdSchema })).min(1).max(MSEL_MAX_INJECTS) }),
    async (tx, args, ctx) => {
      const exercise = await editableExercise(tx, args.exerciseId, ctx);
      const msel = await mselOf(tx, exercise, ctx);
      const played = msel.find((i) => i.status !== 'pending');
      if (played) throw new DomainError('invalid_transition', `inject ${played.number} is ${played.status}: an MSEL in play is not replaced`, { status: played.status });
      checkMsel(args.injects);
      const kept = new Set(args.injects.map((i) => i.id));
      for (const old of msel) if (!kept.has(old.id)) await tx.del('inject', old.id);
      for (const inject of args.injects) {
        const existing = await tx.get('inject', inject.id);
        if (existing && existing.exerciseId !== exercise.id) throw new DomainError('already_exists', `inject ${inject.id} already exists`, { id: inject.id });
        await tx.put('inject', { ...inject, exerciseId: exercise.id, space: ctx.space, status: 'pending', updatedAt: ctx.at });
      }
    },
  ),
};
