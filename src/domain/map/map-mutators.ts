import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { GeometrySchema } from './map-geometry';
import {
  geometryFits,
  MapFeatureCategorySchema,
  MapFeatureNameSchema,
  MapFeatureNoteSchema,
  ZoneTypeSchema,
  type MapFeature,
} from './map-features';

async function existingFeature(tx: Tx, id: string, ctx: MutationContext): Promise<MapFeature> {
  const feature = await tx.get('mapFeature', id);
  if (!feature) throw new DomainError('not_found', `map feature ${id} does not exist`, { id });
  if (feature.space !== ctx.space) throw new DomainError('space_mismatch', `map feature ${id} is in another space`);
  // Marks of a closed incident are its record: they stay as they were when it closed.
  if (feature.incidentId) await openIncident(tx, feature.incidentId, ctx);
  return feature;
}

function requireFit(feature: Pick<MapFeature, 'category' | 'geometry'>): void {
  if (!geometryFits(feature.category, feature.geometry)) {
    throw new DomainError('map_geometry_mismatch', `a ${feature.category} cannot be a ${feature.geometry.type}`, {
      category: feature.category,
      geometry: feature.geometry.type,
    });
  }
}

/** A custom zone says what it is; no other category carries a made-up type, so lists and labels agree. */
function requireZoneType(feature: Pick<MapFeature, 'category' | 'zoneType'>): void {
  const custom = feature.category === 'zone_custom';
  if (custom !== (feature.zoneType !== undefined)) {
    throw new DomainError(
      'map_zone_type',
      custom ? 'a custom zone needs its type named' : `a ${feature.category} has no custom zone type`,
      { category: feature.category },
    );
  }
}

export const mapMutators = {
  'map.addFeature': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema.optional(),
      category: MapFeatureCategorySchema,
      zoneType: ZoneTypeSchema.optional(),
      name: MapFeatureNameSchema,
      note: MapFeatureNoteSchema.default(''),
      geometry: GeometrySchema,
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      if (await tx.get('mapFeature', args.id)) throw new DomainError('already_exists', `map feature ${args.id} already exists`, { id: args.id });
      if (args.incidentId) await openIncident(tx, args.incidentId, ctx);
      requireFit(args);
      requireZoneType(args);
      await tx.put('mapFeature', { ...args, space: ctx.space, createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at });
    },
  ),

  // Only the fields given change, so one desk renaming a zone and another moving it both take effect.
  'map.updateFeature': defineMutator(
    z.strictObject({
      id: IdSchema,
      category: MapFeatureCategorySchema.optional(),
      zoneType: ZoneTypeSchema.optional(),
      name: MapFeatureNameSchema.optional(),
      note: MapFeatureNoteSchema.optional(),
      geometry: GeometrySchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const feature = await existingFeature(tx, args.id, ctx);
      const { zoneType: previousType, ...rest } = feature;
      // A zone turned from custom into a standard kind drops its made-up type unless the change names one.
      const zoneType = args.zoneType ?? (args.category === undefined || args.category === 'zone_custom' ? previousType : undefined);
      const next: MapFeature = {
        ...rest,
        ...(zoneType !== undefined ? { zoneType } : {}),
        ...(args.category !== undefined ? { category: args.category } : {}),
        ...(args.name !== undefined ? { name: args.name } : {}),
        ...(args.note !== undefined ? { note: args.note } : {}),
        ...(args.geometry !== undefined ? { geometry: args.geometry } : {}),
        updatedAt: ctx.at,
      };
      requireFit(next);
      requireZoneType(next);
      await tx.put('mapFeature', next);
    },
  ),

  'map.removeFeature': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await existingFeature(tx, args.id, ctx);
    await tx.del('mapFeature', args.id);
  }),
};
