import { z } from 'zod';
import { requirePermission } from '../mutation-guards';
import { defineMutator } from '../mutation';
import { BasePlaceIdSchema, DistrictWarningLevelSchema, NeighbourBedsSchema, placeRecordId } from './map-region';

/** Region status the room keeps on the map: district warning levels and neighbours' available beds. */
export const mapRegionMutators = {
  // The warning level is a command decision (it changes who the room diverts where), so it needs command rights.
  'map.setDistrictWarning': defineMutator(
    z.strictObject({ districtId: BasePlaceIdSchema, level: DistrictWarningLevelSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.command');
      const id = placeRecordId(ctx.space, 'districtWarning', args.districtId);
      await tx.put('districtWarning', { id, space: ctx.space, districtId: args.districtId, level: args.level, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
    },
  ),

  /**
   * Hands a district back to the warnings: its hand-set level no longer stands, and the map shows the highest
   * warning grade in force there (warning/district-levels.ts). Clearing a district never set changes nothing.
   */
  'map.clearDistrictWarning': defineMutator(z.strictObject({ districtId: BasePlaceIdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const id = placeRecordId(ctx.space, 'districtWarning', args.districtId);
    if (await tx.get('districtWarning', id)) await tx.del('districtWarning', id);
  }),

  'map.reportNeighbourBeds': defineMutator(
    z.strictObject({ hospitalId: BasePlaceIdSchema, available: NeighbourBedsSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const id = placeRecordId(ctx.space, 'neighbourHospital', args.hospitalId);
      await tx.put('neighbourHospital', { id, space: ctx.space, hospitalId: args.hospitalId, available: args.available, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
    },
  ),
};
