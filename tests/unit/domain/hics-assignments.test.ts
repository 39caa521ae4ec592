import { describe, expect, it } from 'vitest';
import { activatedPositions, keyVacancies, positionsOfPerson } from '../../../src/domain/incidents/assignments';
import { findPosition, hicsPositions, keyPositionIds, positionPath } from '../../../src/domain/hics';
import { newId } from '../../../src/domain/ids';
import { boardWorld } from './board-fixture';

describe('the HICS position tree', () => {
  it('has unique ids, every parent exists, and every position is named in both languages', () => {
    const ids = hicsPositions.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of hicsPositions) {
      if (p.parentId !== null) expect(findPosition(p.parentId), p.id).toBeDefined();
      expect(p.name.en.length, p.id).toBeGreaterThan(0);
      expect(p.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('puts the command staff and the four section chiefs directly under the Incident Commander', () => {
    const underIc = hicsPositions.filter((p) => p.parentId === 'ic').map((p) => p.id);
    expect(underIc).toEqual(expect.arrayContaining(['pio', 'liaison', 'safety', 'med-tech', 'ops', 'planning', 'logistics', 'finance']));
    expect(positionPath('ops.medical-care.inpatient').map((p) => p.id)).toEqual(['ic', 'ops', 'ops.medical-care', 'ops.medical-care.inpatient']);
  });
});

describe('assignments', () => {
  it('flags the key positions nobody holds, and lets one person hold several', async () => {
    const { tx, incidentId, run } = await boardWorld();
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ic', person: 'Dr Zhang' });
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'planning', person: 'Dr Zhang' });
    const all = await tx.query('assignment', 'demo-hospital');
    expect(keyVacancies(all, 1)).toEqual(['ops', 'logistics', 'finance']);
    expect(positionsOfPerson(all, 1, 'dr zhang')).toEqual(['ic', 'planning']);
    expect(keyVacancies(all, 2)).toEqual([...keyPositionIds]);
  });

  it('shows a staffed unit with its chain of command, and hides the rest', async () => {
    const { tx, incidentId, run } = await boardWorld();
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'logistics.support.supply', person: 'Li Na' });
    const shown = activatedPositions(await tx.query('assignment', 'demo-hospital'), 1);
    expect([...shown].sort()).toEqual(['ic', 'logistics', 'logistics.support', 'logistics.support.supply']);
  });

  it('vacates a position when its holder is released', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const id = newId();
    await run('assignment.assign', { id, incidentId, period: 1, positionId: 'ic', person: 'Dr Zhang' });
    await run('assignment.release', { id });
    expect(keyVacancies(await tx.query('assignment', 'demo-hospital'), 1)).toContain('ic');
    await expect(run('assignment.release', { id })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses the same person twice in one position, and periods that have ended', async () => {
    const { incidentId, run, command } = await boardWorld();
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ops', person: 'Dr Liu' });
    await expect(run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ops', person: 'dr liu' })).rejects.toMatchObject({
      code: 'already_exists',
    });
    await command('incident.startPeriod', { id: incidentId, period: 2 });
    await expect(run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ops', person: 'Dr Ma' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await run('assignment.assign', { id: newId(), incidentId, period: 3, positionId: 'ops', person: 'Dr Ma' });
  });

  it('refuses a position that is not in the tree', async () => {
    const { incidentId, run } = await boardWorld();
    await expect(run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'chief-of-everything', person: 'x' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
  });
});
