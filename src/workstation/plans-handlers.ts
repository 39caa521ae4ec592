import type { FeatureHandlers } from '../contract/dispatch';
import { plansApi, type PlanSummary } from '../contract/plans-api';
import { DomainError } from '../domain/errors';
import { planReadiness, rankReadiness, type PlanVersion } from '../domain/plans';
import { reserveRows } from '../domain/resources/reserves';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const newestFirst = (a: PlanVersion, b: PlanVersion) => b.major - a.major || b.minor - a.minor;
const summary = ({ content: _content, ...rest }: PlanVersion) => rest;

function countByPhase(version: PlanVersion | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of version?.content.checklist ?? []) counts[item.phase] = (counts[item.phase] ?? 0) + 1;
  return counts;
}

/** Handlers of the plans feature's read methods; every store access goes through `ws.queue`. */
export function createPlansHandlers(ws: WorkstationInternals): FeatureHandlers<typeof plansApi> {
  const { store, queue } = ws;
  const space = () => readSettings(store).space;
  return {
    'plans.list': () =>
      queue.run(() => {
        const s = space();
        const versions = store.list('planVersion', s);
        const plans = store
          .list('plan', s)
          .sort((a, b) => (a.status === b.status ? a.code.localeCompare(b.code) : a.status === 'active' ? -1 : 1))
          .map((plan): PlanSummary => {
            const own = versions.filter((v) => v.planId === plan.id).sort(newestFirst);
            const current = own.find((v) => v.id === plan.currentVersionId);
            const open = own.find((v) => v.status === 'draft' || v.status === 'in_review');
            return { plan, current: current ? summary(current) : null, open: open ? summary(open) : null, itemsByPhase: countByPhase(current ?? open) };
          });
        return { plans };
      }),

    'plans.get': ({ planId }) =>
      queue.run(() => {
        const s = space();
        const plan = store.list('plan', s).find((p) => p.id === planId);
        if (!plan) throw new DomainError('not_found', `plan ${planId} does not exist`, { id: planId });
        return { plan, versions: store.list('planVersion', s).filter((v) => v.planId === planId).sort(newestFirst) };
      }),

    'plans.incident': ({ incidentId }) =>
      queue.run(() => {
        const s = space();
        const incident = store.list('incident', s).find((i) => i.id === incidentId);
        if (!incident) throw new DomainError('not_found', `incident ${incidentId} does not exist`, { id: incidentId });
        const plans = new Map(store.list('plan', s).map((p) => [p.id, p]));
        const versions = new Map(store.list('planVersion', s).map((v) => [v.id, v]));
        const checklists = store.list('positionChecklist', s).filter((c) => c.incidentId === incidentId);
        const result = store
          .list('planActivation', s)
          .filter((a) => a.incidentId === incidentId)
          .sort((a, b) => a.activatedAt - b.activatedAt)
          .flatMap((activation) => {
            const plan = plans.get(activation.planId);
            const version = versions.get(activation.versionId);
            // A plan row not yet pulled beside its activation: shown once it arrives, never a failed board.
            if (!plan || !version) return [];
            return [{ activation, plan, version, checklists: checklists.filter((c) => c.activationId === activation.id).sort((a, b) => a.positionId.localeCompare(b.positionId)) }];
          });
        return { incident, plans: result };
      }),

    'plans.readiness': ({ at }) =>
      queue.run(() => {
        const s = space();
        const now = at ?? ws.now();
        const versions = store.list('planVersion', s);
        const correctiveActions = store.list('correctiveAction', s);
        const staff = store.list('staff', s);
        // The standing reserve: what the hospital keeps in normal times, whatever incident is open.
        const reserves = reserveRows(store.list('stock', s), store.list('stockItem', s), 'standing', now);
        const plans = store
          .list('plan', s)
          .filter((plan) => plan.status === 'active')
          .map((plan) => {
            const own = versions.filter((v) => v.planId === plan.id).sort(newestFirst);
            const current = own.find((v) => v.id === plan.currentVersionId);
            const open = own.find((v) => v.status === 'draft' || v.status === 'in_review');
            return planReadiness({ plan, current, open, correctiveActions, staff, reserves, now });
          });
        return { at: now, plans: rankReadiness(plans) };
      }),
  };
}
