import { z } from 'zod';
import { requirePermission } from '../mutation-guards';
import { defineMutator } from '../mutation';
import { ResponseLevelMapSchema, warningSettingsId } from './response-levels';

export const responseLevelMutators = {
  /**
   * The hospital's mapping from warning grade to response level. A command decision (it decides how large an
   * incident a warning opens), so it needs command rights; the whole mapping is set at once, so two desks' edits
   * never mix into a mapping nobody chose (the later one wins whole).
   */
  'warning.setResponseLevels': defineMutator(z.strictObject({ levels: ResponseLevelMapSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    await tx.put('warningSettings', { id: warningSettingsId(ctx.space), space: ctx.space, responseLevels: args.levels, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
  }),
};
