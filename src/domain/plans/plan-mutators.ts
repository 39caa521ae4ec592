import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { whoMayParam } from '../roles';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { examplePlan, ExamplePlanKeySchema } from './example-plans';
import { PlanContentSchema, PlanDocumentSchema, SectionKeySchema, type PlanDocument } from './plan-content';
import { PlanExerciseKindSchema, RevisionTriggerSchema, type Plan, type PlanVersion, type PlanVersionStatus } from './plans';
import type { CorrectiveAction } from '../aar';

export async function planIn(tx: Tx, id: string, ctx: MutationContext): Promise<Plan> {
  const plan = await tx.get('plan', id);
  if (!plan || plan.space !== ctx.space) throw new DomainError('not_found', `plan ${id} does not exist`, { id });
  return plan;
}

export async function planVersionIn(tx: Tx, id: string, ctx: MutationContext): Promise<PlanVersion> {
  const version = await tx.get('planVersion', id);
  if (!version || version.space !== ctx.space) throw new DomainError('not_found', `plan version ${id} does not exist`, { id });
  return version;
}

function expectVersionStatus(version: PlanVersion, allowed: readonly PlanVersionStatus[], action: string): void {
  if (!allowed.includes(version.status)) {
    throw new DomainError('invalid_transition', `cannot ${action} plan version ${version.major}.${version.minor}: it is ${version.status}`, { status: version.status });
  }
}

async function createPlan(tx: Tx, planId: string, versionId: string, doc: PlanDocument, ctx: MutationContext): Promise<void> {
  requirePermission(ctx, 'plan.manage');
  if (await tx.get('plan', planId)) throw new DomainError('already_exists', `plan ${planId} already exists`, { id: planId });
  if (await tx.get('planVersion', versionId)) throw new DomainError('already_exists', `plan version ${versionId} already exists`, { id: versionId });
  // Codes are how people cite a plan ("MCI-01 v2.1"); two plans with one code in a hospital would be read as one.
  const sameCode = await tx.query('plan', ctx.space, { where: { code: doc.code } });
  if (sameCode.length > 0) throw new DomainError('already_exists', `a plan with code ${doc.code} already exists`, { code: doc.code });
  const { content, ...identity } = doc;
  await tx.put('plan', {
    ...identity, id: planId, space: ctx.space, status: 'active', reviews: [], exercises: [],
    createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at,
  });
  await tx.put('planVersion', { id: versionId, space: ctx.space, planId, major: 1, minor: 0, status: 'draft', content, createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at });
}

/**
 * The corrective actions a revision closes: each about this plan, not done, and not taken up by another revision
 * still in the works (one retired with its plan leaves the action free again).
 */
async function correctiveActionsFor(tx: Tx, plan: Plan, ids: readonly string[], ctx: MutationContext): Promise<CorrectiveAction[]> {
  const actions: CorrectiveAction[] = [];
  for (const id of ids) {
    const action = await tx.get('correctiveAction', id);
    if (!action || action.space !== ctx.space) throw new DomainError('not_found', `corrective action ${id} does not exist`, { id });
    if (action.plan?.planId !== plan.id) throw new DomainError('invalid_args', `corrective action ${id} is not about plan ${plan.code}`, { id });
    if (action.status === 'done' || action.status === 'verified') throw new DomainError('invalid_transition', `corrective action ${id} is already done`, { status: action.status });
    const taken = action.revisionVersionId === undefined ? undefined : await tx.get('planVersion', action.revisionVersionId);
    if (taken && taken.status !== 'retired') {
      throw new DomainError('invalid_transition', `corrective action ${id} is taken up by version ${taken.major}.${taken.minor}`, { status: taken.status });
    }
    actions.push(action);
  }
  return actions;
}

/** A moment someone states (a review or drill held earlier), never later than when they record it. */
const PastMomentSchema = EpochMsSchema.optional();
function pastMoment(at: number | undefined, ctx: MutationContext): number {
  if (at === undefined) return ctx.at;
  if (at > ctx.at) throw new DomainError('invalid_args', 'a review or exercise cannot be recorded for a time still to come', { field: 'at' });
  return at;
}

