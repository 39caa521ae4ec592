import { z } from 'zod';
import { StoredEpochMsSchema } from '../ids';

const DAY_MS = 86_400_000;

/** A calendar day as printed on a box ("EXP 2027-03-31"); the lot is usable through the whole of that day. */
export const ExpiryDateSchema = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const LotNoSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(40);

/**
 * One received batch of a holding, with its expiry. A holding's lots never add up to more than its `qty`; what
 * `qty` holds beyond them is stock counted before lots were recorded, or received without a lot number.
 */
export const LotSchema = z.object({
  lotNo: LotNoSchema,
  /** Absent for goods that do not expire (ventilators, equipment). */
  expiresOn: ExpiryDateSchema.optional(),
  // StockQtySchema's bounds, repeated: stock.ts imports this file.
  qty: z.number().int().positive().max(1_000_000_000),
  receivedAt: StoredEpochMsSchema,
});
export type Lot = z.infer<typeof LotSchema>;

/** What one issue took from one lot; `lotNo` null for stock without a lot. Recorded on the move for traceability. */
export const LotDrawSchema = z.object({ lotNo: z.string().max(40).nullable(), expiresOn: ExpiryDateSchema.optional(), qty: z.number().int().positive() });
export type LotDraw = z.infer<typeof LotDrawSchema>;

/**
 * The first instant at which a lot is expired. Dates are taken as UTC days: a hospital at UTC+8 sees a lot expire
 * at 08:00 local on the day after; erring late by hours is accepted over making the domain depend on a time zone.
 */
export function expiredFrom(expiresOn: string): number {
  return Date.parse(`${expiresOn}T00:00:00Z`) + DAY_MS;
}

export function isExpired(lot: Pick<Lot, 'expiresOn'>, at: number): boolean {
  return lot.expiresOn !== undefined && at >= expiredFrom(lot.expiresOn);
}

/** Lots expiring within `days` of `at` (not yet expired): the ones to rotate into daily use and reorder. */
export function isExpiringSoon(lot: Pick<Lot, 'expiresOn'>, at: number, days: number): boolean {
  return lot.expiresOn !== undefined && !isExpired(lot, at) && expiredFrom(lot.expiresOn) - at <= days * DAY_MS;
}

/** Units of a holding held outside any lot: never negative, even on a row whose lots a count left too large. */
export function unlottedQty(level: { qty: number; lots?: readonly Lot[] | undefined }): number {
  return Math.max(0, level.qty - sumLots(level.lots ?? []));
}

export function sumLots(lots: readonly Pick<Lot, 'qty'>[]): number {
  return lots.reduce((n, lot) => n + lot.qty, 0);
}

/** Units usable at `at`: the holding less its expired lots. */
export function usableQty(level: { qty: number; lots?: readonly Lot[] | undefined }, at: number): number {
  const expired = sumLots((level.lots ?? []).filter((lot) => isExpired(lot, at)));
  return Math.max(0, level.qty - expired);
}

/**
 * First expiry, first out: earliest expiry date first; lots without an expiry after every dated one, then stock
 * without a lot; ties by receipt, then lot number, so every replica orders the same lots the same way.
 */
export function fefoOrder(a: Lot, b: Lot): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === undefined) return 1;
    if (b.expiresOn === undefined) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  return a.receivedAt - b.receivedAt || (a.lotNo < b.lotNo ? -1 : a.lotNo > b.lotNo ? 1 : 0);
}

export type FefoPick = { draws: LotDraw[]; lots: Lot[] };

/**
 * Takes `qty` from a holding in FEFO order, skipping expired lots (they are not to be given out), or returns null
 * when the usable stock is short. `lots` is what remains, in FEFO order, emptied lots dropped.
 */
export function fefoPick(level: { qty: number; lots?: readonly Lot[] | undefined }, qty: number, at: number): FefoPick | null {
  if (usableQty(level, at) < qty) return null;
  const sorted = [...(level.lots ?? [])].sort(fefoOrder);
  const draws: LotDraw[] = [];
  const lots: Lot[] = [];
  let left = qty;
  for (const lot of sorted) {
    const take = isExpired(lot, at) ? 0 : Math.min(left, lot.qty);
    if (take > 0) draws.push({ lotNo: lot.lotNo, ...(lot.expiresOn ? { expiresOn: lot.expiresOn } : {}), qty: take });
    left -= take;
    if (lot.qty > take) lots.push({ ...lot, qty: lot.qty - take });
  }
  if (left > 0) draws.push({ lotNo: null, qty: left });
  return { draws, lots };
}

/** Adds a receipt to a holding's lots: the same lot number and expiry tops up that lot, anything else is a new one. */
export function addLot(lots: readonly Lot[], lot: Lot): Lot[] {
  const same = lots.findIndex((l) => l.lotNo === lot.lotNo && l.expiresOn === lot.expiresOn);
  if (same < 0) return [...lots, lot].sort(fefoOrder);
  return lots.map((l, i) => (i === same ? { ...l, qty: l.qty + lot.qty } : l));
}

/** Puts lots drawn from one holding into another (a transfer): the lots travel with their numbers and expiry. */
export function addDraws(lots: readonly Lot[], draws: readonly LotDraw[], at: number): Lot[] {
  let next = [...lots];
  for (const draw of draws) {
    if (draw.lotNo !== null) next = addLot(next, { lotNo: draw.lotNo, ...(draw.expiresOn ? { expiresOn: draw.expiresOn } : {}), qty: draw.qty, receivedAt: at });
  }
  return next;
}

/**
 * Fits lots to a counted quantity: a stocktake below what the lots hold takes the difference off in FEFO order,
 * as if issued: the count does not say which boxes went, and the earliest to expire are the likeliest used.
 */
export function fitLotsToCount(lots: readonly Lot[], qty: number): Lot[] {
  let excess = sumLots(lots) - qty;
  if (excess <= 0) return [...lots];
  const kept: Lot[] = [];
  for (const lot of [...lots].sort(fefoOrder)) {
    const take = Math.min(excess, lot.qty);
    excess -= take;
    if (lot.qty > take) kept.push({ ...lot, qty: lot.qty - take });
  }
  return kept;
}
