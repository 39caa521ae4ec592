import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { makeActor } from '../../fixtures/actors';
import { holdersByPosition } from '../../../src/domain/incidents/assignments';
import { objectivesOf } from '../../../src/domain/incidents/objectives';
import { at, boardWorld, HOUR, T0 } from './board-fixture';

describe('incident lifecycle', () => {
  it('records a level change with its reason, who and when, in the incident history', async () => {
    const { tx, incidentId, command } = await boardWorld({ level: 'II' });
    await command('incident.setLevel', { id: incidentId, level: 'I', reason: 'second bus, 40 casualties' }, at(30));
    const incident = await tx.get('incident', incidentId);
    expect(incident?.history?.at(-1)).toMatchObject({ type: 'level_changed', from: 'II', to: 'I', reason: 'second bus, 40 casualties' });
    expect(incident?.history?.[0]).toMatchObject({ type: 'declared', level: 'II' });
  });

  it('opens the next operational period, closing the current one', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('incident.startPeriod', { id: incidentId, period: 2, hours: 8 }, at(720));
    expect(await tx.get('incident', incidentId)).toMatchObject({ period: 2, periodHours: 8, periodStartedAt: at(720).at });
  });

  it('opens the next period at the planned time, carrying over the org chart and objectives the commander confirmed', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ic', person: '张建国' });
    await command('objective.create', { id: newId(), incidentId, text: 'Triage every casualty' });
    const planned = T0 + 12 * HOUR;
    await command(
      'incident.startPeriod',
      {
        id: incidentId,
        period: 2,
        hours: 8,
        startsAt: planned,
        carry: {
          objectives: [{ id: newId(), text: 'Triage every casualty within the hour' }],
          assignments: [{ id: newId(), positionId: 'ic', person: '张建国' }, { id: newId(), positionId: 'ops', person: '李敏' }],
        },
      },
      at(12 * 60 + 25),
    );
    expect(await tx.get('incident', incidentId)).toMatchObject({ period: 2, periodHours: 8, periodStartedAt: planned });
    const assignments = await tx.query('assignment', 'demo-hospital', { where: { incidentId } });
    expect(holdersByPosition(assignments, 2)).toEqual(new Map([['ic', ['张建国']], ['ops', ['李敏']]]));
    expect(holdersByPosition(assignments, 1)).toEqual(new Map([['ic', ['张建国']]]));
    const objectives = objectivesOf(await tx.query('objective', 'demo-hospital', { where: { incidentId } }), 2);
    expect(objectives.map((o) => [o.text, o.status])).toEqual([['Triage every casualty within the hour', 'open']]);
  });

  it('keeps what Planning already prepared for the next period instead of doubling it', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('assignment.assign', { id: newId(), incidentId, period: 2, positionId: 'ic', person: '张建国' });
    await command('objective.create', { id: newId(), incidentId, period: 2, text: 'Reopen theatre 3' });
    await command('incident.startPeriod', {
      id: incidentId,
      period: 2,
      carry: { objectives: [{ id: newId(), text: 'reopen theatre 3' }], assignments: [{ id: newId(), positionId: 'ic', person: '张建国 ' }] },
    });
    expect((await tx.query('assignment', 'demo-hospital', { where: { incidentId } })).filter((a) => a.period === 2)).toHaveLength(1);
    expect((await tx.query('objective', 'demo-hospital', { where: { incidentId } })).filter((o) => o.period === 2)).toHaveLength(1);
  });

  it('refuses a new period that would start before the current one did', async () => {
    const { incidentId, command } = await boardWorld();
    await expect(command('incident.startPeriod', { id: incidentId, period: 2, startsAt: T0 - HOUR })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('opens a period once when two commanders ask for it at the same time', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('incident.startPeriod', { id: incidentId, period: 2 });
    await expect(command('incident.startPeriod', { id: incidentId, period: 2 })).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await tx.get('incident', incidentId))?.period).toBe(2);
  });

  it('demobilises, reactivates and closes, logging each status change', async () => {
    const { tx, incidentId, command } = await boardWorld();
    await command('incident.demobilise', { id: incidentId, reason: 'last casualty admitted' });
    await command('incident.activate', { id: incidentId, reason: 'third bus arriving' });
    await command('incident.close', { id: incidentId, reason: 'all patients placed' });
    const history = (await tx.get('incident', incidentId))?.history ?? [];
    expect(history.filter((e) => e.type === 'status_changed').map((e) => (e.type === 'status_changed' ? e.to : ''))).toEqual([
      'demobilising',
      'active',
      'closed',
    ]);
  });

  it('refuses every change to a closed incident', async () => {
    const { incidentId, command, run } = await boardWorld();
    await command('incident.close', { id: incidentId, reason: 'done' });
    await expect(run('log.append', { id: newId(), incidentId, text: 'late note' })).rejects.toMatchObject({ code: 'incident_closed' });
    await expect(command('incident.setLevel', { id: incidentId, level: 'I', reason: 'x' })).rejects.toMatchObject({ code: 'incident_closed' });
    await expect(command('incident.startPeriod', { id: incidentId, period: 2 })).rejects.toMatchObject({ code: 'incident_closed' });
  });

  it('lets only command roles start periods, demobilise and close', async () => {
    const { incidentId, run } = await boardWorld();
    const operator = { actor: makeActor('operator', 'operations_chief') };
    await expect(run('incident.startPeriod', { id: incidentId, period: 2 }, operator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run('incident.demobilise', { id: incidentId, reason: 'x' }, operator)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run('incident.close', { id: incidentId, reason: 'x' }, operator)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses to reactivate an incident that is not demobilising', async () => {
    const { incidentId, command } = await boardWorld();
    await expect(command('incident.activate', { id: incidentId, reason: 'x' })).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
