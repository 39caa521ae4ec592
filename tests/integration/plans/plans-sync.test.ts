import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { startTestServer, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

describe('plan activation and checklists on two desks through a real server on PGlite', { timeout: 120_000 }, () => {
  let server: TestServer;
  const stations: Station[] = [];

  beforeAll(async () => {
    server = await startTestServer({ storage: 'pglite' });
  });

  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await server.close();
  });

  async function station(roles: Role[]): Promise<Station> {
    const user = await server.createUser({ roles });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  it('syncs an activated plan’s checklists, keeps two desks’ ticks on one checklist, and refuses activation to an operator', async () => {
    const command = await station(['incident_commander']);
    const ops = await station(['operator']);
    const mutate = (s: Station, name: string, args: unknown) => s.ws.call('mutate', { name, args } as never);

    const planId = newId();
    const versionId = newId();
    await mutate(command, 'plan.loadExample', { planId, versionId, example: 'mass_casualty' });
    await mutate(command, 'plan.submitForReview', { versionId });
    await mutate(command, 'plan.approve', { versionId, name: '院长 王建国' });
    const incidentId = newId();
    await mutate(command, 'incident.declare', { id: incidentId, name: 'G15 bus collision', type: 'mass_casualty', level: 'II', location: 'G15', discoveredAt: Date.now() - 60_000 });
    await mutate(command, 'assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ic', person: 'Dr Wang' });

    // An operator may tick but not activate: refused on the desk, nothing queued.
    await eventually(ops.ws, () => ops.ws.store.list('incident', SPACE).length === 1 && ops.ws.store.list('plan', SPACE).length === 1, 20_000);
    expect(await ops.ws.handle('mutate', { name: 'plan.activate', args: { incidentId, planId } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await mutate(command, 'plan.activate', { incidentId, planId });
    await eventually(ops.ws, () => ops.ws.store.list('positionChecklist', SPACE).length === 1, 20_000);
    const [checklist] = (await ops.ws.call('plans.incident', { incidentId })).plans[0]?.checklists ?? [];
    if (!checklist) throw new Error('no checklist on the operator desk');

    await Promise.all([
      mutate(ops, 'checklist.mark', { checklistId: checklist.id, itemId: 'ic-declare', status: 'done' }),
      mutate(command, 'checklist.mark', { checklistId: checklist.id, itemId: 'ic-appoint', status: 'na', remark: 'Chiefs already in post' }),
    ]);
    const bothTicked = (s: Station) => {
      const marks = s.ws.store.list('positionChecklist', SPACE)[0]?.marks ?? {};
      return marks['ic-declare']?.status === 'done' && marks['ic-appoint']?.status === 'na';
    };
    await eventually(command.ws, () => bothTicked(command), 20_000);
    await eventually(ops.ws, () => bothTicked(ops), 20_000);
  });
});
