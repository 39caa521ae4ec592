import { describe, expect, it } from 'vitest';
import { runMutation } from '../../../src/domain/mutators';
import { refusalRoles } from '../../../src/renderer/lib/who-may';
import { can, isPermission, parseWhoMayParam, positionsWhoMay, RoleSchema, rolesWith, whoMayParam } from '../../../src/domain/roles';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

describe('who may use a command, derived from the role table', () => {
  it('lists exactly the roles the check lets through, for every permission', () => {
    for (const permission of ['incident.command', 'incident.write', 'exercise.control', 'plan.manage', 'roster.override', 'aar.write', 'request.approve', 'patient.identify'] as const) {
      const allowed = RoleSchema.options.filter((role) => can(makeActor(role), permission));
      expect(rolesWith(permission)).toEqual(allowed);
    }
  });

  it('names the positions, not the administrator, who keeps the system rather than a seat in the command room', () => {
    expect(positionsWhoMay('plan.manage')).toEqual(['incident_commander', 'planning_chief']);
    expect(positionsWhoMay('incident.command')).toEqual(['incident_commander', 'exercise_facilitator']);
    expect(positionsWhoMay('roster.override')).toEqual(['incident_commander']);
    expect(positionsWhoMay('request.approve')).toEqual(['incident_commander', 'logistics_chief']);
    expect(positionsWhoMay('incident.write')).not.toContain('viewer');
  });

  it('names who may for a refusal recorded with only its permission, for every permission the table holds', () => {
    expect(isPermission('patient.identify')).toBe(true);
    expect(isPermission('aar.write')).toBe(true);
    expect(isPermission('janitor.mop')).toBe(false);
    expect(refusalRoles({ permission: 'patient.identify' })).toEqual(['incident_commander', 'patient_family_assistance']);
    expect(refusalRoles({ permission: 'aar.write' })).toEqual(['incident_commander', 'planning_chief', 'exercise_facilitator']);
  });

  it('carries the roles in a refusal param and reads them back, dropping ids it does not know', () => {
    const param = whoMayParam(['incident_commander', 'planning_chief']);
    expect(param).toBe('incident_commander,planning_chief');
    expect(parseWhoMayParam(`${param},janitor`)).toEqual(['incident_commander', 'planning_chief']);
    expect(parseWhoMayParam(undefined)).toEqual([]);
  });

  it('refuses an operator’s escalation naming the positions that may', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('operator') });
    const refusal = runMutation(tx, 'incident.declare', { id: '0190a4d8-9a00-7000-8000-000000000001', name: 'Fire', type: 'fire_evacuation', level: 'III', discoveredAt: ctx.at }, ctx);
    await expect(refusal).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'incident.command', roles: 'incident_commander,exercise_facilitator' } });
  });

  it('refuses a planning chief’s approval of a resource request naming Logistics and the commander', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('planning_chief') });
    const refusal = runMutation(tx, 'request.approve', { id: '0190a4d8-9a00-7000-8000-000000000002' }, ctx);
    await expect(refusal).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'request.approve', roles: 'incident_commander,logistics_chief' } });
  });
});
