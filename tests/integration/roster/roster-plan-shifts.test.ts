import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import { applyRowDelta, liveReads } from '../../../src/contract/live';
import type { RosterShift } from '../../../src/domain/roster/roster';

const patchShifts = (shifts: RosterShift[], rows: RosterShift[], removed: string[]): RosterShift[] =>
  applyRowDelta({ shifts }, liveReads['roster.plan'].keyed, { rows, removed }).shifts;
import { makeStaffRow } from '../../fixtures/roster';
import { withWorkstation } from '../../fixtures/workstation';

const H = 3_600_000;
const DAY = 24 * H;
const MONDAY_0700 = Date.UTC(2026, 10, 23, 23, 0); // Asia/Shanghai
const range = { from: MONDAY_0700 - 7 * H, to: MONDAY_0700 + 7 * DAY };

const shift = (staffId: string, day: number) => ({
  id: newId(), staffId, unit: 'ED', role: 'nurse' as const, shiftCode: 'D12', start: MONDAY_0700 + day * DAY, end: MONDAY_0700 + day * DAY + 12 * H,
});

async function seed(ws: Workstation) {
  const people = [1, 2, 3].map((n) => makeStaffRow(n, { profession: 'nurse', homeUnit: 'ED' }));
  await ws.call('mutate', { name: 'staff.import', args: { rows: people } });
  const ids = people.map((p) => p.id);
  await ws.call('mutate', { name: 'roster.assignMany', args: { shifts: ids.flatMap((id) => [shift(id, 0), shift(id, 2), shift(id, 4)]) } });
  return ids;
}

/** Runs one mutation and returns the ids its `changed` event names. */
async function changedIds(ws: Workstation, run: () => Promise<unknown>): Promise<string[]> {
  const events: ApiEvent[] = [];
  const stop = ws.subscribe((e) => events.push(e));
  await run();
  stop();
  const changed = events.find((e) => e.type === 'changed');
  return changed && 'ids' in changed ? (changed.ids ?? []) : [];
}

describe('reading only the roster shifts a change names', () => {
  it('gives the plan its shifts in id order', async () => {
    await withWorkstation(async (ws) => {
      await seed(ws);
      const ids = (await ws.call('roster.plan', range)).shifts.map((s) => s.id);
      expect(ids).toHaveLength(9);
      expect(ids).toEqual([...ids].sort());
    });
  });

  it('patched with the named shifts, an earlier plan equals a full read after an assign, a move and an unassign', async () => {
    await withWorkstation(async (ws) => {
      const [a = '', b = ''] = await seed(ws);
      let plan = await ws.call('roster.plan', range);
      const mine = plan.shifts.filter((s) => s.staffId === a);
      const steps: (() => Promise<unknown>)[] = [
        () => ws.call('mutate', { name: 'roster.assign', args: shift(a, 6) }),
        () => ws.call('mutate', { name: 'roster.move', args: { id: mine[1]?.id ?? '', staffId: b, shiftCode: 'D12', start: MONDAY_0700 + 6 * DAY, end: MONDAY_0700 + 6 * DAY + 12 * H } }),
        () => ws.call('mutate', { name: 'roster.unassign', args: { id: mine[0]?.id ?? '' } }),
      ];
      for (const step of steps) {
        const ids = await changedIds(ws, step);
        expect(ids.length).toBeGreaterThan(0);
        const read = await ws.call('roster.planShifts', { ...range, ids });
        const patched = patchShifts(plan.shifts, read.shifts, read.removed);
        const full = await ws.call('roster.plan', range);
        expect(patched).toEqual(full.shifts);
        // Shifts the change did not touch keep their objects, so the grid skips their rows.
        const before = new Map(plan.shifts.map((s) => [s.id, s]));
        expect(patched.filter((s) => before.get(s.id) === s)).toHaveLength(patched.filter((s) => !ids.includes(s.id)).length);
        plan = { ...plan, shifts: patched };
      }
    });
  });

  it('names as removed a shift moved out of the range and any id it holds no shift for', async () => {
    await withWorkstation(async (ws) => {
      const [a = ''] = await seed(ws);
      const [first] = (await ws.call('roster.plan', range)).shifts.filter((s) => s.staffId === a);
      if (!first) throw new Error('no shift');
      const later = MONDAY_0700 + 30 * DAY;
      await ws.call('mutate', { name: 'roster.move', args: { id: first.id, staffId: a, shiftCode: 'D12', start: later, end: later + 12 * H } });
      const unknown = newId();
      expect(await ws.call('roster.planShifts', { ...range, ids: [first.id, unknown] })).toEqual({ shifts: [], removed: [first.id, unknown] });
    });
  });

  it('names as removed a shift the server refused, which the rebase takes back outright', async () => {
    await withWorkstation(async (ws) => {
      const [a = ''] = await seed(ws);
      // The seed as the server confirmed it, so only the refused shift is taken back.
      const confirmed = (['staff', 'rosterShift'] as const).flatMap((kind) =>
        ws.store.list(kind, 'demo-hospital').map((data) => ({ kind, id: data.id, space: data.space, data, version: 1, deleted: false })),
      );
      ws.store.applyServerPage(confirmed, { 'demo-hospital': 1 });
      await ws.store.rebase(ws.store.pending().at(-1)?.mutationId ?? 0, []);
      const plan = await ws.call('roster.plan', range);
      expect(plan.shifts).toHaveLength(9);
      const refused = shift(a, 6);
      const { mutationId } = await ws.call('mutate', { name: 'roster.assign', args: refused });
      const touched = new Set<string>();
      await ws.store.rebase(mutationId, [{ mutationId, code: 'roster_rest', message: 'rest' }], touched);
      expect(touched).toContain(refused.id);
      const read = await ws.call('roster.planShifts', { ...range, ids: [...touched] });
      expect(read).toEqual({ shifts: [], removed: [refused.id] });
      expect(patchShifts(plan.shifts, read.shifts, read.removed)).toEqual((await ws.call('roster.plan', range)).shifts);
    });
  });
});
