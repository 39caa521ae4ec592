import { newId } from '../../../../src/domain/ids';
import { runMutation, type MutationName } from '../../../../src/domain/mutators';
import type { MutationContext } from '../../../../src/domain/mutation';
import type { Actor } from '../../../../src/domain/roles';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';

export const SPACE = 'demo-hospital';
export const commander = makeActor('incident_commander');
export const planningChief = makeActor('planning_chief');
export const operator = makeActor('operator');

export function ctxAt(at: number, actor: Actor = commander): MutationContext {
  return makeContext({ at, actor, space: SPACE });
}

/** A memory store with the mass-casualty example loaded as a draft, and helpers to act on it. */
export async function planWorld(loadedAt: number) {
  const tx = makeMemoryTx();
  const planId = newId();
  const versionId = newId();
  const run = (name: MutationName, args: unknown, at: number, actor: Actor = commander) => runMutation(tx, name, args, ctxAt(at, actor));
  await run('plan.loadExample', { planId, versionId, example: 'mass_casualty' }, loadedAt, planningChief);
  const plan = async () => {
    const p = await tx.get('plan', planId);
    if (!p) throw new Error('plan missing');
    return p;
  };
  const version = async (id = versionId) => {
    const v = await tx.get('planVersion', id);
    if (!v) throw new Error('version missing');
    return v;
  };
  /** Submits and approves a version in one go, as the commander. */
  const approve = async (id: string, at: number) => {
    await run('plan.submitForReview', { versionId: id }, at, planningChief);
    await run('plan.approve', { versionId: id, name: '院长 王建国' }, at);
  };
  return { tx, planId, versionId, run, plan, version, approve };
}
