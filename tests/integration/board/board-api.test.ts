import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/contract/errors';
import { newId } from '../../../src/domain/ids';
import { withWorkstation } from '../../fixtures/workstation';
import { makeIncidentArgs } from '../../fixtures/workstation';

describe('the board read API on a real SQLite file', () => {
  it('returns one incident’s board, with this workstation’s pending work, and nothing of other incidents', async () => {
    await withWorkstation(async (ws) => {
      const mine = makeIncidentArgs({ type: 'mass_casualty' });
      const other = makeIncidentArgs({ name: 'Other' });
      await ws.call('mutate', { name: 'incident.declare', args: mine });
      await ws.call('mutate', { name: 'incident.declare', args: other });
      const tasks = [newId(), newId()];
      await ws.call('mutate', {
        name: 'jas.instantiate',
        args: { id: newId(), incidentId: mine.id, positionId: 'ic', language: 'en', items: [{ itemId: 'i1', taskId: tasks[0] ?? '' }, { itemId: 'i2', taskId: tasks[1] ?? '' }] },
      });
      await ws.call('mutate', { name: 'assignment.assign', args: { id: newId(), incidentId: mine.id, period: 1, positionId: 'ic', person: 'Dr Zhang' } });
      await ws.call('mutate', { name: 'log.append', args: { id: newId(), incidentId: other.id, text: 'not mine' } });

      const board = await ws.call('board.get', { incidentId: mine.id });
      expect(board.incident.id).toBe(mine.id);
      expect(board.tasks.map((t) => t.id).sort()).toEqual([...tasks].sort());
      expect(board.assignments).toHaveLength(1);
      expect(board.logEntries).toHaveLength(0);
      expect(board.deadlines.map((d) => d.id)).toEqual([mine.id]);

      const timeline = await ws.call('timeline.get', { incidentId: mine.id });
      expect(timeline.map((i) => i.type)).toEqual(['declared', 'assigned']);
    });
  });

  it('refuses a board for an incident that does not exist', async () => {
    await withWorkstation(async (ws) => {
      const error = await ws.call('board.get', { incidentId: newId() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).error.code).toBe('not_found');
    });
  });

  it('serves the job action sheets in both languages', async () => {
    await withWorkstation(async (ws) => {
      const sheets = await ws.call('jas.templates', {});
      const ic = sheets.filter((s) => s.positionId === 'ic').map((s) => s.language).sort();
      expect(ic).toEqual(['en', 'zh-CN']);
    });
  });
});
