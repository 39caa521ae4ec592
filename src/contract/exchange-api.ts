import { z } from 'zod';
import { IdSchema } from '../domain/ids';

/**
 * Standard exchange (EDXL) methods, spread into the workstation API (src/contract/api.ts). Documents are built
 * and validated against the OASIS schema in the workstation core, where xmllint can run; the renderer only
 * saves the text it is given.
 */
export const exchangeApi = {
  /**
   * This space's EDXL-HAVE 1.0 HospitalStatus, already validated against have.xsd. A document the schema
   * refuses is never returned: `schema_invalid` with xmllint's message, or `validator_unavailable`.
   */
  'exchange.haveExport': {
    params: z.strictObject({}),
    result: z.object({ fileName: z.string(), xml: z.string() }),
  },
  /**
   * A verified alert (an issued warning) as a CAP 1.2 alert in Chinese and English, validated against
   * CAP-v1.2.xsd: `Alert` once verified, `Update` once an incident was opened on it, `Cancel` once dismissed after
   * verification. An alert nobody verified is refused (`alert_not_issued`); `schema_invalid` and
   * `validator_unavailable` as for HAVE.
   */
  'exchange.capExport': {
    params: z.strictObject({ alertId: IdSchema }),
    result: z.object({ fileName: z.string(), xml: z.string(), msgType: z.enum(['Alert', 'Update', 'Cancel']) }),
  },
} as const;
