import { z } from 'zod';
import { BED_HISTORY_LIMIT, BED_REPORT_WINDOW_MS, BedCountSchema, BedTypeSchema, availableBeds, type BedCount, type BedType } from './beds';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { BedImportArgsSchema } from './bed-import';

const Count = z.number().int().nonnegative().max(100_000);

type BedFigures = { id: string; unit?: string | undefined; type?: BedType | undefined; staffed?: number | undefined; occupied?: number | undefined; surge?: number | undefined };

type Snapshot = BedCount['history'][number];

/**
 * The history after a report. The last point is the previous report (it carries the line's `updatedAt`); when the
 * same person made it less than BED_REPORT_WINDOW_MS ago, the new figures replace it rather than follow it, so a
 * correction typed right after a wrong figure leaves one point, not a spike. Anyone else's report, or a later one,
 * is a point of its own.
 */
export function nextHistory(before: Pick<BedCount, 'history' | 'updatedBy' | 'updatedAt'> | undefined, point: Snapshot, by: string): Snapshot[] {
  const history = before?.history ?? [];
  const last = history.at(-1);
  const correcting = !!before && !!last && last.at === before.updatedAt && before.updatedBy === by && point.at - last.at < BED_REPORT_WINDOW_MS;
  return [...(correcting ? history.slice(0, -1) : history), point].slice(-BED_HISTORY_LIMIT);
}

/** The new state of one bed line after a report: only the figures given change, and the history gains a snapshot. */
async function nextBedCount(tx: Tx, args: BedFigures, ctx: MutationContext): Promise<BedCount> {
  const existing = await tx.get('bedCount', args.id);
  if (existing && existing.space !== ctx.space) throw new DomainError('space_mismatch', `bed line ${args.id} is in another space`);
  if (!existing && (!args.unit || !args.type)) throw new DomainError('invalid_args', 'a new bed line needs a unit and a type', { field: args.unit ? 'type' : 'unit' });
  const zero = { staffed: 0, occupied: 0, available: 0, surge: 0 };
  const before = existing ?? { ...zero, changedAt: { staffed: ctx.at, occupied: ctx.at, available: ctx.at, surge: ctx.at }, history: [] };
  const staffed = args.staffed ?? before.staffed;
  const occupied = args.occupied ?? before.occupied;
  const surge = args.surge ?? before.surge;
  const available = availableBeds(staffed, occupied);
  const stamp = (now: number, then: number, changed: boolean) => (changed || !existing ? now : then);
  return {
    id: args.id,
    space: ctx.space,
    unit: args.unit ?? existing?.unit ?? '',
    type: args.type ?? existing?.type ?? 'medical_surgical',
    staffed,
    occupied,
    available,
    surge,
    changedAt: {
      staffed: stamp(ctx.at, before.changedAt.staffed, args.staffed !== undefined && args.staffed !== before.staffed),
      occupied: stamp(ctx.at, before.changedAt.occupied, args.occupied !== undefined && args.occupied !== before.occupied),
      available: stamp(ctx.at, before.changedAt.available, available !== before.available),
      surge: stamp(ctx.at, before.changedAt.surge, args.surge !== undefined && args.surge !== before.surge),
    },
    updatedBy: ctx.actor.userId,
    updatedAt: ctx.at,
    history: nextHistory(existing, { at: ctx.at, staffed, occupied, available, surge }, ctx.actor.userId),
  };
}

export const bedMutators = {
  /**
   * Unit staff report their figures. Only the figures given change (so two people updating different figures
   * both win); a new line needs its unit and type.
   */
  'bed.update': defineMutator(
    z.strictObject({
      id: IdSchema,
      unit: BedCountSchema.shape.unit.optional(),
      type: BedTypeSchema.optional(),
      staffed: Count.optional(),
      occupied: Count.optional(),
      surge: Count.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await tx.put('bedCount', await nextBedCount(tx, args, ctx));
    },
  ),

  /**
   * Figures from a file: lines are matched by unit and type and created when new. Every row is checked before the
   * first write, so a bad file changes nothing.
   */
  'bed.import': defineMutator(BedImportArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const seen = new Set<string>();
    args.rows.forEach((row, index) => {
      const key = `${row.unit}\u0000${row.type}`;
      if (seen.has(key)) throw new DomainError('invalid_args', `row ${index + 2}: ${row.unit} ${row.type} appears twice`, { row: index + 2 });
      seen.add(key);
    });
    const lines = new Map((await tx.query('bedCount', ctx.space)).map((b) => [`${b.unit}\u0000${b.type}`, b]));
    for (const row of args.rows) {
      const existing = await tx.get('bedCount', row.id);
      if (existing && lines.get(`${row.unit}\u0000${row.type}`)?.id !== row.id) throw new DomainError('already_exists', `bed line ${row.id} exists`, { id: row.id });
    }
    for (const row of args.rows) {
      const line = lines.get(`${row.unit}\u0000${row.type}`);
      await tx.put('bedCount', await nextBedCount(tx, { ...row, id: line?.id ?? row.id }, ctx));
    }
  }),
};
