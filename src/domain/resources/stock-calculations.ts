import { z } from 'zod';
import { StockCategorySchema, type StockItem, type StockLevel, type StockMove, type StockThresholds } from './stock';

export const StockStatusSchema = z.enum(['green', 'yellow', 'red']);
export type StockStatus = z.infer<typeof StockStatusSchema>;
const DAY_MS = 86_400_000;

/** Moves that consume stock; transfers out are not burn (the stock still exists elsewhere in the hospital). */
const consumed = (move: StockMove) => move.kind === 'issue' || move.kind === 'fill';

/** Units consumed per day over the `windowDays` before `at` (time passed in: the same answer on every screen). */
export function burnRatePerDay(levels: readonly Pick<StockLevel, 'history'>[], at: number, windowDays: number): number {
  const since = at - windowDays * DAY_MS;
  let used = 0;
  for (const level of levels) for (const move of level.history ?? []) if (consumed(move) && move.at > since && move.at <= at) used += move.qty;
  return windowDays > 0 ? used / windowDays : 0;
}

/** Days until the holding runs out at the current burn rate; null when nothing is being used. */
export function daysOnHand(qty: number, burnPerDay: number): number | null {
  return burnPerDay > 0 ? qty / burnPerDay : null;
}

/** The thresholds that colour a holding: its own when it has them, else its item's defaults, else none. */
export function effectiveThresholds(level: Pick<StockLevel, 'thresholds'>, item: Pick<StockItem, 'yellowAt' | 'redAt'> | undefined): StockThresholds | undefined {
  if (level.thresholds) return level.thresholds;
  return item ? { yellowAt: item.yellowAt, redAt: item.redAt } : undefined;
}

/** Three-colour status of a quantity against thresholds; with none (no own, no catalogue entry) it is never red. */
export function levelStatus(qty: number, thresholds: StockThresholds | undefined): StockStatus {
  if (!thresholds) return 'green';
  if (qty <= thresholds.redAt) return 'red';
  if (qty <= thresholds.yellowAt) return 'yellow';
  return 'green';
}

export const StockRowSchema = z.object({
  id: z.string(),
  item: z.string(),
  store: z.string(),
  category: StockCategorySchema.nullable(),
  unit: z.string(),
  qty: z.number(),
  par: z.number().nullable(),
  /** The item's default thresholds (null for a name not in the catalogue): what the import's columns set. */
  yellowAt: z.number().nullable(),
  redAt: z.number().nullable(),
  /** The holding's own thresholds, null when it uses the item's; `status` comes from these when set. */
  holdingYellowAt: z.number().nullable(),
  holdingRedAt: z.number().nullable(),
  burnPerDay: z.number(),
  daysOnHand: z.number().nullable(),
  status: StockStatusSchema,
  updatedAt: z.number(),
});
export type StockRow = z.infer<typeof StockRowSchema>;

/** What a stock grid row shows: the holding joined to its catalogue entry, with burn rate and colour. */
export function stockRows(levels: readonly StockLevel[], items: readonly StockItem[], at: number, windowDays: number): StockRow[] {
  const byName = new Map(items.map((i) => [i.name, i]));
  return levels.map((level) => {
    const item = byName.get(level.item);
    const burn = burnRatePerDay([level], at, windowDays);
    return {
      id: level.id,
      item: level.item,
      store: level.store,
      category: item?.category ?? null,
      unit: item?.unit ?? '',
      qty: level.qty,
      par: item?.par ?? null,
      yellowAt: item?.yellowAt ?? null,
      redAt: item?.redAt ?? null,
      holdingYellowAt: level.thresholds?.yellowAt ?? null,
      holdingRedAt: level.thresholds?.redAt ?? null,
      burnPerDay: burn,
      daysOnHand: daysOnHand(level.qty, burn),
      status: levelStatus(level.qty, effectiveThresholds(level, item)),
      updatedAt: level.updatedAt,
    };
  });
}

/** How much of one unit ("120 boxes"); `unit` is empty for holdings of items not in the catalogue. */
export const UnitQtySchema = z.object({ unit: z.string(), qty: z.number() });
export type UnitQty = z.infer<typeof UnitQtySchema>;

/**
 * Sums quantities unit by unit: 120 boxes and 40 bags are two figures, never "160", which counts nothing anyone
 * can issue. Ordered by unit so the same totals read the same on every screen.
 */
export function qtyByUnit(rows: readonly Pick<StockRow, 'unit' | 'qty'>[]): UnitQty[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.unit, (sums.get(row.unit) ?? 0) + row.qty);
  return [...sums].map(([unit, qty]) => ({ unit, qty })).sort((a, b) => a.unit.localeCompare(b.unit));
}

export const StockTotalSchema = z.object({ key: z.string(), quantities: z.array(UnitQtySchema), holdings: z.number(), red: z.number(), yellow: z.number() });
export type StockTotal = z.infer<typeof StockTotalSchema>;

/** Totals per category or per store: how much of each unit, in how many holdings, and how many are yellow or red. */
export function stockTotals(rows: readonly StockRow[], by: 'category' | 'store'): StockTotal[] {
  const groups = new Map<string, { total: StockTotal; rows: StockRow[] }>();
  for (const row of rows) {
    const key = (by === 'category' ? row.category : row.store) ?? 'other';
    const group = groups.get(key) ?? { total: { key, quantities: [], holdings: 0, red: 0, yellow: 0 }, rows: [] };
    const { total } = group;
    group.rows.push(row);
    total.holdings += 1;
    if (row.status === 'red') total.red += 1;
    if (row.status === 'yellow') total.yellow += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ total, rows: members }) => ({ ...total, quantities: qtyByUnit(members) })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Day-by-day closing quantity and use of a holding, rebuilt backwards from today's quantity: for the trend chart. */
export const TrendPointSchema = z.object({ day: z.number(), qty: z.number(), used: z.number() });

export function stockTrend(level: Pick<StockLevel, 'qty' | 'history'>, at: number, days: number): z.infer<typeof TrendPointSchema>[] {
  const startOfToday = Math.floor(at / DAY_MS) * DAY_MS;
  const points: { day: number; qty: number; used: number }[] = [];
  let qty = level.qty;
  const history = [...(level.history ?? [])].sort((a, b) => b.at - a.at);
  let i = 0;
  for (let d = 0; d < days; d++) {
    const dayStart = startOfToday - d * DAY_MS;
    let used = 0;
    const closing = qty;
    for (; i < history.length && (history[i]?.at ?? 0) >= dayStart; i++) {
      const move = history[i];
      if (!move) break;
      const signed = move.kind === 'receive' || move.kind === 'transfer_in' || move.kind === 'count' ? move.qty : -move.qty;
      qty -= signed;
      if (consumed(move)) used += move.qty;
    }
    points.unshift({ day: dayStart, qty: closing, used });
  }
  return points;
}
