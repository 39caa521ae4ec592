import type { FeatureHandlers } from '../contract/dispatch';
import type { recoveryApi } from '../contract/recovery-api';
import { DomainError } from '../domain/errors';
import { availableBeds, awaitsFollowUp, checkoutProgress, costTotals, mayReadWellbeing, metricCurrent, personKey, tallyId, targetMet, unitAggregates } from '../domain/recovery';
import { checkOutPeople } from '../domain/reports';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

type Store = WorkstationInternals['store'];

/** The people to check out, their check-outs and the metrics with their value now: what both reads start from. */
function recoveryRecords(store: Store, s: string, incidentId: string) {
  const incident = store.list('incident', s).find((i) => i.id === incidentId);
  if (!incident) throw new DomainError('not_found', `incident ${incidentId} does not exist`, { id: incidentId });
  const of = <T extends { incidentId: string }>(rows: T[]) => rows.filter((r) => r.incidentId === incidentId);
  const checkouts = new Map(of(store.list('demobCheckout', s)).map((c) => [personKey(c.person), c]));
  const people = checkOutPeople(incident, store.list('assignment', s), store.list('poolEntry', s), store.list('staff', s)).map((p) => ({
    name: p.name,
    unit: p.staff?.homeUnit ?? null,
    positions: [...new Set(p.assignments.map((a) => a.positionId))],
    pooled: p.pool.length > 0,
    checkout: checkouts.get(personKey(p.name)) ?? null,
  }));
  const beds = store.list('bedCount', s);
  const records = { beds, levels: store.list('stock', s), items: store.list('stockItem', s) };
  const metrics = of(store.list('recoveryMetric', s)).sort(byCreation).map((metric) => {
    const current = metricCurrent(metric, records);
    return { metric, current, met: targetMet(current, metric.target) };
  });
  const tally = store.list('wellbeingTally', s).find((t) => t.id === tallyId(s, incidentId));
  return {
    incident,
    of,
    people,
    progress: checkoutProgress(people.map((p) => p.name), [...checkouts.values()]),
    metrics,
    beds,
    aggregates: { ...unitAggregates(tally?.units ?? {}), awaitingFollowUp: tally?.awaitingFollowUp ?? 0 },
  };
}

/** Handlers of recovery, from this desk's view of its space (pending work included). */
export function createRecoveryHandlers(ws: WorkstationInternals): FeatureHandlers<typeof recoveryApi> {
  const { store, queue } = ws;
  return {
    'recovery.get': ({ incidentId }) =>
      queue.run(() => {
        const s = readSettings(store).space;
        const { incident, of, people, progress, metrics, beds, aggregates } = recoveryRecords(store, s, incidentId);
        const lines = of(store.list('costLine', s)).sort((a, b) => a.date - b.date || byCreation(a, b));
        // The desk of a user without wellbeing.read holds no check-in but its own pending ones; a shared desk may
        // still hold another user's until the switch is handled (desk-view.ts): shown to neither.
        const mayRead = mayReadWellbeing(ws.actor());
        // Those awaiting the lead's follow-up first, then the latest: the lead's list is a to-do list before a record.
        const checkIns = mayRead
          ? of(store.list('wellbeingCheckIn', s)).sort((a, b) => Number(awaitsFollowUp(b)) - Number(awaitsFollowUp(a)) || b.at - a.at || (a.id < b.id ? 1 : -1))
          : [];
        return {
          people,
          progress,
          metrics,
          bedsBaseline: availableBeds(beds, incident.declaredAt),
          costs: { lines, ...costTotals(lines) },
          wellbeing: { mayRead, ...aggregates, checkIns },
        };
      }),

    'recovery.wall': ({ incidentId }) =>
      queue.run(() => {
        const s = readSettings(store).space;
        const { progress, metrics, aggregates } = recoveryRecords(store, s, incidentId);
        return {
          checkout: { people: progress.people, done: progress.done },
          metrics: metrics.map(({ metric, current, met }) => ({ id: metric.id, kind: metric.kind, label: metric.label, target: metric.target, current, met })),
          wellbeing: aggregates,
        };
      }),
  };
}
