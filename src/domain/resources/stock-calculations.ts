import { z } from 'zod';
import { StockCategorySchema, type StockItem, type StockLevel, type StockMove } from './stock';

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

/** Three-colour status of a holding against its item's thresholds; an item not in the catalogue is never red. */
export function levelStatus(qty: number, item: Pick<StockItem, 'yellowAt' | 'redAt'> | undefined): StockStatus {
  if (!item) return 'green';
  if (qty <= item.redAt) return 'red';
  if (qty <= item.yellowAt) return 'yellow';
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
      burnPerDay: burn,
      daysOnHand: daysOnHand(level.qty, burn),
      status: levelStatus(level.qty, item),
      updatedAt: level.updatedAt,
    };
  });
}

export const StockTotalSchema = z.object({ key: z.string(), qty: z.number(), holdings: z.number(), red: z.number(), yellow: z.number() });
export type StockTotal = z.infer<typeof StockTotalSchema>;

/** Totals per category or per store: how much, in how many holdings, and how many are yellow or red. */
export function stockTotals(rows: readonly StockRow[], by: 'category' | 'store'): StockTotal[] {
  const totals = new Map<string, StockTotal>();
  for (const row of rows) {
    const key = (by === 'category' ? row.category : row.store) ?? 'other';
    const total = totals.get(key) ?? { key, qty: 0, holdings: 0, red: 0, yellow: 0 };
    total.qty += row.qty;
    total.holdings += 1;
    if (row.status === 'red') total.red += 1;
    if (row.status === 'yellow') total.yellow += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.key.localeCompare(b.key));
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
