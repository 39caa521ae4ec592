import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incidents/incident';
import { statutoryDeadline, type Deadline } from '../../../src/domain/incidents/reporting-deadlines';
import { clockTime, deadlineOutcome, incidentStanding } from '../../../src/renderer/app/incident-standing';
import { tasksNotDone } from '../../../src/renderer/features/board/open-tasks';
import { at, boardWorld, HOUR, MINUTE, T0 } from '../domain/board-fixture';

async function incidentIn(world: Awaited<ReturnType<typeof boardWorld>>): Promise<Incident> {
  const incident = await world.tx.get('incident', world.incidentId);
  if (!incident) throw new Error('incident missing');
  return incident;
}

describe('how an incident stands (issue 13, item 2)', () => {
  it('is active once declared, with no close time and clocks reading now', async () => {
    const world = await boardWorld();
    const standing = incidentStanding(await incidentIn(world));
    expect(standing).toEqual({ state: 'active', closedAt: null });
    expect(clockTime(standing, T0 + 5 * HOUR)).toBe(T0 + 5 * HOUR);
  });

  it('is demobilising after demobilise, still live', async () => {
    const world = await boardWorld();
    await world.command('incident.demobilise', { id: world.incidentId, reason: 'Last casualty transferred' }, at(30));
    expect(incidentStanding(await incidentIn(world))).toEqual({ state: 'demobilising', closedAt: null });
  });

  it('is closed at the moment of the close, and its clocks stop there', async () => {
    const world = await boardWorld();
    await world.command('incident.demobilise', { id: world.incidentId, reason: 'Winding down' }, at(30));
    await world.command('incident.close', { id: world.incidentId, reason: 'All clear' }, at(95));
    const standing = incidentStanding(await incidentIn(world));
    expect(standing).toEqual({ state: 'closed', closedAt: T0 + 95 * MINUTE });
    expect(clockTime(standing, T0 + 10 * HOUR)).toBe(T0 + 95 * MINUTE);
  });

  it('takes the last change as the close time for a closed row written before history was kept', async () => {
    const world = await boardWorld();
    const incident = await incidentIn(world);
    const old: Incident = { ...incident, status: 'closed', updatedAt: T0 + 3 * HOUR };
    delete old.history;
    expect(incidentStanding(old)).toEqual({ state: 'closed', closedAt: T0 + 3 * HOUR });
  });
});

describe('a reporting deadline once the incident is closed', () => {
  const due = T0 + 2 * HOUR;
  const deadline = (report?: number): Deadline => {
    const base: Deadline = {
      id: 'd', space: 'demo-hospital', incidentId: 'i', title: 'Report', basis: 'custom', startsAt: T0, dueAt: due, to: 'County', createdAt: T0, createdBy: 'u',
    };
    return report === undefined ? base : { ...base, report: { reportedAt: report, to: 'County', by: 'Officer', recordedAt: report, recordedBy: 'u' } };
  };

  it('was met when reported by its due time', () => {
    expect(deadlineOutcome(deadline(due - MINUTE), T0 + 5 * HOUR)).toBe('met');
    expect(deadlineOutcome(deadline(due), T0 + 5 * HOUR)).toBe('met');
  });

  it('was missed when reported after its due time', () => {
    expect(deadlineOutcome(deadline(due + MINUTE), T0 + 5 * HOUR)).toBe('missed');
  });

  it('was missed when never reported and due before the close', () => {
    expect(deadlineOutcome(deadline(), due + MINUTE)).toBe('missed');
  });

  it('was not due when never reported and the incident closed before it fell due', () => {
    expect(deadlineOutcome(deadline(), due - MINUTE)).toBe('not_due');
  });

  it('reads the statutory 2-hour clock of a real incident closed after it fell due, unreported, as missed', async () => {
    const world = await boardWorld({ type: 'mass_casualty', discoveredAt: T0 });
    await world.command('incident.close', { id: world.incidentId, reason: 'All clear' }, at(150));
    const incident = await incidentIn(world);
    const statutory = statutoryDeadline(incident);
    if (!statutory) throw new Error('a mass-casualty incident has a statutory clock');
    expect(deadlineOutcome(statutory, incidentStanding(incident).closedAt ?? Number.NaN)).toBe('missed');
  });
});

describe('the tasks listed at demobilise and close', () => {
  it('are every task not done, command first, then by title', async () => {
    const world = await boardWorld();
    const a = await world.task({ title: 'Resupply triage area', section: 'logistics' });
    const b = await world.task({ title: 'Brief the press', section: 'command', assignee: { kind: 'position', positionId: 'pio' } });
    const c = await world.task({ title: 'Count beds', section: 'operations' });
    const d = await world.task({ title: 'Archive forms', section: 'planning' });
    const done = { ...d, status: 'done' as const };
    const blocked = { ...c, status: 'blocked' as const };
    expect(tasksNotDone([a, done, blocked, b]).map((t) => t.title)).toEqual(['Brief the press', 'Count beds', 'Resupply triage area']);
  });

  it('are none when every task is done', async () => {
    const world = await boardWorld();
    const a = await world.task();
    expect(tasksNotDone([{ ...a, status: 'done' }])).toEqual([]);
  });
});
