import { describe, expect, it } from 'vitest';
import { casualtyCounts, casualtyId, nextTagNumbers } from '../../../src/domain/casualties/casualties';
import { jumpStartTriage, startTriage } from '../../../src/domain/casualties/triage';
import { makeActor } from '../../fixtures/actors';
import { boardWorld } from './board-fixture';

describe('START triage (adults)', () => {
  it.each([
    ['walks', { walking: true, breathing: true }, 'minor'],
    ['not breathing, none after the airway is opened', { walking: false, breathing: false, breathingAfterAirway: false }, 'dead'],
    ['breathing only after the airway is opened', { walking: false, breathing: false, breathingAfterAirway: true }, 'immediate'],
    ['breathes over 30 a minute', { walking: false, breathing: true, respiratoryRate: 34 }, 'immediate'],
    ['no radial pulse', { walking: false, breathing: true, respiratoryRate: 20, pulse: false }, 'immediate'],
    ['capillary refill over 2 s', { walking: false, breathing: true, respiratoryRate: 20, pulse: true, capillaryRefillSeconds: 3 }, 'immediate'],
    ['does not follow commands', { walking: false, breathing: true, respiratoryRate: 20, pulse: true, capillaryRefillSeconds: 1, followsCommands: false }, 'immediate'],
    ['everything else', { walking: false, breathing: true, respiratoryRate: 20, pulse: true, capillaryRefillSeconds: 1, followsCommands: true }, 'delayed'],
  ] as const)('%s → %s', (_name, findings, category) => {
    expect(startTriage(findings)).toBe(category);
  });
});

describe('JumpSTART triage (children)', () => {
  it.each([
    ['not breathing, with a pulse, breathing after five rescue breaths', { walking: false, breathing: false, breathingAfterAirway: false, pulse: true, breathingAfterRescueBreaths: true }, 'immediate'],
    ['not breathing, with a pulse, not after rescue breaths', { walking: false, breathing: false, breathingAfterAirway: false, pulse: true, breathingAfterRescueBreaths: false }, 'dead'],
    ['not breathing, no pulse', { walking: false, breathing: false, breathingAfterAirway: false, pulse: false }, 'dead'],
    ['breathes under 15 a minute', { walking: false, breathing: true, respiratoryRate: 12 }, 'immediate'],
    ['breathes over 45 a minute', { walking: false, breathing: true, respiratoryRate: 50 }, 'immediate'],
    ['inappropriate AVPU', { walking: false, breathing: true, respiratoryRate: 30, pulse: true, avpuAppropriate: false }, 'immediate'],
    ['breathes 30 a minute, pulse, alert', { walking: false, breathing: true, respiratoryRate: 30, pulse: true, avpuAppropriate: true }, 'delayed'],
  ] as const)('%s → %s', (_name, findings, category) => {
    expect(jumpStartTriage(findings)).toBe(category);
  });
});

