import { newId } from '../../../../src/domain/ids';
import { aarId } from '../../../../src/domain/aar';
import { makeActor } from '../../../fixtures/actors';
import { at, boardWorld, HOUR, MINUTE, T0 } from '../board-fixture';

export const planningChief = makeActor('planning_chief');

/**
 * A mass-casualty incident run to its close: casualties triaged and disposed, a level change, log lines, a
 * request filled from stock, a task left open, and clocks met, late, missed and not yet due at the close.
 */
export async function closedIncidentWorld() {
  const world = await boardWorld();
  const { incidentId, run, command, tx } = world;
  await command('incident.setLevel', { id: incidentId, level: 'I', reason: 'Second bus involved' }, at(20));
  await run('log.append', { id: newId(), incidentId, text: 'First ambulances arrive', at: T0 + 5 * MINUTE }, at(5));
  await run('log.append', { id: newId(), incidentId, text: 'Surge beds opened on 5 West', at: T0 + 40 * MINUTE }, at(40));
  await run('log.append', { id: newId(), incidentId, positionId: 'ops', text: 'A position log line, not the incident log', at: T0 + 41 * MINUTE }, at(41));
  await run('casualty.registerBatch', { incidentId, tagNos: ['R-1', 'R-2'], category: 'immediate', area: 'Resus' }, at(10));
  await run('casualty.registerBatch', { incidentId, tagNos: ['Y-1'], category: 'delayed', area: 'Yellow' }, at(12));
  await run('casualty.registerBatch', { incidentId, tagNos: ['G-1', 'G-2', 'G-3'], category: 'minor', area: 'Green' }, at(15));
  const stockId = newId();
  await command('stock.receive', { id: stockId, item: 'O-neg blood', store: 'Blood bank', qty: 40 }, at(1));
  const requestId = newId();
  await run('request.raise', { id: requestId, item: 'O-neg blood', qty: 20, neededBy: T0 + HOUR, priority: 'urgent', justification: 'Massive transfusion', section: 'Operations' }, at(25));
  await command('request.approve', { id: requestId }, at(26));
  await command('request.fill', { id: requestId, stockId, qty: 12 }, at(30));
  const open = await world.task({ title: 'Restock trauma bay' });
  const done = await world.task({ title: 'Call in theatre team' });
  await run('task.move', { id: done.id, status: 'done' }, at(50));
  const met = newId();
  const late = newId();
  const notDue = newId();
  await run('deadline.add', { id: met, incidentId, title: 'District sitrep', to: 'District health bureau', dueAt: T0 + HOUR }, at(2));
  await run('deadline.add', { id: late, incidentId, title: 'Blood bank return', to: 'City blood centre', dueAt: T0 + HOUR }, at(2));
  await run('deadline.add', { id: notDue, incidentId, title: 'Final report', to: 'County CDC', dueAt: T0 + 48 * HOUR }, at(2));
  await run('deadline.recordReport', { id: met, reportedAt: T0 + 30 * MINUTE, to: 'District health bureau', by: 'Li Na' }, at(31));
  await run('deadline.recordReport', { id: late, reportedAt: T0 + 90 * MINUTE, to: 'City blood centre', by: 'Li Na' }, at(91));
  const casualties = await tx.query('casualty', 'demo-hospital', { where: { incidentId } });
  const codes = ['admitted', 'surgery', 'admitted', 'discharged', 'discharged', 'morgue'] as const;
  for (const [i, c] of casualties.entries()) await run('casualty.dispose', { id: c.id, code: codes[i] ?? 'discharged' }, at(200 + i));
  await command('incident.close', { id: incidentId, reason: 'Last casualty dispositioned' }, at(300));
  return { ...world, aarId: aarId('demo-hospital', incidentId), requestId, openTaskId: open.id, deadlines: { met, late, notDue } };
}
