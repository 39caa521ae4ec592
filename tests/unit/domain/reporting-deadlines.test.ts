import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { deadlineClock, incidentDeadlines, nextOpenDeadline, statutoryDeadline, type Deadline } from '../../../src/domain/incidents/reporting-deadlines';
import { at, boardWorld, HOUR, MINUTE, T0 } from './board-fixture';

function makeDeadline(overrides: Partial<Deadline> = {}): Deadline {
  return {
    id: newId(), space: 'demo-hospital', incidentId: newId(), title: 'health_authority_report', basis: 'public_health_emergency',
    startsAt: T0, dueAt: T0 + 2 * HOUR, to: 'county_health_authority', createdAt: T0, createdBy: 'u', ...overrides,
  };
}

describe('the reporting clock', () => {
  it('starts the 2-hour report to the health authority at discovery when a mass casualty incident is declared', async () => {
    const discoveredAt = T0 - 30 * MINUTE;
    const { tx, incidentId } = await boardWorld({ type: 'mass_casualty', discoveredAt });
    const incident = await tx.get('incident', incidentId);
    if (!incident) throw new Error('missing');
    expect(statutoryDeadline(incident)).toMatchObject({ id: incidentId, basis: 'public_health_emergency', startsAt: discoveredAt, dueAt: discoveredAt + 2 * HOUR });
  });

  it('gives Class B and C diseases 24 hours, and no clock when the declarer says none applies', async () => {
    const b = await boardWorld({ type: 'infectious_disease', reportCategory: 'class_b_c' });
    const incidentB = await b.tx.get('incident', b.incidentId);
    expect(incidentB && statutoryDeadline(incidentB)?.dueAt).toBe(b.incident.discoveredAt + 24 * HOUR);
    const none = await boardWorld({ type: 'it_cyber' });
    const incidentNone = await none.tx.get('incident', none.incidentId);
    expect(incidentNone && statutoryDeadline(incidentNone)).toBeUndefined();
  });

  it('is ok with time in hand, yellow under 30 minutes, red once overdue', () => {
    const d = makeDeadline();
    expect(deadlineClock(d, T0 + HOUR).state).toBe('ok');
    expect(deadlineClock(d, T0 + 91 * MINUTE)).toMatchObject({ state: 'yellow', remainingMs: 29 * MINUTE });
    expect(deadlineClock(d, T0 + 2 * HOUR + 1)).toMatchObject({ state: 'red', late: true });
  });

  it('turns a long clock yellow when a configurable share of it is left', () => {
    const d = makeDeadline({ dueAt: T0 + 24 * HOUR });
    expect(deadlineClock(d, T0 + 17 * HOUR).state).toBe('ok');
    expect(deadlineClock(d, T0 + 19 * HOUR).state).toBe('yellow');
    expect(deadlineClock(d, T0 + 17 * HOUR, { warnShare: 0.5 }).state).toBe('yellow');
  });

  it('stops when the report is recorded, remembering who, when and to whom, and whether it was late', async () => {
    const { tx, incidentId, run } = await boardWorld({ discoveredAt: T0 });
    await run('deadline.recordReport', { id: incidentId, reportedAt: T0 + 100 * MINUTE, to: 'District CDC duty line', by: 'Dr Chen' }, at(110));
    const incident = await tx.get('incident', incidentId);
    const d = incident && statutoryDeadline(incident);
    expect(d?.report).toMatchObject({ reportedAt: T0 + 100 * MINUTE, to: 'District CDC duty line', by: 'Dr Chen', recordedAt: T0 + 110 * MINUTE });
    if (!d) throw new Error('missing');
    expect(deadlineClock(d, T0 + 10 * HOUR)).toMatchObject({ state: 'reported', late: false });
    await expect(run('deadline.recordReport', { id: incidentId, reportedAt: T0, to: 'x', by: 'y' })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('adds user deadlines and shows the open one due soonest, statutory or not', async () => {
    const { tx, incidentId, run } = await boardWorld({ type: 'mass_casualty', discoveredAt: T0 + 5 * HOUR });
    const sitrep = newId();
    await run('deadline.add', { id: sitrep, incidentId, title: 'Sitrep to district', to: 'District health bureau', dueAt: T0 + 4 * HOUR });
    await run('deadline.add', { id: newId(), incidentId, title: 'Bed report', to: 'EMS', dueAt: T0 + 6 * HOUR });
    const incident = await tx.get('incident', incidentId);
    if (!incident) throw new Error('missing');
    expect(nextOpenDeadline(incidentDeadlines(incident, await tx.query('deadline', 'demo-hospital')))?.id).toBe(sitrep);
    await run('deadline.remove', { id: sitrep });
    expect(await tx.get('deadline', sitrep)).toBeUndefined();
  });

  it('stops a user deadline from its own record, and keeps that record: a reported deadline cannot be removed', async () => {
    const { tx, incidentId, run } = await boardWorld({ type: 'mass_casualty', discoveredAt: T0 });
    const callBack = newId();
    await run('deadline.add', { id: callBack, incidentId, title: 'Call back the CDC', to: 'District CDC', dueAt: T0 + 2 * HOUR });
    await run('deadline.recordReport', { id: callBack, reportedAt: T0 + 90 * MINUTE, to: 'District CDC duty line', by: 'Wang Fang' }, at(95));
    const d = await tx.get('deadline', callBack);
    expect(d?.report).toMatchObject({ reportedAt: T0 + 90 * MINUTE, to: 'District CDC duty line', by: 'Wang Fang', recordedAt: T0 + 95 * MINUTE });
    await expect(run('deadline.remove', { id: callBack })).rejects.toThrow(/was reported: its record stays/);
    await expect(run('deadline.remove', { id: callBack })).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await tx.get('deadline', callBack)).toBeDefined();
  });

  it('refuses to remove a statutory deadline', async () => {
    const { incidentId, run } = await boardWorld({ type: 'mass_casualty' });
    await expect(run('deadline.remove', { id: incidentId })).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
