import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import type { Exercise } from '../exercises';
import type { Incident } from '../incidents';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { aarId, AarReopenReasonSchema, AarTextSchema, SettableActionStatusSchema, PlanLinkSchema, type Aar, type AarItem, type CorrectiveAction } from './aar';
import { aarDataOf } from './aar-data';
import { draftItems, emptyAarData, exerciseAarOf } from './exercise-aar';
import { verificationRefusal } from './verification';

/**
 * A closed incident is the record of the response: its log, tasks, casualties and clocks refuse changes
 * (`incident_closed`, mutation-guards.ts). What is learned from it is written afterwards, so the AAR and its
 * corrective actions are the one thing that needs a closed incident rather than an open one.
 */
async function closedIncident(tx: Tx, id: string, ctx: MutationContext): Promise<Incident> {
  const incident = await tx.get('incident', id);
  if (!incident || incident.space !== ctx.space) throw new DomainError('not_found', `incident ${id} does not exist`, { id });
  if (incident.status !== 'closed') {
    throw new DomainError('invalid_transition', `incident ${incident.name} is ${incident.status}: its after-action report is drafted once it is closed`, { status: incident.status });
  }
  return incident;
}

/**
 * The report written about `subjectId`: an exercise's AAR/IP as soon as it is drafted, an incident's only while
 * the incident is closed (a reopened one is back to being the record, not its review).
 */
async function aarOf(tx: Tx, subjectId: string, ctx: MutationContext): Promise<Aar> {
  const aar = await tx.get('aar', aarId(ctx.space, subjectId));
  if (aar?.exercise) return aar;
  await closedIncident(tx, subjectId, ctx);
  if (!aar) throw new DomainError('not_found', `incident ${subjectId} has no after-action report yet`, { id: subjectId });
  return aar;
}

async function endedExercise(tx: Tx, id: string, ctx: MutationContext): Promise<Exercise> {
  const exercise = await tx.get('exercise', id);
  if (!exercise || exercise.space !== ctx.space) throw new DomainError('not_found', `exercise ${id} does not exist`, { id });
  if (exercise.status !== 'ended') {
    throw new DomainError('invalid_transition', `exercise ${exercise.name} is ${exercise.status}: its after-action report is drafted once play has ended`, { status: exercise.status });
  }
  return exercise;
}

async function exerciseSections(tx: Tx, exercise: Exercise, ctx: MutationContext) {
  const of = { where: { exerciseId: exercise.id } };
  return {
    exercise,
    injects: await tx.query('inject', ctx.space, of),
    notes: await tx.query('evaluatorNote', ctx.space, of),
    ratings: await tx.query('objectiveRating', ctx.space, of),
    hotwash: await tx.query('hotwashNote', ctx.space, of),
  };
}

async function countedData(tx: Tx, incident: Incident, ctx: MutationContext) {
  const of = { where: { incidentId: incident.id } };
  return aarDataOf({
    incident,
    log: await tx.query('logEntry', ctx.space, of),
    casualties: await tx.query('casualty', ctx.space, of),
    tasks: await tx.query('task', ctx.space, of),
    deadlines: await tx.query('deadline', ctx.space, of),
    // Requests belong to no incident: aarDataOf keeps those made between declaration and close.
    requests: await tx.query('resourceRequest', ctx.space),
    at: ctx.at,
  });
}

/**
 * A final report is the record: the writers' text and its figures stay as signed off until its owner reopens it.
 * Its improvement plan is not: corrective actions are tracked long after the report is filed.
 */
function requireDraft(aar: Aar): void {
  if (aar.final) {
    throw new DomainError('aar_final', `the after-action report on ${aar.incidentId} was made final by ${aar.final.by}: reopen it (with a reason) to change it`, { by: aar.final.by, at: aar.final.at });
  }
}

/**
 * Who signs a report off (and reopens it): an exercise's AAR/IP is the facilitator's (`exercise.control`), an
 * incident's is its writers' (`aar.write`: the commander and Planning, whose Documentation Unit keeps the record).
 */
function requireOwner(ctx: MutationContext, aar: Aar): void {
  requirePermission(ctx, aar.exercise ? 'exercise.control' : 'aar.write');
}

const ItemEditSchema = z.strictObject({ id: IdSchema, text: AarTextSchema });

/** Items named by id replace the same item's text or join the list; the others stay, so two writers' items merge. */
function upsert(items: readonly AarItem[], edits: readonly { id: string; text: string }[] | undefined, ctx: MutationContext): AarItem[] {
  const next = [...items];
  for (const edit of edits ?? []) {
    const at = next.findIndex((i) => i.id === edit.id);
    const item = { id: edit.id, text: edit.text, by: ctx.actor.userId, at: ctx.at };
    if (at === -1) next.push(item);
    else next[at] = item;
  }
  return next;
}

async function correctiveActionIn(tx: Tx, id: string, ctx: MutationContext): Promise<CorrectiveAction> {
  const action = await tx.get('correctiveAction', id);
  if (!action || action.space !== ctx.space) throw new DomainError('not_found', `corrective action ${id} does not exist`, { id });
  return action;
}

