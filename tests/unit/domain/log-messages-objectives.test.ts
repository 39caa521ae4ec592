import { describe, expect, it } from 'vitest';
import { isBackdated, logOf } from '../../../src/domain/incidents/activity-log';
import { awaitingAcknowledgement } from '../../../src/domain/incidents/messages';
import { makeActor } from '../../fixtures/actors';
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

  it('refuses an entry dated well before it is typed without a reason, and keeps the reason of a backdated one', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const id = newId();
    await expect(run('log.append', { id, incidentId, text: 'Bus 2 arrived', at: T0 }, at(45))).rejects.toMatchObject({
      code: 'backdate_reason_required',
      params: { minutes: 45 },
    });
    await run('log.append', { id, incidentId, text: 'Bus 2 arrived', at: T0, backdateReason: 'radio log written up after the surge' }, at(45));
    const entry = await tx.get('logEntry', id);
    expect(entry).toMatchObject({ at: T0, recordedAt: T0 + 45 * MINUTE, backdateReason: 'radio log written up after the surge' });
    expect(entry && isBackdated(entry)).toBe(true);
  });

  it('takes an entry a few minutes late without a reason, and does not mark it backdated even when given one', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const id = newId();
    await run('log.append', { id, incidentId, text: 'Triage area open', at: T0, backdateReason: 'typed late' }, at(5));
    const entry = await tx.get('logEntry', id);
    expect(entry?.backdateReason).toBeUndefined();
    expect(entry && isBackdated(entry)).toBe(false);
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

  it('is acknowledged by its recipient only, once, and leaves their inbox when it is', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const id = newId();
    const recipient = makeActor('logistics_chief');
    await run('message.send', { id, incidentId, to: 'Logistics Section Chief', from: 'IC', subject: 'Blood', message: '20 units O neg', recipientId: recipient.userId });
    expect(awaitingAcknowledgement(await tx.query('message', 'demo-hospital'), recipient.userId).map((m) => m.id)).toEqual([id]);
    await expect(run('message.acknowledge', { id })).rejects.toMatchObject({ code: 'not_recipient' });
    await run('message.acknowledge', { id }, { actor: recipient, ...at(3) });
    await run('message.acknowledge', { id }, { actor: recipient, ...at(9) });
    expect(await tx.get('message', id)).toMatchObject({ acknowledgedAt: T0 + 3 * MINUTE, acknowledgedBy: recipient.userId });
    expect(awaitingAcknowledgement(await tx.query('message', 'demo-hospital'), recipient.userId)).toEqual([]);
  });

  it('refuses to acknowledge a message that names no recipient', async () => {
    const { incidentId, run } = await boardWorld();
    const id = newId();
    await run('message.send', { id, incidentId, to: 'File', from: 'IC', subject: 'Note', message: 'For the record' });
    await expect(run('message.acknowledge', { id })).rejects.toMatchObject({ code: 'not_recipient' });
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
