import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { RECEIVED_NOTE_MS } from '../../../src/domain/received-time';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const DAY = 86_400_000;

/** Issue 11, item 10: the server's receive time travels beside the desk's, so a wrong desk clock shows. */
describe.each(await storageKinds())('server receive time beside the desk\'s, on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);

  it('shows the server\'s receive time on the log entry and timeline line of a desk whose clock is a day behind', async () => {
    const skewed = await rig.station({ now: () => Date.now() - DAY });
    const honest = await rig.station();
    const incident = makeIncidentArgs();
    const entryId = newId();
    await honest.s.ws.call('mutate', { name: 'incident.declare', args: incident });
    await eventually(honest.s.ws, () => honest.s.ws.store.pendingCount() === 0, 30_000);
    await eventually(skewed.s.ws, () => skewed.s.ws.store.list('incident', 'demo-hospital').some((i) => i.id === incident.id), 30_000);
    const before = Date.now();
    await skewed.s.ws.call('mutate', { name: 'log.append', args: { id: entryId, incidentId: incident.id, text: 'Generator 2 started' } });
    const received = async (ws: typeof skewed.s.ws) => (await ws.call('board.get', { incidentId: incident.id })).received?.[entryId];
    let onSkewed: number | undefined;
    await eventually(skewed.s.ws, () => skewed.s.ws.store.pendingCount() === 0, 30_000);
    await eventually(skewed.s.ws, () => {
      void received(skewed.s.ws).then((at) => (onSkewed = at));
      return onSkewed !== undefined;
    }, 30_000);
    // The server's clock, not the desk's: within this test's run, a day after the entry's own time.
    expect(onSkewed).toBeGreaterThanOrEqual(before - 1_000);
    expect(onSkewed).toBeLessThanOrEqual(Date.now() + 1_000);
    const board = await skewed.s.ws.call('board.get', { incidentId: incident.id });
    const entry = board.logEntries.find((e) => e.id === entryId);
    expect((onSkewed ?? 0) - (entry?.recordedAt ?? 0)).toBeGreaterThan(DAY - 60_000);

    const line = (await skewed.s.ws.call('timeline.get', { incidentId: incident.id })).find((item) => item.type === 'log');
    expect(line?.receivedAt).toBe(onSkewed);
    // Every desk sees it: the other desk pulled the server's time with the row.
    let onHonest: number | undefined;
    await eventually(honest.s.ws, () => {
      void received(honest.s.ws).then((at) => (onHonest = at));
      return onHonest !== undefined;
    }, 30_000);
    expect(onHonest).toBe(onSkewed);
    const declared = (await honest.s.ws.call('timeline.get', { incidentId: incident.id })).find((item) => item.type === 'log');
    expect(declared?.receivedAt).toBe(onSkewed);
  }, 120_000);

  it('adds nothing to an entry from a desk whose clock agrees with the server', async () => {
    const desk = await rig.station();
    const incident = makeIncidentArgs();
    await desk.s.ws.call('mutate', { name: 'incident.declare', args: incident });
    await desk.s.ws.call('mutate', { name: 'log.append', args: { id: newId(), incidentId: incident.id, text: 'Water restored' } });
    await eventually(desk.s.ws, () => desk.s.ws.store.pendingCount() === 0, 30_000);
    let board = await desk.s.ws.call('board.get', { incidentId: incident.id });
    for (let i = 0; i < 100 && Object.keys(board.received ?? {}).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      board = await desk.s.ws.call('board.get', { incidentId: incident.id });
    }
    const [entry] = board.logEntries;
    expect(Math.abs((board.received?.[entry?.id ?? ''] ?? Infinity) - (entry?.recordedAt ?? 0))).toBeLessThan(RECEIVED_NOTE_MS);
    const line = (await desk.s.ws.call('timeline.get', { incidentId: incident.id })).find((item) => item.type === 'log');
    expect(line).toBeDefined();
    expect(line?.receivedAt).toBeUndefined();
  }, 120_000);
});
