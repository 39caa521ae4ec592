import { z } from 'zod';
import { ExpiryDateSchema, isExpired, isExpiringSoon, usableQty, type Lot } from './lots';
import { ReserveLevelSchema, ReserveQuotaSchema, type ItemReserve, type ParLevels, type ReserveLevel, type ReserveQuota } from './reserve-settings';
import { StockCategorySchema } from './stock';

const DAY_MS = 86_400_000;

/** Burn over the last week: long enough to smooth a day's spike, short enough to follow an incident's surge. */
export const BURN_WINDOW_DAYS = 7;

/** Lots flagged as expiring within this many days: time to rotate them into daily use and reorder (wave-2 §5). */
export const EXPIRING_SOON_DAYS = 90;

export const BurnSourceSchema = z.enum(['history', 'planned', 'none']);
export type BurnSource = z.infer<typeof BurnSourceSchema>;

type Move = { at: number; kind: string; qty: number };

/**
 * Units used per day: the issues and request fills of the last `BURN_WINDOW_DAYS`, or the planned rate when there
 * were none. `source` says which, so a screen never passes a plan off as measured use.
 */
export function itemBurn(levels: readonly { history?: readonly Move[] | undefined }[], planned: number | undefined, at: number): { perDay: number; source: BurnSource } {
  const since = at - BURN_WINDOW_DAYS * DAY_MS;
  let used = 0;
  for (const level of levels) {
    for (const move of level.history ?? []) if ((move.kind === 'issue' || move.kind === 'fill') && move.at > since && move.at <= at) used += move.qty;
  }
  if (used > 0) return { perDay: used / BURN_WINDOW_DAYS, source: 'history' };
  if (planned !== undefined) return { perDay: planned, source: 'planned' };
  return { perDay: 0, source: 'none' };
}

/** Days the stock lasts at `perDay`; null when nothing is used (it lasts, as far as anyone can say). */
export function daysOfSupply(onHand: number, perDay: number): number | null {
  return perDay > 0 ? onHand / perDay : null;
}

/** The units a quota asks for; a quota in days of an item nobody uses asks for none. */
export function requiredQty(quota: ReserveQuota, perDay: number): number {
  return quota.basis === 'units' ? quota.amount : Math.ceil(quota.amount * perDay);
}

export const ReserveStatusSchema = z.enum(['green', 'yellow', 'red']);
export type ReserveStatus = z.infer<typeof ReserveStatusSchema>;

/** Green at or above the quota, yellow from half of it, red below half (wave-2 §5); a zero quota is always met. */
export function reserveStatus(onHand: number, required: number): ReserveStatus {
  if (onHand >= required) return 'green';
  return onHand * 2 >= required ? 'yellow' : 'red';
}

/** The quota in force at a level: that level's own, else the standing reserve, which every level keeps at least. */
export function quotaAt(reserve: ItemReserve | undefined, level: ReserveLevel): { quota: ReserveQuota; from: ReserveLevel } | null {
  const own = reserve?.quotas[level];
  if (own) return { quota: own, from: level };
  const standing = reserve?.quotas.standing;
  return standing ? { quota: standing, from: 'standing' } : null;
}

export const ReserveLotSchema = z.object({
  holdingId: z.string(),
  store: z.string(),
  lotNo: z.string(),
  expiresOn: ExpiryDateSchema.optional(),
  qty: z.number(),
  expired: z.boolean(),
  expiringSoon: z.boolean(),
});

export const ReserveHoldingSchema = z.object({
  id: z.string(),
  store: z.string(),
  qty: z.number(),
  usable: z.number(),
  par: z.number().nullable(),
  reorderAt: z.number().nullable(),
  /** At or below the reorder point (usable stock: an expired box is no stock). */
  reorder: z.boolean(),
});

export const ReserveRowSchema = z.object({
  itemId: z.string(),
  item: z.string(),
  category: StockCategorySchema,
  unit: z.string(),
  /** The quota in force at the level asked for, and the level it was set for (the standing one as fallback). */
  quota: ReserveQuotaSchema.nullable(),
  quotaFrom: ReserveLevelSchema.nullable(),
  quotas: z.partialRecord(ReserveLevelSchema, ReserveQuotaSchema),
  plannedBurnPerDay: z.number().nullable(),
  required: z.number().nullable(),
  /** Every store's stock of the item less expired lots: expired stock is no reserve. */
  onHand: z.number(),
  expired: z.number(),
  expiringSoon: z.number(),
  burnPerDay: z.number(),
  burnSource: BurnSourceSchema,
  daysOfSupply: z.number().nullable(),
  /** Null without a quota at this level: nothing to be short of. */
  status: ReserveStatusSchema.nullable(),
  lots: z.array(ReserveLotSchema),
  holdings: z.array(ReserveHoldingSchema),
});
export type ReserveRow = z.infer<typeof ReserveRowSchema>;