describe('casualty tracking', () => {
  it('registers an arrival from tag, colour and area, and refuses the same tag in the incident again, whatever its case', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('casualty.register', { incidentId, tagNo: 'a-0012', category: 'immediate', area: 'Resus 1' });
    const id = casualtyId('demo-hospital', incidentId, 'A-0012');
    expect(await tx.get('casualty', id)).toMatchObject({ tagNo: 'A-0012', triage: { category: 'immediate', system: 'START' }, identification: 'unidentified', retriage: [] });
    await expect(command('casualty.register', { incidentId, tagNo: 'A-0012', category: 'minor', area: 'Green' })).rejects.toMatchObject({ code: 'already_exists', params: { tagNo: 'A-0012' } });
  });

  it('registers "10 green arrived" at once, all or nothing', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('casualty.register', { incidentId, tagNo: 'D1-3', category: 'minor', area: 'Green' });
    const tags = nextTagNumbers('D1', [], 10);
    await expect(command('casualty.registerBatch', { incidentId, tagNos: tags, category: 'minor', area: 'Green' })).rejects.toMatchObject({ code: 'already_exists', params: { tagNo: 'D1-3' } });
    expect(await tx.query('casualty', 'demo-hospital')).toHaveLength(1);
    await expect(command('casualty.registerBatch', { incidentId, tagNos: ['X-1', 'x-1'], category: 'minor', area: 'Green' })).rejects.toMatchObject({ code: 'invalid_args' });
    await command('casualty.registerBatch', { incidentId, tagNos: nextTagNumbers('D1', ['D1-3'], 10), category: 'minor', area: 'Green' });
    expect(casualtyCounts(await tx.query('casualty', 'demo-hospital')).byCategory.minor).toBe(11);
  });

  it('numbers generated tags after the highest of the desk\'s own prefix, so two desks never make the same one', () => {
    expect(nextTagNumbers('d1', ['D1-2', 'D1-9', 'D2-40', 'A-0012'], 2)).toEqual(['D1-10', 'D1-11']);
    expect(nextTagNumbers('d2', ['D1-2', 'D1-9', 'D2-40'], 1)).toEqual(['D2-41']);
  });

  it('keeps earlier triage decisions when a casualty is re-triaged', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('casualty.register', { incidentId, tagNo: 'T-1', category: 'delayed', area: 'Yellow' });
    const id = casualtyId('demo-hospital', incidentId, 'T-1');
    await command('casualty.retriage', { id, category: 'immediate' });
    const casualty = await tx.get('casualty', id);
    expect(casualty?.triage.category).toBe('immediate');
    expect(casualty?.retriage.map((t) => t.category)).toEqual(['delayed']);
  });

  it('needs a receiving hospital for a transfer, and a verified guardian before an unaccompanied child goes home', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('casualty.register', { incidentId, tagNo: 'C-7', category: 'minor', area: 'Paediatrics', ageBand: 'child', unaccompaniedMinor: true });
    const id = casualtyId('demo-hospital', incidentId, 'C-7');
    await expect(command('casualty.dispose', { id, code: 'transferred' })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(command('casualty.dispose', { id, code: 'discharged' })).rejects.toMatchObject({ code: 'invalid_transition', params: { tagNo: 'C-7' } });
    await command('casualty.update', { id, guardianVerified: true, familyNotified: true });
    await command('casualty.dispose', { id, code: 'discharged' });
    expect(await tx.get('casualty', id)).toMatchObject({ disposition: { code: 'discharged' }, guardianVerified: true, ageBand: 'child' });
  });

  it('does not let an incident close while a casualty has no disposition', async () => {
    const { incidentId, command } = await boardWorld();
    await command('casualty.registerBatch', { incidentId, tagNos: ['G-1', 'G-2'], category: 'minor', area: 'Green' });
    await command('casualty.dispose', { id: casualtyId('demo-hospital', incidentId, 'G-1'), code: 'discharged' });
    await expect(command('incident.close', { id: incidentId, reason: 'done' })).rejects.toMatchObject({ code: 'invalid_transition', params: { count: 1 } });
    await command('casualty.dispose', { id: casualtyId('demo-hospital', incidentId, 'G-2'), code: 'transferred', destination: 'County People\'s Hospital' });
    await command('incident.close', { id: incidentId, reason: 'done' });
  });

  it('refuses a viewer, and counts by category and disposition', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await expect(command('casualty.register', { incidentId, tagNo: 'V-1', category: 'minor', area: 'Green' }, { actor: makeActor('viewer') })).rejects.toMatchObject({ code: 'forbidden' });
    await command('casualty.registerBatch', { incidentId, tagNos: ['R-1', 'R-2'], category: 'immediate', area: 'Resus' });
    await command('casualty.register', { incidentId, tagNo: 'B-1', category: 'dead', area: 'Morgue' });
    await command('casualty.dispose', { id: casualtyId('demo-hospital', incidentId, 'R-1'), code: 'surgery' });
    const counts = casualtyCounts(await tx.query('casualty', 'demo-hospital'));
    expect(counts).toEqual({
      total: 3,
      byCategory: { immediate: 2, delayed: 0, minor: 0, expectant: 0, dead: 1 },
      byDisposition: { in_care: 2, discharged: 0, admitted: 0, surgery: 1, transferred: 0, morgue: 0 },
    });
  });
});
