import { describe, expect, it } from 'vitest';
import { methods } from '../../../src/contract/api';
import { MAX_REQUEST_BYTES } from '../../../src/contract/wire';
import { mutationNames } from '../../../src/domain/mutators';
import type { Workstation } from '../../../src/workstation/workstation';
import { withWorkstation } from '../../fixtures/workstation';

const huge = 'x'.repeat(MAX_REQUEST_BYTES + 1);

/** Payloads no method accepts: wrong shapes, unknown fields, and one too large to parse. */
const malformed: readonly [string, unknown][] = [
  ['a string', 'incident'],
  ['a number', 42],
  ['an array', [1, 2, 3]],
  ['an unknown field', { unexpected: true, name: 'x' }],
  ['an oversized payload', { name: huge }],
  ['a prototype-pollution attempt', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')],
];

function snapshot(ws: Workstation) {
  return {
    pending: ws.store.pendingCount(),
    settings: ws.store.getMeta('settings') ?? null,
    incidents: ws.store.list('incident', 'demo-hospital').length,
  };
}

describe('every contract method refuses malformed and oversized payloads', () => {
  for (const method of methods) {
    it.each(malformed)(`${method} refuses %s with a named error and writes nothing`, async (_label, params) => {
      await withWorkstation(async (ws) => {
        const before = snapshot(ws);
        const outcome = await ws.handle(method, params);
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(['invalid_request', 'payload_too_large']).toContain(outcome.error.code);
        expect(outcome.error.message.length).toBeGreaterThan(0);
        expect(snapshot(ws)).toEqual(before);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      });
    });
  }

  it.each(mutationNames)('mutate %s refuses arguments that break its schema, naming the field', async (name) => {
    await withWorkstation(async (ws) => {
      const outcome = await ws.handle('mutate', { name, args: { id: 'not-a-uuid' } });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.code).toBe('invalid_request');
      const paths = outcome.error.issues?.map((i) => i.path) ?? [];
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(path).toMatch(/^params\.args/);
      expect(ws.store.pendingCount()).toBe(0);
    });
  });

  it('refuses an unknown method and an unknown mutation by name', async () => {
    await withWorkstation(async (ws) => {
      expect(await ws.handle('drop.tables', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(await ws.handle('mutate', { name: 'incident.delete', args: {} })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    });
  });

  it('refuses params that are not JSON data', async () => {
    await withWorkstation(async (ws) => {
      const cyclic: Record<string, unknown> = {};
      cyclic['self'] = cyclic;
      expect(await ws.handle('settings.update', cyclic)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    });
  });
});
