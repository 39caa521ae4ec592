import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/contract/errors';
import { createWorkstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, makeTempDir, withWorkstation } from '../../fixtures/workstation';

describe('workstation incident mutations on a real SQLite file', () => {
  it('declares an incident, queues it in the outbox and lists it', async () => {
    await withWorkstation(async (ws) => {
      const args = makeIncidentArgs();
      const { mutationId } = await ws.call('mutate', { name: 'incident.declare', args });
      expect(mutationId).toBe(1);
      const incidents = await ws.call('incident.list', {});
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ id: args.id, name: args.name, level: 'II', status: 'active', period: 1 });
      expect(ws.store.pending()).toHaveLength(1);
    });
  });

  it('keeps a confirmed write after the workstation is closed and reopened', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const args = makeIncidentArgs();
      const first = createWorkstation({ dataDir: dir });
      await first.call('mutate', { name: 'incident.declare', args });
      await first.call('mutate', { name: 'incident.setLevel', args: { id: args.id, level: 'I', reason: 'second bus' } });
      await first.close();
      const second = createWorkstation({ dataDir: dir });
      const [incident] = await second.call('incident.list', {});
      expect(incident?.level).toBe('I');
      expect(second.store.pending().map((m) => m.mutationId)).toEqual([1, 2]);
      expect(second.clientId).toBe(first.clientId);
      await second.close();
    } finally {
      cleanup();
    }
  });

  it('refuses to rename an incident that does not exist, and writes nothing', async () => {
    await withWorkstation(async (ws) => {
      const error = await ws
        .call('mutate', { name: 'incident.rename', args: { id: '0190f5c2-7e1c-7000-8000-000000000000', name: 'x' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).error.code).toBe('not_found');
      expect(ws.store.pendingCount()).toBe(0);
    });
  });

  it('names the field and the rule when an argument is invalid', async () => {
    await withWorkstation(async (ws) => {
      const outcome = await ws.handle('mutate', { name: 'incident.declare', args: { ...makeIncidentArgs(), name: '  ' } });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.code).toBe('invalid_request');
      expect(outcome.error.issues?.[0]?.path).toBe('params.args.name');
      expect(outcome.error.message).toMatch(/must not be empty/);
      expect(ws.store.pendingCount()).toBe(0);
    });
  });

  it('refuses pasted text with a NUL or a lone surrogate at the edge, naming the field, and writes nothing', async () => {
    await withWorkstation(async (ws) => {
      for (const name of ['Fire\u0000 in ward 3', 'Fire \uD83D']) {
        const outcome = await ws.handle('mutate', { name: 'incident.declare', args: { ...makeIncidentArgs(), name } });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error).toMatchObject({ code: 'invalid_text', params: { field: 'params.args.name' } });
      }
      expect(ws.store.pendingCount()).toBe(0);
    });
  });
});

