import { z } from 'zod';

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
} as const;
