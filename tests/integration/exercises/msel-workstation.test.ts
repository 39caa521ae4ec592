import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { scenarios } from '../../../src/domain/exercises/scenarios';
import { withWorkstation } from '../../fixtures/workstation';

describe('the MSEL on a desk in a hospital space', () => {
  it('refuses to write injects there, on the desk itself, and shows no MSEL even beside an exercise record', async () => {
    await withWorkstation(async (ws) => {
      const exerciseId = newId();
      await ws.call('mutate', { name: 'exercise.create', args: { id: exerciseId, name: 'Named like a drill', type: 'tabletop' } });
      const injects = scenarios['bus-crash-tabletop'].en.injects.map((inject) => ({ ...inject, id: newId() }));
      await expect(ws.call('mutate', { name: 'inject.import', args: { exerciseId, injects } })).rejects.toMatchObject({ error: { code: 'not_exercise_space' } });
      const shown = await ws.call('msel.get', {});
      expect(shown).toMatchObject({ space: { kind: 'hospital' }, exercise: null, injects: [] });
    });
  });
});
