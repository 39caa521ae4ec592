import { z } from 'zod';
import { MAX_CHANGED_IDS } from './changed-ids';
import { BedCountSchema, BedSummaryRowSchema, BedTypeSchema } from '../domain/resources/beds';
import { IdSchema } from '../domain/ids';
import { AccountingLineSchema, ResourceRequestSchema } from '../domain/resources/resource-requests';
import { StockItemSchema, StoreSchema } from '../domain/resources/stock';
import { StockRowSchema, StockTotalSchema, TrendPointSchema } from '../domain/resources/stock-calculations';
import { ReserveBasisSchema, ReserveRowSchema } from '../domain/resources/reserves';
import { ReserveLevelSchema } from '../domain/resources/reserve-settings';

const WindowDays = z.number().int().min(1).max(30).default(7);

/**
 * The resources feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'resources.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const resourcesApi = {
  /** The catalogue alone, retired entries included: the editors and the receive form, without the holdings. */
  'resources.catalogue': {
    params: z.strictObject({}),
    result: z.object({ items: z.array(StockItemSchema), stores: z.array(StoreSchema) }),
  },
  /** Every holding with burn rate over `windowDays`, days on hand and colour; the catalogue; totals. */
  'resources.stock': {
    params: z.strictObject({ windowDays: WindowDays }),
    result: z.object({
      rows: z.array(StockRowSchema),
      items: z.array(StockItemSchema),
      stores: z.array(StoreSchema),
      byCategory: z.array(StockTotalSchema),
      byStore: z.array(StockTotalSchema),
    }),
  },
  /**
   * Only the holdings among `ids` (from a `changed` event), for live updates of a large grid; `removed` names
   * every other id: holdings deleted, or taken back when the server refused their creation, and ids of other
   * kinds (removing those removes nothing).
   */
  'resources.stockRows': {
    params: z.strictObject({ windowDays: WindowDays, ids: z.array(z.string().max(100)).max(MAX_CHANGED_IDS) }),
    result: z.object({ rows: z.array(StockRowSchema), removed: z.array(z.string()) }),
  },
  /** Daily closing quantity and use of one item (all its holdings, or one store's). */
  'resources.trend': {
    params: z.strictObject({ item: z.string().min(1).max(100), days: z.number().int().min(1).max(60).default(14) }),
    result: z.array(TrendPointSchema),
  },
  'resources.beds': {
    params: z.strictObject({}),
    result: z.object({ beds: z.array(BedCountSchema), summary: z.array(BedSummaryRowSchema) }),
  },
  /** Requests (HICS 213RR) and the Resource Accounting Record (HICS 257) derived from their fills. */
  'resources.requests': {
    params: z.strictObject({}),
    result: z.object({ requests: z.array(ResourceRequestSchema), accounting: z.array(AccountingLineSchema) }),
  },
  /**
   * Every item's reserve against its quota at `level` (the screen passes its current incident's response level, or
   * `standing`), with lots, expiry flags, days of supply and the burn rate's source.
   */
  /**
   * Each item's reserve against the quotas in force: the higher of the incident's response level (null: none
   * chosen) and the level the hospital maps its highest verified warning to, else the standing reserve; `basis` says which.
   */
  'resources.reserves': {
    params: z.strictObject({ incidentId: IdSchema.nullable() }),
    result: z.object({ level: ReserveLevelSchema, basis: ReserveBasisSchema, rows: z.array(ReserveRowSchema) }),
  },
  /**
   * For the wall display, in one read so a stock change costs the wall one: available beds by type, the red
   * holdings, each with its unit (no bare numbers), and the items short of the reserve quotas in force for
   * `incidentId` (as `resources.reserves` decides them), red first, with how many items have a quota at all.
   */
  'resources.summary': {
    params: z.strictObject({ incidentId: IdSchema.nullable() }),
    result: z.object({
      bedsAvailable: z.array(z.object({ type: BedTypeSchema, available: z.number(), staffed: z.number() })),
      redStock: z.array(z.object({ id: IdSchema, item: z.string(), store: z.string(), qty: z.number(), unit: z.string() })),
      reserves: z.object({
        withQuota: z.number(),
        short: z.array(z.object({ itemId: IdSchema, item: z.string(), onHand: z.number(), required: z.number(), unit: z.string(), status: z.enum(['yellow', 'red']) })),
      }),
    }),
  },
} as const;
