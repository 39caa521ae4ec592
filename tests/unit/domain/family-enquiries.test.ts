import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/domain/board/timeline';
import { casualtyId } from '../../../src/domain/casualties/casualties';
import { candidateCasualties } from '../../../src/domain/casualties/enquiries';
import { withoutIdentities } from '../../../src/domain/casualties/identities';
import { newId } from '../../../src/domain/ids';
import type { MutationInput } from '../../../src/domain/mutators';
import { makeActor } from '../../fixtures/actors';
import { at, boardWorld, T0, MINUTE } from './board-fixture';

const SPACE = 'demo-hospital';

function enquiryArgs(incidentId: string, overrides: Partial<MutationInput<'enquiry.record'>> = {}): MutationInput<'enquiry.record'> {
  return {
    id: newId(),
    incidentId,
    ref: 'EAB12-1',
    enquirer: { name: '张秀英', relationship: '母亲', contact: '13800000000' },
    sought: { name: '张小明', sex: 'male', ageBand: 'child', description: { clothing: '红色外套', features: '戴眼镜', lastSeen: '大巴后排' } },
    ...overrides,
  };
}

async function world() {
  const w = await boardWorld();
  await w.command('casualty.register', { incidentId: w.incidentId, tagNo: 'A-1', category: 'minor', area: 'Green', sex: 'male', ageBand: 'child', name: '张小明' });
  await w.command('casualty.update', { id: casualtyId(SPACE, w.incidentId, 'A-1'), description: '红色外套，戴眼镜' });
  await w.command('casualty.register', { incidentId: w.incidentId, tagNo: 'A-2', category: 'delayed', area: 'Yellow', sex: 'female', ageBand: 'adult' });
  return { ...w, a1: casualtyId(SPACE, w.incidentId, 'A-1') };
}

