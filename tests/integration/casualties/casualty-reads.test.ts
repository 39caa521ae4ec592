import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/contract/live';
import type { CasualtyCountsView } from '../../../src/contract/casualty-api';
import { casualtyId } from '../../../src/domain/casualties/casualties';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

describe('casualty reads on a workstation', () => {
  it('lists an incident\'s casualties in order of arrival with their re-triage history, and counts them by category and disposition', async () => {
    await withWorkstation(async (ws) => {
      const incident = makeIncidentArgs();
      const other = makeIncidentArgs({ name: 'Chemical spill' });
      await ws.call('mutate', { name: 'incident.declare', args: incident });
      await ws.call('mutate', { name: 'incident.declare', args: other });
      const at = Date.UTC(2026, 10, 26, 6, 30);
      await ws.call('mutate', { name: 'casualty.register', args: { incidentId: incident.id, tagNo: 'HZ-0002', category: 'delayed', area: 'Yellow', arrivedAt: at + 60_000, name: '张三' } });
      await ws.call('mutate', { name: 'casualty.register', args: { incidentId: incident.id, tagNo: 'HZ-0001', category: 'immediate', area: 'Resus 1', arrivedAt: at } });
      await ws.call('mutate', { name: 'casualty.registerBatch', args: { incidentId: incident.id, tagNos: ['G-1', 'G-2', 'G-3'], category: 'minor', area: 'Green', arrivedAt: at + 120_000 } });
      await ws.call('mutate', { name: 'casualty.register', args: { incidentId: other.id, tagNo: 'X-1', category: 'minor', area: 'Green' } });
      const id = casualtyId(SPACE, incident.id, 'HZ-0002');
      await ws.call('mutate', { name: 'casualty.retriage', args: { id, category: 'immediate' } });
      await ws.call('mutate', { name: 'casualty.dispose', args: { id: casualtyId(SPACE, incident.id, 'G-1'), code: 'discharged' } });
      await ws.call('mutate', { name: 'casualty.dispose', args: { id: casualtyId(SPACE, incident.id, 'G-2'), code: 'transferred', destination: '市第二人民医院' } });

      const { casualties } = await ws.call('casualty.list', { incidentId: incident.id });
      expect(casualties.map((c) => c.tagNo)).toEqual(['HZ-0001', 'HZ-0002', 'G-1', 'G-2', 'G-3']);
      expect(casualties[1]).toMatchObject({ triage: { category: 'immediate' }, retriage: [{ category: 'delayed' }], name: '张三' });

      const counts = await ws.call('casualty.counts', { incidentId: incident.id });
      expect(counts).toMatchObject({
        total: 5,
        byCategory: { immediate: 2, delayed: 0, minor: 3, expectant: 0, dead: 0 },
        byDisposition: { in_care: 3, discharged: 1, transferred: 1, admitted: 0, surgery: 0, morgue: 0 },
      });
      expect(counts.recent.map((r) => r.tagNo)).toEqual(['G-3', 'G-2', 'G-1', 'HZ-0002', 'HZ-0001']);
      // The counts read is what walls show: it carries no name at all.
      expect(JSON.stringify(counts)).not.toContain('张三');
    });
  });

  it('generates tags with this desk\'s own prefix after the highest it holds, counting entries not yet synced', async () => {
    await withWorkstation(async (ws) => {
      const incident = makeIncidentArgs();
      await ws.call('mutate', { name: 'incident.declare', args: incident });
      const { clientId } = await ws.call('app.info', {});
      const prefix = clientId.replace(/[^A-Za-z0-9]/g, '').slice(0, 4).toUpperCase();
      const first = await ws.call('casualty.nextTags', { incidentId: incident.id, count: 3 });
      expect(first.tagNos).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);
      await ws.call('mutate', { name: 'casualty.registerBatch', args: { incidentId: incident.id, tagNos: first.tagNos, category: 'minor', area: 'Green' } });
      expect((await ws.call('casualty.nextTags', { incidentId: incident.id })).tagNos).toEqual([`${prefix}-4`]);
      await expect(ws.call('casualty.nextTags', { incidentId: incident.id, count: 0 })).rejects.toMatchObject({ error: { code: 'invalid_request', issues: [{ path: 'params.count' }] } });
    });
  });

  it('takes a name entered by mistake off the record when the desk sends it empty', async () => {
    await withWorkstation(async (ws) => {
      const incident = makeIncidentArgs();
      await ws.call('mutate', { name: 'incident.declare', args: incident });
      await ws.call('mutate', { name: 'casualty.register', args: { incidentId: incident.id, tagNo: 'N-1', category: 'minor', area: 'Green', name: '王五' } });
      await ws.call('mutate', { name: 'casualty.update', args: { id: casualtyId(SPACE, incident.id, 'N-1'), name: '' } });
      const { casualties } = await ws.call('casualty.list', { incidentId: incident.id });
      expect(JSON.stringify(casualties)).not.toContain('王五');
    });
  });

  it('keeps the counts read live: a new arrival pushes new counts', async () => {
    await withWorkstation(async (ws) => {
      const incident = makeIncidentArgs();
      await ws.call('mutate', { name: 'incident.declare', args: incident });
      const events: LiveEvent[] = [];
      const live = ws.connect((event) => events.push(event));
      const outcome = await ws.handle('live.subscribe', { queryId: 'counts', method: 'casualty.counts', params: { incidentId: incident.id } }, { live });
      expect(outcome.ok).toBe(true);
      await ws.call('mutate', { name: 'casualty.register', args: { incidentId: incident.id, tagNo: 'R-1', category: 'immediate', area: 'Resus 1' } });
      await expect.poll(() => (events.at(-1)?.result as CasualtyCountsView | undefined)?.byCategory.immediate).toBe(1);
    });
  });
});
