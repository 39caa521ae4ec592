import type { FeatureHandlers } from '../contract/dispatch';
import { resourcesApi } from '../contract/resources-api';
import { bedSummary } from '../domain/resources/beds';
import { resourceAccountingRecord } from '../domain/resources/resource-requests';
import { stockRows, stockTotals, stockTrend } from '../domain/resources/stock-calculations';
import { reserveBasis, reserveRows } from '../domain/resources/reserves';
import { higherGrade, type WarningGrade } from '../domain/warning/warning-grades';
import { responseLevelsOf, warningSettingsId } from '../domain/warning/response-levels';
import type { StockLevel } from '../domain/resources/stock';
import { parseEntity } from './entity-rows';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const SUMMARY_WINDOW_DAYS = 7;

/** Handlers of the resources feature's read methods; every store access goes through `ws.queue`. */
export function createResourcesHandlers(ws: WorkstationInternals): FeatureHandlers<typeof resourcesApi> {
  const { store, queue } = ws;
  const space = () => readSettings(store).space;
  /** Each item's reserve against the quotas in force: the higher of the incident's level and a verified warning's. */
  const reservesInForce = (incidentId: string | null) => {
    const s = space();
    const incident = incidentId === null ? null : store.list('incident', s).find((i) => i.id === incidentId) ?? null;
    // A verified warning is one a person has checked; a raw signal may be noise and moves no quota.
    const grade = store.list('alert', s).filter((a) => a.status === 'verified').reduce<WarningGrade | null>((g, a) => (g ? higherGrade(g, a.grade) : a.grade), null);
    const levels = responseLevelsOf(store.list('warningSettings', s).find((w) => w.id === warningSettingsId(s)));
    const { level, basis } = reserveBasis(incident, grade ? { grade, level: levels[grade] } : null);
    const rows = reserveRows(store.list('stock', s), store.list('stockItem', s), level, ws.now()).sort((a, b) => a.item.localeCompare(b.item));
    return { level, basis, rows };
  };
  return {
    'resources.catalogue': () =>
      queue.run(() => {
        const s = space();
        return { items: store.list('stockItem', s), stores: store.list('store', s) };
      }),

    'resources.stock': ({ windowDays }) =>
      queue.run(() => {
        const s = space();
        const items = store.list('stockItem', s);
        const rows = stockRows(store.list('stock', s), items, ws.now(), windowDays);
        return { rows, items, stores: store.list('store', s), byCategory: stockTotals(rows, 'category'), byStore: stockTotals(rows, 'store') };
      }),

    'resources.stockRows': ({ windowDays, ids }) =>
      queue.run(() => {
        const s = space();
        const levels: StockLevel[] = [];
        const removed: string[] = [];
        for (const id of ids) {
          // No row at all is removed too: a rebase deletes outright a holding whose creation the server refused.
          const row = store.rows.get.get('stock', id);
          if (row && row.space !== s) continue;
          if (!row || row.deleted) removed.push(id);
          else levels.push(parseEntity('stock', row.data));
        }
        const items = levels.length > 0 ? store.list('stockItem', s) : [];
        return { rows: stockRows(levels, items, ws.now(), windowDays), removed };
      }),

    'resources.trend': ({ item, days }) =>
      queue.run(() => {
        const levels = store.list('stock', space()).filter((l) => l.item === item);
        const perLevel = levels.map((l) => stockTrend(l, ws.now(), days));
        return (perLevel[0] ?? stockTrend({ qty: 0 }, ws.now(), days)).map((point, i) => ({
          day: point.day,
          qty: perLevel.reduce((n, p) => n + (p[i]?.qty ?? 0), 0),
          used: perLevel.reduce((n, p) => n + (p[i]?.used ?? 0), 0),
        }));
      }),

    'resources.beds': () =>
      queue.run(() => {
        const beds = store.list('bedCount', space()).sort((a, b) => a.unit.localeCompare(b.unit) || a.type.localeCompare(b.type));
        return { beds, summary: bedSummary(beds) };
      }),

    'resources.requests': () =>
      queue.run(() => {
        const requests = store.list('resourceRequest', space()).sort((a, b) => b.requestedAt - a.requestedAt);
        return { requests, accounting: resourceAccountingRecord(requests) };
      }),

    'resources.reserves': ({ incidentId }) => queue.run(() => reservesInForce(incidentId)),

    'resources.summary': ({ incidentId }) =>
      queue.run(() => {
        const s = space();
        const rows = stockRows(store.list('stock', s), store.list('stockItem', s), ws.now(), SUMMARY_WINDOW_DAYS);
        const withQuota = reservesInForce(incidentId).rows.filter((r) => r.status !== null);
        const short = withQuota
          .filter((r) => r.status !== 'green')
          .sort((a, b) => (a.status === b.status ? a.item.localeCompare(b.item) : a.status === 'red' ? -1 : 1))
          .map(({ itemId, item, onHand, required, unit, status }) => ({ itemId, item, onHand, required: required ?? 0, unit, status: status === 'red' ? ('red' as const) : ('yellow' as const) }));
        return {
          bedsAvailable: bedSummary(store.list('bedCount', s)).map(({ type, available, staffed }) => ({ type, available, staffed })),
          redStock: rows.filter((r) => r.status === 'red').map(({ id, item, store: at, qty, unit }) => ({ id, item, store: at, qty, unit })),
          reserves: { withQuota: withQuota.length, short },
        };
      }),
  };
}
