import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation, type MutationInput, type MutationName } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/roles';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeIncidentArgs } from '../../fixtures/workstation';

export const T0 = makeContext().at;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A declared incident in a memory Tx, and a `run` that applies mutations at T0 + minutes as a writer or commander. */
export async function boardWorld(declare: Partial<MutationInput<'incident.declare'>> = {}) {
  const tx = makeMemoryTx();
  const incident = makeIncidentArgs(declare);
  await runMutation(tx, 'incident.declare', incident, makeContext());
  const run = <N extends MutationName>(name: N, args: MutationInput<N>, ctx: Partial<MutationContext> = {}) =>
    runMutation(tx, name, args, makeContext({ actor: makeActor('operator'), ...ctx }));
  const command = <N extends MutationName>(name: N, args: MutationInput<N>, ctx: Partial<MutationContext> = {}) =>
    runMutation(tx, name, args, makeContext(ctx));
  const runAs = <N extends MutationName>(name: N, args: MutationInput<N>, ctx: Partial<MutationContext>, actor: Actor) =>
    runMutation(tx, name, args, makeContext({ ...ctx, actor }));
  const task = async (overrides: Partial<MutationInput<'task.create'>> = {}) => {
    const id = newId();
    await run('task.create', { id, incidentId: incident.id, title: 'Open surge beds', section: 'operations', assignee: { kind: 'position', positionId: 'ops' }, ...overrides });
    const created = await tx.get('task', id);
    if (!created) throw new Error('task not created');
    return created;
  };
  return { tx, incidentId: incident.id, incident, run, command, runAs, task };
}

export function at(minutes: number): Partial<MutationContext> {
  return { at: T0 + minutes * MINUTE };
}
