import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incidents/incident';
import { newId } from '../../../src/domain/ids';
import { withWorkstation } from '../../fixtures/workstation';
import { makeIncidentArgs } from '../../fixtures/workstation';

const T0 = Date.UTC(2026, 10, 26, 8, 0);

function serverIncident(overrides: Partial<Incident> = {}): Incident {
  const args = makeIncidentArgs();
  return {
    ...args,
    location: args.location ?? '',
    periodHours: 12,
    space: 'demo-hospital',
    status: 'active',
    declaredAt: T0,
    declaredBy: 'someone-else',
    period: 1,
    periodStartedAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

describe('rebase: the local view is server state plus pending work', () => {
  it('replays a pending rename on top of a concurrent level change from the server', async () => {
    await withWorkstation(async (ws) => {
      const base = serverIncident({ name: 'Old name', level: 'III' });
      ws.store.applyServerPage([{ kind: 'incident', id: base.id, space: base.space, data: base, version: 1, deleted: false }], { 'demo-hospital': 1 });
      await ws.store.rebase(0, []);
      await ws.call('mutate', { name: 'incident.rename', args: { id: base.id, name: 'My name' } });

      // Another workstation raised the level; the server's row arrives while my rename is still pending.
      const fromServer = { ...base, level: 'I' as const, updatedAt: T0 + 1 };
      ws.store.applyServerPage([{ kind: 'incident', id: base.id, space: base.space, data: fromServer, version: 2, deleted: false }], { 'demo-hospital': 2 });
      expect(ws.store.list('incident', 'demo-hospital')[0]?.name).toBe('My name');
      await ws.store.rebase(0, []);

      const [incident] = ws.store.list('incident', 'demo-hospital');
      expect(incident).toMatchObject({ name: 'My name', level: 'I' });
      expect(ws.store.pendingCount()).toBe(1);
      expect(ws.store.cursors(['demo-hospital'])).toEqual({ 'demo-hospital': 2 });
    });
  });

  it('drops mutations the server has dealt with and records refusals with their reasons', async () => {
    await withWorkstation(async (ws) => {
      const args = makeIncidentArgs();
      await ws.call('mutate', { name: 'incident.declare', args });
      await ws.call('mutate', { name: 'incident.setLevel', args: { id: args.id, level: 'I', reason: 'escalate' } });
      const declared = ws.store.list('incident', 'demo-hospital')[0];
      if (!declared) throw new Error('not declared');

      // The server applied the declaration (mutation 1) and refused the level change (mutation 2).
      ws.store.applyServerPage(
        [{ kind: 'incident', id: args.id, space: 'demo-hospital', data: { ...declared, level: 'II' }, version: 1, deleted: false }],
        { 'demo-hospital': 1 },
      );
      await ws.store.rebase(2, [{ mutationId: 2, code: 'forbidden', message: 'operator may not do this' }]);

      expect(ws.store.pendingCount()).toBe(0);
      expect(ws.store.list('incident', 'demo-hospital')[0]?.level).toBe('II');
      expect(ws.store.openRejections()).toEqual([
        expect.objectContaining({ mutationId: 2, name: 'incident.setLevel', code: 'forbidden', message: 'operator may not do this' }),
      ]);
      expect(ws.store.ackedMutationId()).toBe(2);
      await ws.call('sync.dismissRejection', { mutationId: 2 });
      expect(ws.store.openRejections()).toEqual([]);
    });
  });

  it('reverts an optimistic record the server never confirmed once the server says it was refused', async () => {
    await withWorkstation(async (ws) => {
      await ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
      expect(ws.store.list('incident', 'demo-hospital')).toHaveLength(1);
      await ws.store.rebase(1, [{ mutationId: 1, code: 'forbidden', message: 'viewer' }]);
      expect(ws.store.list('incident', 'demo-hospital')).toHaveLength(0);
    });
  });

  it('keeps pending work whose replay now fails, for the server to judge', async () => {
    await withWorkstation(async (ws) => {
      const base = serverIncident();
      ws.store.applyServerPage([{ kind: 'incident', id: base.id, space: base.space, data: base, version: 1, deleted: false }], { 'demo-hospital': 1 });
      await ws.store.rebase(0, []);
      await ws.call('mutate', { name: 'incident.rename', args: { id: base.id, name: 'Renamed offline' } });
      // Meanwhile the incident was closed on the server.
      ws.store.applyServerPage(
        [{ kind: 'incident', id: base.id, space: base.space, data: { ...base, status: 'closed' }, version: 2, deleted: false }],
        { 'demo-hospital': 2 },
      );
      await ws.store.rebase(0, []);
      expect(ws.store.list('incident', 'demo-hospital')[0]).toMatchObject({ status: 'closed', name: base.name });
      expect(ws.store.pendingCount()).toBe(1);
    });
  });

  it('finishes the rebase when a replay throws something other than a DomainError, keeping that work pending', async () => {
    await withWorkstation(async (ws) => {
      const level = { id: newId(), space: 'demo-hospital', item: 'Masks', store: 'ED store', qty: 9, updatedAt: T0 };
      ws.store.applyServerPage([{ kind: 'stock', id: level.id, space: level.space, data: level, version: 1, deleted: false }], { 'demo-hospital': 1 });
      await ws.store.rebase(0, []);
      await ws.call('mutate', { name: 'stock.issue', args: { id: level.id, qty: 1 } });
      // The server's copy now holds a name an older version allowed: the replayed issue's write fails the entity
      // check (a ZodError, not a refusal), which used to abort every rebase and so every pull after it.
      const legacy = { ...level, item: 'x'.repeat(300) };
      ws.store.applyServerPage([{ kind: 'stock', id: level.id, space: level.space, data: legacy, version: 2, deleted: false }], { 'demo-hospital': 2 });
      await ws.store.rebase(0, []);
      expect(ws.store.list('stock', 'demo-hospital')[0]).toMatchObject({ qty: 9, item: legacy.item });
      expect(ws.store.pendingCount()).toBe(1);
      expect(ws.store.hasShadow()).toBe(false);
    });
  });
});