describe('family enquiries', () => {
  it('records an enquiry as open, with who asked and when, and only for a user who may identify patients', async () => {
    const { tx, incidentId, run, command } = await world();
    const args = enquiryArgs(incidentId);
    await expect(run('enquiry.record', args)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'patient.identify' } });
    await command('enquiry.record', args, { actor: makeActor('patient_family_assistance') });
    expect(await tx.get('enquiry', args.id)).toMatchObject({ ref: 'EAB12-1', status: 'open', receivedAt: T0, receivedBy: 'user-patient_family_assistance', history: [] });
  });

  it('matches an enquiry to a casualty of its incident, informs the family (marking the casualty) and keeps each step with who and when', async () => {
    const { tx, incidentId, command, a1 } = await world();
    const args = enquiryArgs(incidentId);
    await command('enquiry.record', args);
    await expect(command('enquiry.close', { id: args.id, outcome: 'informed' })).rejects.toMatchObject({ code: 'invalid_transition' });
    await command('enquiry.match', { id: args.id, casualtyId: a1 }, at(5));
    await expect(command('enquiry.match', { id: args.id, casualtyId: a1 })).rejects.toMatchObject({ code: 'invalid_transition' });
    await command('enquiry.close', { id: args.id, outcome: 'informed' }, at(9));
    const enquiry = await tx.get('enquiry', args.id);
    expect(enquiry).toMatchObject({ status: 'closed', outcome: 'informed', match: { casualtyId: a1, tagNo: 'A-1', at: T0 + 5 * MINUTE, by: 'user-incident_commander' } });
    expect(enquiry?.history.map((h) => [h.type, h.at, h.by])).toEqual([
      ['matched', T0 + 5 * MINUTE, 'user-incident_commander'],
      ['closed', T0 + 9 * MINUTE, 'user-incident_commander'],
    ]);
    expect(await tx.get('casualty', a1)).toMatchObject({ familyNotified: true });
  });

  it('undoes a wrong match only with a reason, and keeps the undone match in the history', async () => {
    const { tx, incidentId, command, a1 } = await world();
    const args = enquiryArgs(incidentId);
    await command('enquiry.record', args);
    await command('enquiry.match', { id: args.id, casualtyId: a1 });
    await expect(command('enquiry.unmatch', { id: args.id, reason: ' ' })).rejects.toMatchObject({ code: 'invalid_args' });
    await command('enquiry.unmatch', { id: args.id, reason: '家属看过，不是本人' }, at(3));
    const enquiry = await tx.get('enquiry', args.id);
    expect(enquiry?.status).toBe('open');
    expect(enquiry?.match).toBeUndefined();
    expect(enquiry?.history.at(-1)).toMatchObject({ type: 'unmatched', tagNo: 'A-1', reason: '家属看过，不是本人' });
    await expect(command('enquiry.close', { id: args.id, outcome: 'referred' })).rejects.toMatchObject({ code: 'invalid_args', params: { field: 'referredTo' } });
    await command('enquiry.close', { id: args.id, outcome: 'referred', referredTo: '市第一人民医院' });
    expect(await tx.get('enquiry', args.id)).toMatchObject({ status: 'closed', outcome: 'referred', referredTo: '市第一人民医院' });
  });

  it('refuses a match to a casualty of another incident', async () => {
    const { incidentId, command } = await world();
    const args = enquiryArgs(incidentId);
    await command('enquiry.record', args);
    await expect(command('enquiry.match', { id: args.id, casualtyId: casualtyId(SPACE, newId(), 'A-1') })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists candidates by sex and age band, inside the arrival window, ranked by description words', async () => {
    const { tx, incidentId } = await world();
    const casualties = await tx.query('casualty', SPACE);
    const sought = { sex: 'male', ageBand: 'adolescent', description: { clothing: '红色外套' } } as const;
    // A child fits "adolescent" (one band apart, guesses differ); the adult woman does not.
    const found = candidateCasualties({ incidentId, sought }, casualties);
    expect(found.map((c) => c.casualty.tagNo)).toEqual(['A-1']);
    expect(found[0]?.terms).toEqual(['红色外套']);
    const anyone = candidateCasualties({ incidentId, sought: { sex: 'unknown', ageBand: 'unknown', description: {} } }, casualties, { text: '戴眼镜' });
    expect(anyone.map((c) => c.casualty.tagNo)).toEqual(['A-1', 'A-2']);
    expect(candidateCasualties({ incidentId, sought }, casualties, { arrivedFrom: T0 + MINUTE })).toEqual([]);
  });

  it('gives a user without patient.identify the records without names, contacts or notes, and leaves every other field', () => {
    const enquiry = { ref: 'E-1', status: 'open', notes: '母亲很着急', enquirer: { name: '张秀英', relationship: '母亲', contact: '138' }, sought: { name: '张小明', sex: 'male', description: { clothing: '红色外套' } } };
    expect(withoutIdentities('enquiry', enquiry, makeActor('operator'))).toEqual({ ref: 'E-1', status: 'open', enquirer: { relationship: '母亲' }, sought: { sex: 'male', description: { clothing: '红色外套' } } });
    expect(withoutIdentities('casualty', { tagNo: 'A-1', name: '张小明', mrn: '123', alias: '男童' }, makeActor('viewer'))).toEqual({ tagNo: 'A-1', alias: '男童' });
    for (const role of ['patient_family_assistance', 'incident_commander'] as const) {
      expect(withoutIdentities('enquiry', enquiry, makeActor(role))).toBe(enquiry);
    }
    expect(withoutIdentities('task', { title: 'x', name: 'kept' }, makeActor('operator'))).toEqual({ title: 'x', name: 'kept' });
  });

  it('puts the match and the family informed in the incident timeline by enquiry and tag number, never a name', async () => {
    const { tx, incidentId, incident, command, a1 } = await world();
    const args = enquiryArgs(incidentId);
    await command('enquiry.record', args);
    await command('enquiry.match', { id: args.id, casualtyId: a1 }, at(5));
    await command('enquiry.close', { id: args.id, outcome: 'informed' }, at(9));
    const stored = await tx.get('incident', incident.id);
    if (!stored) throw new Error('no incident');
    const items = buildTimeline({ incident: stored, enquiries: await tx.query('enquiry', SPACE) }).filter((i) => i.type.startsWith('enquiry_'));
    expect(items.map((i) => [i.type, i.at])).toEqual([['enquiry_matched', T0 + 5 * MINUTE], ['enquiry_closed', T0 + 9 * MINUTE]]);
    expect(JSON.stringify(items)).not.toMatch(/张/);
  });
});
