import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { runMutation, type MutationInput } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeStaffRow } from '../../fixtures/roster';
import { coverageAt } from '../../../src/domain/roster/roster-coverage';

const H = 3_600_000;
const MONDAY_0700 = Date.UTC(2026, 10, 23, 23, 0); // 2026-11-24 07:00 Asia/Shanghai (a Tuesday, no matter)

async function world() {
  const tx = makeMemoryTx();
  const ctx = makeContext({ actor: makeActor('operator') });
  const run = <N extends 'staff.import' | 'roster.assign' | 'roster.assignMany' | 'roster.move' | 'roster.setRules' | 'roster.setRequirement' | 'roster.unassign'>(
    name: N,
    args: MutationInput<N>,
    actorRoles: Parameters<typeof makeActor> = ['operator'],
  ) => runMutation(tx, name, args, { ...ctx, actor: makeActor(...actorRoles) });
  const people = [makeStaffRow(1, { profession: 'nurse' }), makeStaffRow(2, { profession: 'nurse' })];
  await run('staff.import', { rows: people });
  const shift = (staffId: string, fromH: number, hours: number, code = 'D12') => ({
    id: newId(), staffId, unit: 'ED', role: 'nurse' as const, shiftCode: code, start: MONDAY_0700 + fromH * H, end: MONDAY_0700 + (fromH + hours) * H,
  });
  return { tx, run, people, shift };
}

describe('roster mutators', () => {
  it('updates the lowest-id requirement when two desks each created one for the same unit, role and shift', async () => {
    const { tx, run } = await world();
    const requirement = { unit: 'ED', role: 'nurse' as const, shiftCode: 'D12', min: 2, space: 'demo-hospital', updatedAt: 1 };
    // Offline desks each named the combination; the server holds both. Higher id stored first, so store order and id order differ.
    const [low, high] = ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'];
    await tx.put('staffingRequirement', { ...requirement, id: high });
    await tx.put('staffingRequirement', { ...requirement, id: low });
    await run('roster.setRequirement', { id: newId(), unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 5 });
    expect((await tx.query('staffingRequirement', 'demo-hospital')).map((r) => [r.id, r.min])).toEqual([[low, 5], [high, 2]]);
  });

  it('refuses a shift that breaks the rest rule with the person and the rest left', async () => {
    const { run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    await expect(run('roster.assign', shift(nurse.id, 16, 8, 'N8'))).rejects.toMatchObject({
      code: 'roster_rest',
      params: { person: 'Staff 1', hours: 4, limit: 10 },
    });
  });

  it('checks the rules with the space record, so a command decision to relax them lets the shift through', async () => {
    const { run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    await expect(run('roster.setRules', { minRestHours: 4 })).rejects.toMatchObject({ code: 'forbidden' });
    await run('roster.setRules', { minRestHours: 4 }, ['incident_commander']);
    await expect(run('roster.assign', shift(nurse.id, 16, 8, 'N8'))).resolves.toBeDefined();
  });

  it('lets the incident commander roster past a fatigue limit with a reason, kept on the shift with the rules broken', async () => {
    const { tx, run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    const late = shift(nurse.id, 16, 8, 'N8');
    await run('roster.assign', { ...late, override: { reason: 'second bus: no other ED nurse with triage training' } }, ['incident_commander']);
    expect((await tx.get('rosterShift', late.id))?.override).toEqual({
      reason: 'second bus: no other ED nurse with triage training',
      rules: ['rest'],
      by: 'user-incident_commander',
      at: makeContext().at,
    });
  });

  it('refuses an override from any role but the incident commander, and from a commander without a reason', async () => {
    const { run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    const late = { ...shift(nurse.id, 16, 8, 'N8'), override: { reason: 'short of staff' } };
    await expect(run('roster.assign', late)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'roster.override' } });
    await expect(run('roster.assign', late, ['operations_chief'])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run('roster.assign', late, ['exercise_facilitator'])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run('roster.assign', { ...late, override: { reason: '  ' } }, ['incident_commander'])).rejects.toThrow();
  });

  it('never overrides an overlap, and records no override on a shift that breaks no rule', async () => {
    const { tx, run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    await expect(run('roster.assign', { ...shift(nurse.id, 6, 8, 'E8'), override: { reason: 'x' } }, ['incident_commander'])).rejects.toMatchObject({
      code: 'roster_overlap',
    });
    const fine = shift(nurse.id, 24, 12);
    await run('roster.assign', { ...fine, override: { reason: 'x' } }, ['incident_commander']);
    expect((await tx.get('rosterShift', fine.id))?.override).toBeUndefined();
  });

  it('judges a moved shift afresh: its old override does not follow it to a place that needs none', async () => {
    const { tx, run, people, shift } = await world();
    const nurse = people[0]!;
    await run('roster.assign', shift(nurse.id, 0, 12));
    const late = shift(nurse.id, 16, 8, 'N8');
    await run('roster.assign', { ...late, override: { reason: 'surge' } }, ['incident_commander']);
    await run('roster.move', { id: late.id, staffId: people[1]!.id, shiftCode: 'N8', start: late.start, end: late.end });
    expect(await tx.get('rosterShift', late.id)).toMatchObject({ staffId: people[1]!.id });
    expect((await tx.get('rosterShift', late.id))?.override).toBeUndefined();
  });

  it('applies a copied week all or nothing: one broken rule refuses every shift of the batch', async () => {
    const { tx, run, people, shift } = await world();
    const [a, b] = [people[0]!, people[1]!];
    await expect(run('roster.assignMany', { shifts: [shift(a.id, 0, 12), shift(b.id, 0, 12), shift(a.id, 4, 12)] })).rejects.toMatchObject({ code: 'roster_overlap' });
    expect(await tx.query('rosterShift', 'demo-hospital')).toEqual([]);
  });

  it('imports a directory all or nothing and updates people by staff number', async () => {
    const { tx, run, people } = await world();
    await run('staff.import', { rows: [{ ...makeStaffRow(1, { name: 'Renamed' }) }, makeStaffRow(3)] });
    const staff = await tx.query('staff', 'demo-hospital');
    expect(staff).toHaveLength(3);
    expect(staff.find((s) => s.staffNo === 'S0001')).toMatchObject({ id: people[0]!.id, name: 'Renamed' });
    await expect(run('staff.import', { rows: [makeStaffRow(9), makeStaffRow(9)] })).rejects.toMatchObject({ code: 'already_exists' });
    expect(await tx.query('staff', 'demo-hospital')).toHaveLength(3);
  });

  it('counts a gap against the minimum for the current and next shift, and closes it when someone is rostered', async () => {
    const { tx, run, people, shift } = await world();
    await run('roster.setRequirement', { id: newId(), unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 2 });
    await run('roster.setRequirement', { id: newId(), unit: 'ED', role: 'nurse', shiftCode: 'N12', min: 1 });
    await run('roster.assign', shift(people[0]!.id, 0, 12));
    const now = MONDAY_0700 + 2 * H;
    const read = async () =>
      coverageAt(now, 'Asia/Shanghai', await tx.query('staffingRequirement', 'demo-hospital'), await tx.query('rosterShift', 'demo-hospital'), []);
    expect((await read()).map((r) => [r.phase, r.shiftCode, r.rostered, r.gap])).toEqual([
      ['current', 'D12', 1, 1],
      ['next', 'N12', 0, 1],
    ]);
    await run('roster.assign', shift(people[1]!.id, 0, 12));
    expect((await read())[0]).toMatchObject({ phase: 'current', gap: 0 });
  });
});
