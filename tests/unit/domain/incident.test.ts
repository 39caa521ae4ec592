import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeIncidentArgs } from '../../fixtures/workstation';

async function declared() {
  const tx = makeMemoryTx();
  const args = makeIncidentArgs();
  await runMutation(tx, 'incident.declare', args, makeContext());
  return { tx, id: args.id };
}

describe('incident mutators', () => {
  it('declares an active incident in period 1, stamped with the time passed in, not the clock', async () => {
    const { tx, id } = await declared();
    const incident = await tx.get('incident', id);
    expect(incident).toMatchObject({ status: 'active', period: 1, periodHours: 12, declaredAt: makeContext().at, space: 'demo-hospital' });
  });

  it('refuses a second declaration with the same id', async () => {
    const { tx, id } = await declared();
    await expect(runMutation(tx, 'incident.declare', makeIncidentArgs({ id }), makeContext())).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('lets only command roles change the response level', async () => {
    const { tx, id } = await declared();
    const asOperator = makeContext({ actor: makeActor('operator') });
    await expect(runMutation(tx, 'incident.setLevel', { id, level: 'I', reason: 'more casualties' }, asOperator)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await runMutation(tx, 'incident.setLevel', { id, level: 'I', reason: 'more casualties' }, makeContext());
    expect((await tx.get('incident', id))?.level).toBe('I');
  });

  it('lets a viewer change nothing', async () => {
    const { tx, id } = await declared();
    await expect(runMutation(tx, 'incident.rename', { id, name: 'x' }, makeContext({ actor: makeActor('viewer') }))).rejects.toBeInstanceOf(DomainError);
  });

  it('refuses changes to an incident of another space', async () => {
    const { tx, id } = await declared();
    await expect(runMutation(tx, 'incident.rename', { id, name: 'x' }, makeContext({ space: 'other-hospital' }))).rejects.toMatchObject({
      code: 'space_mismatch',
    });
  });

  it('turns arguments that do not parse into an invalid_args domain error naming the field', async () => {
    const tx = makeMemoryTx();
    const error = await runMutation(tx, 'incident.declare', { ...makeIncidentArgs(), level: 'V' }, makeContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_args');
    expect((error as DomainError).message).toMatch(/level/);
    expect(tx.rows.size).toBe(0);
  });
});
