import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';

const MINUTE = 60_000;
const H = 60 * MINUTE;
const DAY1_0700 = Date.UTC(2026, 10, 23, 23, 0); // 07:00 in Asia/Shanghai

describe('coverage read on a real SQLite file', () => {
  it('counts a labour-pool check-in at once for a screen whose minute is one behind the clock', async () => {
    let clock = DAY1_0700 + 2 * H + 30 * MINUTE + 50_000;
    await withWorkstation(
      async (ws) => {
        const nurse = makeStaffRow(1, { profession: 'nurse', homeUnit: 'ED', department: 'ED' });
        await ws.call('mutate', { name: 'staff.import', args: { rows: [nurse] } });
        await ws.call('mutate', { name: 'roster.setRequirement', args: { id: newId(), unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 1 } });
        const incident = makeIncidentArgs();
        await ws.call('mutate', { name: 'incident.declare', args: incident });
        // A wall opened at 09:30:50 asks for 09:30; its next tick was held back, so at 09:31:40 it still asks for 09:30.
        const screenMinute = Math.floor(clock / MINUTE) * MINUTE;
        clock += 50_000;
        await ws.call('mutate', { name: 'pool.checkIn', args: { id: newId(), incidentId: incident.id, staffId: nurse.id } });
        const current = (await ws.call('roster.coverage', { at: screenMinute })).find((r) => r.phase === 'current');
        expect(current).toMatchObject({ unit: 'ED', shiftCode: 'D12', pooled: 1, gap: 0 });
        // A screen looking back an hour sees the pool as it stood then: nobody.
        const earlier = (await ws.call('roster.coverage', { at: screenMinute - H })).find((r) => r.phase === 'current');
        expect(earlier).toMatchObject({ pooled: 0, gap: 1 });
      },
      { now: () => clock },
    );
  });
});
