import { z } from 'zod';
import { ResponseLevelMapSchema } from '../domain/warning/response-levels';

/** The space's early-warning settings, spread into the workstation API (src/contract/api.ts). */
export const warningSettingsApi = {
  /**
   * Which response level each warning grade opens an incident at in this space; the defaults (red I … blue IV)
   * until someone with command rights sets them (`warning.setResponseLevels`), then who set them and when.
   */
  'warning.responseLevels': {
    params: z.strictObject({}),
    result: z.object({ levels: ResponseLevelMapSchema, isDefault: z.boolean(), updatedAt: z.number().optional(), updatedBy: z.string().optional() }),
  },
} as const;