async function checkPlan(tx: Tx, planId: string, ctx: MutationContext): Promise<void> {
  const plan = await tx.get('plan', planId);
  if (!plan || plan.space !== ctx.space) throw new DomainError('not_found', `plan ${planId} does not exist`, { id: planId });
  if (plan.status === 'retired') throw new DomainError('invalid_transition', `plan ${plan.code} is retired`, { status: plan.status });
}

/**
 * Writing the AAR is Planning's work (the Documentation Unit) under the commander: `aar.write` (roles.ts).
 * The AAR is addressed by its incident: there is one per incident.
 */
export const aarMutators = {
  /** The first draft of a closed incident's AAR, its data sections counted from the records. */
  'aar.draft': defineMutator(z.strictObject({ incidentId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'aar.write');
    const incident = await closedIncident(tx, args.incidentId, ctx);
    const id = aarId(ctx.space, incident.id);
    if (await tx.get('aar', id)) throw new DomainError('already_exists', `incident ${incident.name} already has an after-action report`, { id });
    await tx.put('aar', {
      id, space: ctx.space, incidentId: incident.id, data: await countedData(tx, incident, ctx),
      summary: '', strengths: [], improvements: [], createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at,
    });
  }),

  /** Counts the data sections again (a request filled or a deadline recorded late); the writers' text stays. */
  'aar.refresh': defineMutator(z.strictObject({ incidentId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'aar.write');
    const aar = await aarOf(tx, args.incidentId, ctx);
    requireDraft(aar);
    if (aar.exercise) {
      const exercise = await endedExercise(tx, aar.exercise.exerciseId, ctx);
      await tx.put('aar', { ...aar, data: emptyAarData(ctx.at, exercise.endedAt ?? ctx.at), exercise: exerciseAarOf(await exerciseSections(tx, exercise, ctx)), updatedAt: ctx.at });
      return;
    }
    const incident = await closedIncident(tx, args.incidentId, ctx);
    await tx.put('aar', { ...aar, data: await countedData(tx, incident, ctx), updatedAt: ctx.at });
  }),

  /**
   * An exercise's AAR/IP, once play has ended: its sections counted from the MSEL, the ratings, the evaluators'
   * notes and the hot wash, and a first list of strengths and areas for improvement from what was noted and said.
   * Addressed by the exercise's id thereafter (`aar.edit`, `aar.refresh`, corrective actions).
   */
  'aar.draftExercise': defineMutator(z.strictObject({ exerciseId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'aar.write');
    const exercise = await endedExercise(tx, args.exerciseId, ctx);
    const id = aarId(ctx.space, exercise.id);
    if (await tx.get('aar', id)) throw new DomainError('already_exists', `exercise ${exercise.name} already has an after-action report`, { id });
    const sections = await exerciseSections(tx, exercise, ctx);
    await tx.put('aar', {
      id, space: ctx.space, incidentId: exercise.id, data: emptyAarData(ctx.at, exercise.endedAt ?? ctx.at), exercise: exerciseAarOf(sections),
      summary: '', ...draftItems(ctx.space, { ...sections, exerciseId: exercise.id }), createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at,
    });
  }),

  /**
   * The writers' part: the summary, and strengths and areas for improvement added or reworded by id, or removed.
   * An area for improvement that a corrective action comes from is not removed: the action would lose its reason.
   */
  'aar.edit': defineMutator(
    z.strictObject({
      incidentId: IdSchema,
      summary: z.string().trim().max(8000).optional(),
      strengths: z.array(ItemEditSchema).max(100).optional(),
      improvements: z.array(ItemEditSchema).max(100).optional(),
      remove: z.array(IdSchema).max(100).optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'aar.write');
      const aar = await aarOf(tx, args.incidentId, ctx);
      requireDraft(aar);
      const gone = new Set(args.remove ?? []);
      if (gone.size > 0) {
        const actions = await tx.query('correctiveAction', ctx.space, { where: { incidentId: args.incidentId } });
        const used = actions.find((a) => gone.has(a.improvementId));
        if (used) throw new DomainError('invalid_transition', `area for improvement ${used.improvementId} has corrective action ${used.id}`, { id: used.improvementId });
      }
      const strengths = upsert(aar.strengths, args.strengths, ctx).filter((i) => !gone.has(i.id));
      const improvements = upsert(aar.improvements, args.improvements, ctx).filter((i) => !gone.has(i.id));
      if (strengths.length > 100 || improvements.length > 100) throw new DomainError('invalid_args', 'an after-action report keeps at most 100 strengths and 100 areas for improvement');
      await tx.put('aar', { ...aar, ...(args.summary === undefined ? {} : { summary: args.summary }), strengths, improvements, updatedAt: ctx.at });
    },
  ),

  /** Signs the report off: the PDF reads FINAL with who and when, and the writers' edits are refused until reopened. */
  'aar.finalize': defineMutator(z.strictObject({ incidentId: IdSchema }), async (tx, args, ctx) => {
    const aar = await aarOf(tx, args.incidentId, ctx);
    requireOwner(ctx, aar);
    if (aar.final) throw new DomainError('invalid_transition', `the after-action report on ${aar.incidentId} is already final`, { status: 'final' });
    await tx.put('aar', { ...aar, final: { at: ctx.at, by: ctx.actor.userId }, updatedAt: ctx.at });
  }),

  /** Puts a final report back to draft, keeping the sign-off it undoes and why, so the record shows it was reopened. */
  'aar.reopen': defineMutator(z.strictObject({ incidentId: IdSchema, reason: AarReopenReasonSchema }), async (tx, args, ctx) => {
    const aar = await aarOf(tx, args.incidentId, ctx);
    requireOwner(ctx, aar);
    const { final, ...draft } = aar;
    if (!final) throw new DomainError('invalid_transition', `the after-action report on ${aar.incidentId} is a draft, not final`, { status: 'draft' });
    const reopenings = [...(aar.reopenings ?? []), { at: ctx.at, by: ctx.actor.userId, reason: args.reason, final }].slice(-100);
    await tx.put('aar', { ...draft, reopenings, updatedAt: ctx.at });
  }),
};

const ActionTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(1000);
const OwnerSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

export const correctiveActionMutators = {
  /** An area for improvement becomes a corrective action: what, who, by when, and the plan section it changes. */
  'correctiveAction.add': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      improvementId: IdSchema,
      action: ActionTextSchema,
      owner: OwnerSchema,
      dueAt: EpochMsSchema,
      plan: PlanLinkSchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'aar.write');
      const aar = await aarOf(tx, args.incidentId, ctx);
      if (!aar.improvements.some((i) => i.id === args.improvementId)) {
        throw new DomainError('not_found', `area for improvement ${args.improvementId} is not in the after-action report`, { id: args.improvementId });
      }
      if (await tx.get('correctiveAction', args.id)) throw new DomainError('already_exists', `corrective action ${args.id} already exists`, { id: args.id });
      if (args.plan) await checkPlan(tx, args.plan.planId, ctx);
      await tx.put('correctiveAction', { ...args, space: ctx.space, status: 'open', createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at });
    },
  ),

  /**
   * Its owner, due date, status, text or plan section, each only when named. A plan revision already taking it up
   * keeps its plan section: moving it would leave the revision closing an action about another plan. `plan: null`
   * unlinks it (the improvement turned out to be training, not the plan).
   */
  'correctiveAction.update': defineMutator(
    z.strictObject({
      id: IdSchema,
      action: ActionTextSchema.optional(),
      owner: OwnerSchema.optional(),
      dueAt: EpochMsSchema.optional(),
      status: SettableActionStatusSchema.optional(),
      plan: PlanLinkSchema.nullable().optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'aar.write');
      const current = await correctiveActionIn(tx, args.id, ctx);
      const { id: _id, plan, status, ...fields } = args;
      const next: CorrectiveAction = { ...current, updatedAt: ctx.at };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(next, { [key]: value });
      if (plan !== undefined) {
        const same = plan !== null && current.plan?.planId === plan.planId && current.plan.section === plan.section;
        if (!same && current.revisionVersionId !== undefined) {
          throw new DomainError('invalid_transition', `corrective action ${current.id} is taken up by a plan revision; its plan section stays`, { id: current.id });
        }
        if (plan === null) delete next.plan;
        else {
          if (!same) await checkPlan(tx, plan.planId, ctx);
          next.plan = plan;
        }
      }
      if (status !== undefined && status !== current.status) {
        next.status = status;
        // Set back by hand, a verified action has to be shown to work again by a later exercise.
        delete next.verifiedInExercise;
        delete next.verifiedAt;
        delete next.verifiedBy;
        if (status === 'done') next.doneAt = current.status === 'verified' ? (current.doneAt ?? ctx.at) : ctx.at;
        else delete next.doneAt;
      }
      await tx.put('correctiveAction', next);
    },
  ),
  /**
   * A done action shown to work: a later exercise's objective that names it was rated P or S (verification.ts). The
   * facilitator marks it, in the action's own space; the exercise is read by its id in its space and only its id is
   * kept, so nothing of the exercise enters this space and nothing of this space enters the exercise.
   */
  'correctiveAction.verify': defineMutator(
    z.strictObject({ id: IdSchema, exerciseId: IdSchema, objectiveId: z.string().min(1).max(40) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'exercise.control');
      const action = await correctiveActionIn(tx, args.id, ctx);
      const exercise = await tx.get('exercise', args.exerciseId);
      if (!exercise) throw new DomainError('not_found', `exercise ${args.exerciseId} does not exist`, { id: args.exerciseId });
      const ratings = await tx.query('objectiveRating', exercise.space, { where: { exerciseId: exercise.id, objectiveId: args.objectiveId } });
      const refusal = verificationRefusal(action, exercise, args.objectiveId, ratings);
      if (refusal) throw refusal;
      await tx.put('correctiveAction', { ...action, status: 'verified', verifiedInExercise: exercise.id, verifiedAt: ctx.at, verifiedBy: ctx.actor.userId, updatedAt: ctx.at });
    },
  ),
};