export const planMutators = {
  /** A plan from a document (a file, another hospital's plan): the plan and its first version, as a draft. */
  'plan.import': defineMutator(z.strictObject({ planId: IdSchema, versionId: IdSchema, document: PlanDocumentSchema }), async (tx, args, ctx) => {
    await createPlan(tx, args.planId, args.versionId, args.document, ctx);
  }),

  /** One of the example plans shipped in this build (resources/plans), as a draft to adapt and approve. */
  'plan.loadExample': defineMutator(z.strictObject({ planId: IdSchema, versionId: IdSchema, example: ExamplePlanKeySchema }), async (tx, args, ctx) => {
    await createPlan(tx, args.planId, args.versionId, examplePlan(args.example), ctx);
  }),

  /** Replaces the text of a version still in draft; a version under review or approved is not edited in place. */
  'plan.updateDraft': defineMutator(z.strictObject({ versionId: IdSchema, content: PlanContentSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'plan.manage');
    const version = await planVersionIn(tx, args.versionId, ctx);
    expectVersionStatus(version, ['draft'], 'edit');
    await tx.put('planVersion', { ...version, content: args.content, updatedAt: ctx.at });
  }),

  'plan.submitForReview': defineMutator(z.strictObject({ versionId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'plan.manage');
    const version = await planVersionIn(tx, args.versionId, ctx);
    expectVersionStatus(version, ['draft'], 'submit');
    await tx.put('planVersion', { ...version, status: 'in_review', submittedAt: ctx.at, updatedAt: ctx.at });
  }),

  /** Sends a version under review back for changes. */
  'plan.returnToDraft': defineMutator(z.strictObject({ versionId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'plan.manage');
    const version = await planVersionIn(tx, args.versionId, ctx);
    expectVersionStatus(version, ['in_review'], 'return');
    const { submittedAt: _submitted, ...rest } = version;
    await tx.put('planVersion', { ...rest, status: 'draft', updatedAt: ctx.at });
  }),

  /**
   * Approval by the role the plan names (or an administrator standing in), under the approver's own name. The version comes into force; the one
   * it replaces is superseded (an incident that pinned it keeps it); approving counts as the plan's review.
   */
  'plan.approve': defineMutator(z.strictObject({ versionId: IdSchema, name: z.string().trim().min(1).max(100) }), async (tx, args, ctx) => {
    const version = await planVersionIn(tx, args.versionId, ctx);
    const plan = await planIn(tx, version.planId, ctx);
    // The administrator may stand in (a standalone desk acts as admin), and the record then says so.
    const role = ctx.actor.roles.includes(plan.approverRole) ? plan.approverRole : ctx.actor.roles.includes('admin') ? 'admin' : undefined;
    if (role === undefined) {
      throw new DomainError('forbidden', `plan ${plan.code} is approved by the ${plan.approverRole} role, which ${ctx.actor.userId} does not hold`, { permission: plan.approverRole, roles: whoMayParam([plan.approverRole]) });
    }
    if (plan.status === 'retired') throw new DomainError('invalid_transition', `plan ${plan.code} is retired`, { status: plan.status });
    expectVersionStatus(version, ['in_review'], 'approve');
    if (plan.currentVersionId !== undefined && plan.currentVersionId !== version.id) {
      const previous = await tx.get('planVersion', plan.currentVersionId);
      if (previous) await tx.put('planVersion', { ...previous, status: 'superseded', endedAt: ctx.at, updatedAt: ctx.at });
    }
    const approval = { userId: ctx.actor.userId, role, name: args.name, at: ctx.at };
    await tx.put('planVersion', { ...version, status: 'approved', approval, updatedAt: ctx.at });
    // The corrective actions the revision answers are done when the changed plan comes into force, not when drafted.
    for (const id of version.revision?.closes ?? []) {
      const action = await tx.get('correctiveAction', id);
      if (action && action.status !== 'done' && action.status !== 'verified') await tx.put('correctiveAction', { ...action, status: 'done', doneAt: ctx.at, updatedAt: ctx.at });
    }
    await tx.put('plan', { ...plan, currentVersionId: version.id, adoptedAt: plan.adoptedAt ?? ctx.at, lastReviewedAt: Math.max(plan.lastReviewedAt ?? 0, ctx.at), updatedAt: ctx.at });
  }),

  /**
   * Opens the next version as a draft copy of the one in force, recording which of the six statutory
   * conditions forces it. One draft at a time, so two revisions never race to supersede each other.
   */
  'plan.revise': defineMutator(
    z.strictObject({
      versionId: IdSchema,
      planId: IdSchema,
      trigger: RevisionTriggerSchema,
      summary: z.string().trim().min(1).max(2000),
      sectionsChanged: z.array(SectionKeySchema).max(8).default([]),
      major: z.boolean().default(false),
      /** Corrective actions on this plan the revision answers; the sections they name count as changed. */
      closes: z.array(IdSchema).max(100).default([]),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'plan.manage');
      const plan = await planIn(tx, args.planId, ctx);
      if (plan.status === 'retired') throw new DomainError('invalid_transition', `plan ${plan.code} is retired`, { status: plan.status });
      if (await tx.get('planVersion', args.versionId)) throw new DomainError('already_exists', `plan version ${args.versionId} already exists`, { id: args.versionId });
      const versions = await tx.query('planVersion', ctx.space, { where: { planId: plan.id } });
      const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
      if (open) throw new DomainError('invalid_transition', `plan ${plan.code} already has version ${open.major}.${open.minor} in ${open.status}`, { status: open.status });
      const base = versions.find((v) => v.id === plan.currentVersionId);
      if (!base) throw new DomainError('invalid_transition', `plan ${plan.code} has no approved version to revise`, { status: 'draft' });
      const highest = versions.reduce((a, b) => (b.major > a.major || (b.major === a.major && b.minor > a.minor) ? b : a));
      const [major, minor] = args.major ? [highest.major + 1, 0] : [highest.major, highest.minor + 1];
      const actions = await correctiveActionsFor(tx, plan, [...new Set(args.closes)], ctx);
      const sectionsChanged = [...new Set([...args.sectionsChanged, ...actions.flatMap((a) => (a.plan ? [a.plan.section] : []))])];
      await tx.put('planVersion', {
        id: args.versionId, space: ctx.space, planId: plan.id, major, minor, status: 'draft', content: base.content,
        revision: {
          fromVersionId: base.id, trigger: args.trigger, summary: args.summary, sectionsChanged,
          ...(actions.length > 0 ? { closes: actions.map((a) => a.id) } : {}),
        },
        createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at,
      });
      for (const action of actions) await tx.put('correctiveAction', { ...action, revisionVersionId: args.versionId, updatedAt: ctx.at });
    },
  ),

  /** A periodic review held; "no change" still restarts the review clock, as the CMS rule reads. */
  'plan.recordReview': defineMutator(
    z.strictObject({ planId: IdSchema, outcome: z.enum(['no_change', 'revision_needed']), note: z.string().trim().max(2000).default(''), at: PastMomentSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'plan.manage');
      const plan = await planIn(tx, args.planId, ctx);
      if (plan.currentVersionId === undefined) throw new DomainError('invalid_transition', `plan ${plan.code} has no approved version to review`, { status: 'draft' });
      const at = pastMoment(args.at, ctx);
      await tx.put('plan', {
        ...plan, lastReviewedAt: Math.max(plan.lastReviewedAt ?? 0, at), updatedAt: ctx.at,
        reviews: [...plan.reviews, { at, by: ctx.actor.userId, outcome: args.outcome, note: args.note }],
      });
    },
  ),

  /**
   * An exercise of the plan held. A real activation is recorded beside drills but does not restart the
   * exercise clock: the Chinese rule asks for drills, and a real response is no evaluated rehearsal.
   */
  'plan.recordExercise': defineMutator(
    z.strictObject({ planId: IdSchema, kind: PlanExerciseKindSchema, note: z.string().trim().max(2000).default(''), at: PastMomentSchema, exerciseId: IdSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'plan.manage');
      const plan = await planIn(tx, args.planId, ctx);
      const at = pastMoment(args.at, ctx);
      const counts = args.kind !== 'real_activation';
      await tx.put('plan', {
        ...plan,
        ...(counts ? { lastExercisedAt: Math.max(plan.lastExercisedAt ?? 0, at) } : {}),
        exercises: [...plan.exercises, { at, by: ctx.actor.userId, kind: args.kind, note: args.note, ...(args.exerciseId ? { exerciseId: args.exerciseId } : {}) }],
        updatedAt: ctx.at,
      });
    },
  ),

  /** Takes a plan out of use; its versions stay readable, and incidents that pinned one keep it. */
  'plan.retire': defineMutator(z.strictObject({ planId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'plan.manage');
    const plan = await planIn(tx, args.planId, ctx);
    if (plan.status === 'retired') return;
    for (const version of await tx.query('planVersion', ctx.space, { where: { planId: plan.id } })) {
      if (version.status === 'superseded' || version.status === 'retired') continue;
      await tx.put('planVersion', { ...version, status: 'retired', endedAt: ctx.at, updatedAt: ctx.at });
    }
    await tx.put('plan', { ...plan, status: 'retired', updatedAt: ctx.at });
  }),
};