type ReserveItem = { id: string; name: string; category: z.infer<typeof StockCategorySchema>; unit: string; retiredAt?: number | undefined; reserve?: ItemReserve | undefined };
type ReserveHolding = { id: string; item: string; store: string; qty: number; lots?: Lot[] | undefined; parLevels?: ParLevels | undefined; history?: Move[] | undefined };

/** One row per catalogue item in service: the hospital's reserve of it against the quota in force at `level`. */
export function reserveRows(levels: readonly ReserveHolding[], items: readonly ReserveItem[], level: ReserveLevel, at: number): ReserveRow[] {
  const byItem = new Map<string, ReserveHolding[]>();
  for (const holding of levels) byItem.set(holding.item, [...(byItem.get(holding.item) ?? []), holding]);
  return items
    .filter((item) => item.retiredAt === undefined)
    .map((item) => {
      const holdings = byItem.get(item.name) ?? [];
      const onHand = holdings.reduce((n, h) => n + usableQty(h, at), 0);
      const total = holdings.reduce((n, h) => n + h.qty, 0);
      const burn = itemBurn(holdings, item.reserve?.plannedBurnPerDay, at);
      const inForce = quotaAt(item.reserve, level);
      const required = inForce ? requiredQty(inForce.quota, burn.perDay) : null;
      const lots = holdings.flatMap((h) =>
        (h.lots ?? []).map((lot) => ({
          holdingId: h.id,
          store: h.store,
          lotNo: lot.lotNo,
          ...(lot.expiresOn ? { expiresOn: lot.expiresOn } : {}),
          qty: lot.qty,
          expired: isExpired(lot, at),
          expiringSoon: isExpiringSoon(lot, at, EXPIRING_SOON_DAYS),
        })),
      );
      return {
        itemId: item.id,
        item: item.name,
        category: item.category,
        unit: item.unit,
        quota: inForce?.quota ?? null,
        quotaFrom: inForce?.from ?? null,
        quotas: item.reserve?.quotas ?? {},
        plannedBurnPerDay: item.reserve?.plannedBurnPerDay ?? null,
        required,
        onHand,
        expired: total - onHand,
        expiringSoon: lots.filter((l) => l.expiringSoon).reduce((n, l) => n + l.qty, 0),
        burnPerDay: burn.perDay,
        burnSource: burn.source,
        daysOfSupply: daysOfSupply(onHand, burn.perDay),
        status: required === null ? null : reserveStatus(onHand, required),
        lots,
        holdings: holdings.map((h) => {
          const usable = usableQty(h, at);
          return { id: h.id, store: h.store, qty: h.qty, usable, par: h.parLevels?.par ?? null, reorderAt: h.parLevels?.reorderAt ?? null, reorder: h.parLevels ? usable <= h.parLevels.reorderAt : false };
        }),
      };
    });
}

type ResponseLevel = 'I' | 'II' | 'III' | 'IV';
const levelRank: Record<ResponseLevel, number> = { I: 4, II: 3, III: 2, IV: 1 };

export const ReserveBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), level: z.enum(['I', 'II', 'III', 'IV']) }),
  z.object({ kind: z.literal('warning'), level: z.enum(['I', 'II', 'III', 'IV']), grade: z.enum(['red', 'orange', 'yellow', 'blue']) }),
  z.object({ kind: z.literal('standing') }),
]);
export type ReserveBasis = z.infer<typeof ReserveBasisSchema>;

/**
 * The quotas in force follow the warning colour as well as the response (wave-2 §5: "reserves follow the warning
 * colour"): a verified warning raises them to the level the hospital maps its grade to before any incident is
 * declared, so the gaps show while there is still time to fill them. The higher of the open incident's level and
 * the warning's wins; on a tie the incident is named, being what people act on.
 */
export function reserveBasis(incident: { level: ResponseLevel; status: string } | null, warning: { grade: 'red' | 'orange' | 'yellow' | 'blue'; level: ResponseLevel } | null): { level: ReserveLevel; basis: ReserveBasis } {
  const open = incident && incident.status !== 'closed' ? incident : null;
  if (warning && (!open || levelRank[warning.level] > levelRank[open.level])) return { level: warning.level, basis: { kind: 'warning', level: warning.level, grade: warning.grade } };
  if (open) return { level: open.level, basis: { kind: 'incident', level: open.level } };
  return { level: 'standing', basis: { kind: 'standing' } };
}
