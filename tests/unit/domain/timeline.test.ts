import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { buildTimeline } from '../../../src/domain/board/timeline';
import { at, boardWorld, T0 } from './board-fixture';

describe('the incident timeline', () => {
  it('merges the whole incident into one time-ordered list of typed items', async () => {
    const { tx, incidentId, run, command, task } = await boardWorld({ type: 'mass_casualty', discoveredAt: T0 });
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ic', person: 'Dr Zhang' }, at(1));
    await command('incident.setLevel', { id: incidentId, level: 'I', reason: 'second bus' }, at(10));
    const t = await task();
    await run('task.move', { id: t.id, status: 'done' }, at(20));
    const messageId = newId();
    await run('message.send', { id: messageId, incidentId, to: 'Ops', from: 'IC', subject: 'Beds', message: 'Open ward 5' }, at(25));
    await run('message.reply', { id: messageId, replyId: 'r1', from: 'Ops', text: 'Done' }, at(26));
    await run('log.append', { id: newId(), incidentId, text: 'EMS told of capacity' }, at(30));
    await run('deadline.recordReport', { id: incidentId, reportedAt: at(40).at ?? 0, to: 'County health bureau', by: 'Dr Chen' }, at(41));
    await command('incident.startPeriod', { id: incidentId, period: 2 }, at(720));
    await command('incident.close', { id: incidentId, reason: 'all placed' }, at(800));

    const incident = await tx.get('incident', incidentId);
    if (!incident) throw new Error('missing');
    const timeline = buildTimeline({
      incident,
      assignments: await tx.query('assignment', 'demo-hospital'),
      tasks: await tx.query('task', 'demo-hospital'),
      messages: await tx.query('message', 'demo-hospital'),
      logEntries: await tx.query('logEntry', 'demo-hospital'),
      deadlines: await tx.query('deadline', 'demo-hospital'),
    });
    expect(timeline.map((i) => i.type)).toEqual([
      'declared', 'assigned', 'level_changed', 'task_done', 'message', 'message_reply', 'log', 'report_recorded', 'period_started', 'status_changed',
    ]);
    expect(timeline.find((i) => i.type === 'report_recorded')).toMatchObject({ reportedBy: 'Dr Chen', late: false });
    expect(new Set(timeline.map((i) => i.key)).size).toBe(timeline.length);
  });

  it('ignores rows of other incidents and tasks not yet done', async () => {
    const a = await boardWorld();
    const b = await boardWorld();
    await b.run('log.append', { id: newId(), incidentId: b.incidentId, text: 'elsewhere' });
    await a.task();
    const incident = await a.tx.get('incident', a.incidentId);
    if (!incident) throw new Error('missing');
    const timeline = buildTimeline({ incident, tasks: await a.tx.query('task', 'demo-hospital'), logEntries: await b.tx.query('logEntry', 'demo-hospital') });
    expect(timeline.map((i) => i.type)).toEqual(['declared']);
  });
});
