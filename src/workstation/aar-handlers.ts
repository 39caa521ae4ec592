import type { aarApi, ActionTest, LinkablePlan } from '../contract/aar-api';
import type { FeatureHandlers } from '../contract/dispatch';
import { aarId, type CorrectiveAction } from '../domain/aar';
import { verificationRefusal } from '../domain/aar/verification';
import { aarDocument } from '../domain/aar/aar-document';
import { exerciseAarDocument } from '../domain/aar/exercise-aar-document';
import { DomainError } from '../domain/errors';
import type { SectionKey } from '../domain/plans';
import { renderPdf } from '../node/pdf';
import type { LocalStore } from './local-store';
import { readSettings } from './settings-store';
import { currentSpace, knownSpaces } from './space-store';
import type { WorkstationInternals } from './workstation';

const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** Active plans with a version in force, and that version's section titles: what a corrective action may change. */
function linkablePlans(store: LocalStore, space: string): LinkablePlan[] {
  const versions = new Map(store.list('planVersion', space).map((v) => [v.id, v]));
  return store
    .list('plan', space)
    .filter((p) => p.status === 'active' && p.currentVersionId !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((plan) => {
      const version = versions.get(plan.currentVersionId ?? '');
      return version ? [{ id: plan.id, code: plan.code, title: plan.title, sections: version.content.sections.map((s) => ({ key: s.key, title: s.title })) }] : [];
    });
}

/**
 * The objectives of exercises held on this desk (drills' spaces it was in) that name one of `actions`. The drill's
 * words are read here, on the desk of someone who took part, and never written into the action's space.
 */
function actionTests(store: LocalStore, actions: readonly CorrectiveAction[]): ActionTest[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  return knownSpaces(store)
    .filter((sp) => sp.kind === 'exercise')
    .flatMap((sp) => {
      const ratings = store.list('objectiveRating', sp.id);
      return store.list('exercise', sp.id).flatMap((exercise) =>
        exercise.objectives.flatMap((objective) =>
          (objective.verifies ?? []).flatMap((actionId) => {
            const action = byId.get(actionId);
            if (!action) return [];
            const mine = ratings.filter((r) => r.exerciseId === exercise.id && r.objectiveId === objective.id);
            return [{
              actionId, exerciseId: exercise.id, exerciseName: exercise.name, objectiveId: objective.id, objectiveText: objective.text,
              ratings: mine.map((r) => r.rating), verifies: verificationRefusal(action, exercise, objective.id, mine) === null,
            }];
          }),
        ),
      );
    });
}

/** Handlers of after-action reports, from this desk's view of its space (pending work included). */
export function createAarHandlers(ws: WorkstationInternals): FeatureHandlers<typeof aarApi> {
  const { store, queue, directory } = ws;
  const space = () => readSettings(store).space;
  return {
    'aar.get': ({ incidentId }) =>
      queue.run(() => {
        const s = space();
        const id = aarId(s, incidentId);
        const actions = store.list('correctiveAction', s).filter((a) => a.incidentId === incidentId).sort(byCreation);
        return { aar: store.list('aar', s).find((a) => a.id === id) ?? null, actions, plans: linkablePlans(store, s), tests: actionTests(store, actions) };
      }),

    'correctiveAction.toVerify': () =>
      queue.run(() => {
        const actions = knownSpaces(store)
          .filter((sp) => sp.kind === 'hospital')
          .flatMap((sp) => store.list('correctiveAction', sp.id))
          .filter((a) => a.status !== 'verified')
          .sort(byCreation)
          .map((a) => ({ id: a.id, action: a.action, owner: a.owner, status: a.status }));
        return { actions };
      }),

    'correctiveAction.list': ({ planId }) =>
      queue.run(() => {
        const s = space();
        // An exercise's AAR/IP is addressed by its exercise: its actions name the exercise.
        const incidents = new Map<string, { name: string }>([...store.list('exercise', s), ...store.list('incident', s)].map((i) => [i.id, i]));
        const improvements = new Map(store.list('aar', s).flatMap((a) => a.improvements.map((i) => [i.id, i.text] as const)));
        const actions = store
          .list('correctiveAction', s)
          .filter((a) => a.plan?.planId === planId)
          .sort(byCreation)
          .map((action) => ({ action, incidentName: incidents.get(action.incidentId)?.name ?? '', improvement: improvements.get(action.improvementId) ?? '' }));
        return { actions };
      }),

    'aar.pdf': async ({ incidentId, lang }) => {
      const document = await queue.run(() => {
        const sp = currentSpace(store);
        const s = sp.id;
        const aar = store.list('aar', s).find((a) => a.id === aarId(s, incidentId));
        const plans = linkablePlans(store, s);
        const people = new Map(directory.list(s).map((u) => [u.id, u]));
        const titles = new Map(plans.flatMap((p) => p.sections.map((sec) => [`${p.id}:${sec.key}`, sec.title] as const)));
        const writers = {
          actions: store.list('correctiveAction', s).filter((a) => a.incidentId === incidentId).sort(byCreation),
          planCodes: new Map(store.list('plan', s).map((p) => [p.id, p.code])),
          sectionTitle: (planId: string, section: SectionKey, l: 'zh-CN' | 'en') => titles.get(`${planId}:${section}`)?.[l] ?? section,
          timeZone: readSettings(store).timeZone,
          nameOf: (userId: string) => {
            const user = people.get(userId);
            return user ? user.displayName || user.username : userId;
          },
        };
        if (aar?.exercise) return exerciseAarDocument({ ...writers, aar, exercise: aar.exercise, hospital: sp.name }, lang);
        const incident = store.list('incident', s).find((i) => i.id === incidentId);
        if (!incident || !aar) throw new DomainError('not_found', `incident ${incidentId} has no after-action report`, { id: incidentId });
        return aarDocument({ ...writers, aar, incident, hospital: sp.name, exercise: sp.kind === 'exercise' }, lang);
      });
      return { fileName: document.fileName, pdfBase64: (await renderPdf(document)).toString('base64') };
    },
  };
}
