import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { exerciseTime, type Exercise } from './exercise';

/**
 * How an inject reaches the players: a 213 message to a position, a phone call the controller role-plays, a
 * handout or spoken briefing in a tabletop, or a change a controller makes to the beds, stock, casualty or warning
 * data the players watch. Only a 213 message is delivered by the app today; the others are scripts.
 */
export const InjectMethodSchema = z.enum(['message', 'phone', 'handout', 'verbal', 'beds', 'stock', 'casualties', 'warning_update']);
export type InjectMethod = z.infer<typeof InjectMethodSchema>;

/**
 * When an inject is due: at T+minutes, some minutes after another inject was delivered (`after`) or after the
 * players acted on it (`acted`: the scenario answers what they did), or when a controller says.
 */
export const InjectTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('at'), minutes: z.number().int().min(0).max(14 * 24 * 60) }),
  z.strictObject({ type: z.literal('after'), inject: z.number().int().min(1), minutes: z.number().int().min(0).max(24 * 60) }),
  z.strictObject({ type: z.literal('acted'), inject: z.number().int().min(1), minutes: z.number().int().min(0).max(24 * 60) }),
  z.strictObject({ type: z.literal('manual') }),
]);
export type InjectTrigger = z.infer<typeof InjectTriggerSchema>;

/** The inject a chained trigger waits on, or undefined for one that waits on the clock or a controller. */
export function followedInject(trigger: InjectTrigger): number | undefined {
  return trigger.type === 'after' || trigger.type === 'acted' ? trigger.inject : undefined;
}

export const InjectStatusSchema = z.enum(['pending', 'delivered', 'skipped']);

/** One MSEL row (kind `inject`): number, time, from, to, method, subject, message and expected action (HSEEP 2020's MSEL). */
export const InjectSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  exerciseId: IdSchema,
  number: z.number().int().min(1).max(9999),
  trigger: InjectTriggerSchema,
  from: z.string().trim().min(1).max(200),
  /** A HICS position, or `all`. */
  to: z.string().trim().min(1).max(200),
  method: InjectMethodSchema,
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(4000),
  expectedAction: z.string().trim().max(2000),
  /** The controller who delivers it or plays the caller. */
  controller: z.string().trim().max(200).optional(),
  /** The objective or core capability it tests, as the MSEL's author wrote it. */
  capability: z.string().trim().max(500).optional(),
  objectiveIds: z.array(z.string().min(1).max(40)).max(20),
  status: InjectStatusSchema,
  /** Exercise time and real time of delivery: the evaluation measures inject → action from these. */
  deliveredAtExercise: z.number().min(0).optional(),
  deliveredAt: StoredEpochMsSchema.optional(),
  deliveredBy: z.string().optional(),
  acknowledgedAt: StoredEpochMsSchema.optional(),
  acknowledgedBy: z.string().optional(),
  /** The recipient did what the inject called for, in their words: the evaluation's inject → action time. */
  actedOnAt: StoredEpochMsSchema.optional(),
  actedOnAtExercise: z.number().min(0).optional(),
  actedOnBy: z.string().optional(),
  actedOnNote: z.string().trim().max(2000).optional(),
  updatedAt: StoredEpochMsSchema,
});
export type Inject = z.infer<typeof InjectSchema>;

/** The exercise time an inject falls due, or undefined while it waits for a controller or for the inject it follows. */
export function injectDueAt(inject: Inject, byNumber: ReadonlyMap<number, Inject>): number | undefined {
  switch (inject.trigger.type) {
    case 'at':
      return inject.trigger.minutes * 60_000;
    case 'after': {
      const before = byNumber.get(inject.trigger.inject);
      return before?.deliveredAtExercise === undefined ? undefined : before.deliveredAtExercise + inject.trigger.minutes * 60_000;
    }
    case 'acted': {
      const before = byNumber.get(inject.trigger.inject);
      return before?.actedOnAtExercise === undefined ? undefined : before.actedOnAtExercise + inject.trigger.minutes * 60_000;
    }
    case 'manual':
      return undefined;
  }
}

/** Pending injects due at the exercise's clock now, in MSEL order: the controller's queue. */
export function dueInjects(exercise: Exercise, injects: readonly Inject[], now: number): Inject[] {
  if (exercise.status !== 'running') return [];
  const clock = exerciseTime(exercise, now);
  const byNumber = new Map(injects.map((i) => [i.number, i]));
  return injects
    .filter((i) => i.status === 'pending')
    .filter((i) => {
      const due = injectDueAt(i, byNumber);
      return due !== undefined && due <= clock;
    })
    .sort((a, b) => a.number - b.number);
}

/**
 * Real ms from `now` until the next pending inject falls due on the running clock, or undefined when none waits
 * on the clock (every remaining one waits on a controller or on a player). The desk's scheduler sleeps this long.
 */
export function msUntilNextDue(exercise: Exercise, injects: readonly Inject[], now: number): number | undefined {
  if (exercise.status !== 'running') return undefined;
  const clock = exerciseTime(exercise, now);
  const byNumber = new Map(injects.map((i) => [i.number, i]));
  let next: number | undefined;
  for (const inject of injects) {
    if (inject.status !== 'pending') continue;
    const due = injectDueAt(inject, byNumber);
    if (due !== undefined && (next === undefined || due < next)) next = due;
  }
  return next === undefined ? undefined : Math.max(0, Math.ceil((next - clock) / exercise.speed));
}

/** Where an inject stands, as the controller's console lists it: waiting, due, delivered, seen, acted on, or skipped. */
export type InjectStage = 'pending' | 'due' | 'delivered' | 'acknowledged' | 'acted' | 'skipped';

export function injectStage(inject: Inject, exercise: Exercise, byNumber: ReadonlyMap<number, Inject>, now: number): InjectStage {
  if (inject.status === 'skipped') return 'skipped';
  if (inject.status === 'delivered') return inject.actedOnAt !== undefined ? 'acted' : inject.acknowledgedAt !== undefined ? 'acknowledged' : 'delivered';
  const due = injectDueAt(inject, byNumber);
  return exercise.status === 'running' && due !== undefined && due <= exerciseTime(exercise, now) ? 'due' : 'pending';
}

/**
 * Whether an inject addressed `to` reaches a player of `position`: the same position (as the MSEL wrote it, in
 * any case) or everyone.
 */
export function addressedTo(to: string, position: string | undefined): boolean {
  const target = to.trim().toLowerCase();
  return target === 'all' || (position !== undefined && position.trim().toLowerCase() === target);
}

/**
 * The numbers of a chain that comes back on itself (1 after 3, 3 after 2, 2 after 1), or undefined. Such injects
 * would never fall due, so the MSEL refuses them rather than leave a controller waiting.
 */
export function chainCycle(injects: readonly Pick<Inject, 'number' | 'trigger'>[]): number[] | undefined {
  const follows = new Map(injects.flatMap((i) => {
    const followed = followedInject(i.trigger);
    return followed === undefined ? [] : [[i.number, followed] as const];
  }));
  for (const start of follows.keys()) {
    const path: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && !path.includes(at)) {
      path.push(at);
      at = follows.get(at);
    }
    if (at === undefined) continue;
    // Told from its lowest number, so the same circle reads the same whichever edit closed it.
    const cycle = path.slice(path.indexOf(at));
    const lowest = cycle.indexOf(Math.min(...cycle));
    return [...cycle.slice(lowest), ...cycle.slice(0, lowest)];
  }
  return undefined;
}
