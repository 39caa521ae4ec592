import { describe, expect, it } from 'vitest';
import { logOf } from '../../../src/domain/incidents/activity-log';
import { newId } from '../../../src/domain/ids';
import { mutationNames } from '../../../src/domain/mutators';
import { objectivesOf } from '../../../src/domain/incidents/objectives';
import { at, boardWorld, MINUTE, T0 } from './board-fixture';

describe('activity log (HICS 214)', () => {
  it('keeps a log per position and one for the incident, in the time each entry says', async () => {
    const { tx, incidentId, run } = await boardWorld();
    await run('log.append', { id: newId(), incidentId, positionId: 'ops', text: 'ED at capacity', at: T0 - 5 * MINUTE }, at(1));
    await run('log.append', { id: newId(), incidentId, text: 'Command center opened' }, at(2));
    await run('log.append', { id: newId(), incidentId, positionId: 'ops', text: 'Ward 5 opened' }, at(3));
    const all = await tx.query('logEntry', 'demo-hospital');
    expect(logOf(all, 'ops').map((e) => e.text)).toEqual(['ED at capacity', 'Ward 5 opened']);
    expect(logOf(all, null).map((e) => e.text)).toEqual(['Command center opened']);
    expect(logOf(all)[0]).toMatchObject({ at: T0 - 5 * MINUTE, recordedAt: T0 + MINUTE });
  });

  it('is append-only: no mutation edits or removes an entry', () => {
    expect(mutationNames.filter((n) => n.startsWith('log.'))).toEqual(['log.append']);
  });
});

describe('general messages (HICS 213)', () => {
  it('sends a message and keeps every reply', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const id = newId();
    await run('message.send', { id, incidentId, to: 'Logistics Section Chief', from: 'IC Dr Zhang', subject: 'Ventilators', message: 'How many spare?' });
    await run('message.reply', { id, replyId: 'r1', from: 'Logistics: Li Na', text: 'Four, in central supply' }, at(5));
    await run('message.reply', { id, replyId: 'r2', from: 'Supply Unit', text: 'Two more on loan from No. 2 Hospital' }, at(6));
    const message = await tx.get('message', id);
    expect(message).toMatchObject({ subject: 'Ventilators', urgent: false, period: 1 });
    expect(message?.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});

describe('objectives (HICS 202)', () => {
  it('belong to a period, change only the fields given, and leave their tasks on the board when removed', async () => {
    const { tx, incidentId, run, command, task } = await boardWorld();
    const id = newId();
    await run('objective.create', { id, incidentId, text: 'Treat all red-tag casualties within 1 hour' });
    await run('objective.update', { id, status: 'achieved' });
    await run('objective.update', { id, text: 'Treat all red-tag casualties within 60 minutes' });
    expect(await tx.get('objective', id)).toMatchObject({ period: 1, status: 'achieved', text: 'Treat all red-tag casualties within 60 minutes' });

    const linked = await task({ objectiveId: id });
    await command('incident.startPeriod', { id: incidentId, period: 2 });
    await run('objective.create', { id: newId(), incidentId, text: 'Reopen elective surgery' });
    expect(objectivesOf(await tx.query('objective', 'demo-hospital'), 2).map((o) => o.text)).toEqual(['Reopen elective surgery']);

    await run('objective.remove', { id });
    expect(await tx.get('objective', id)).toBeUndefined();
    expect((await tx.get('task', linked.id))?.objectiveId).toBeUndefined();
  });
});
