import type { FeatureHandlers } from '../contract/dispatch';
import type { reportsApi } from '../contract/reports-api';
import { DomainError } from '../domain/errors';
import type { Incident } from '../domain/incidents';
import { statutoryDeadline } from '../domain/incidents/reporting-deadlines';
import { hicsFormDocument } from '../domain/reports/hics-forms';
import type { PrintDocument } from '../domain/reports/print-document';
import { formatTime } from '../domain/reports/print-labels';
import { sitRepDocument } from '../domain/reports/sitrep-document';
import { draftFrom } from '../domain/reports/sitreps';
import { renderPdf } from '../node/pdf';
import type { LocalStore } from './local-store';
import { readSettings } from './settings-store';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

function incidentIn(store: LocalStore, space: string, id: string): Incident {
  const incident = store.list('incident', space).find((i) => i.id === id);
  if (!incident) throw new DomainError('not_found', `incident ${id} does not exist`, { id });
  return incident;
}

async function asPdf(document: PrintDocument): Promise<{ fileName: string; pdfBase64: string }> {
  return { fileName: document.fileName, pdfBase64: (await renderPdf(document)).toString('base64') };
}

/**
 * Reports and forms from this desk's view of its space (pending work included), so the 2-hour report can be
 * drafted, printed and signed with the server unreachable. PDFs are laid out outside the store queue.
 */
export function createReportsHandlers(ws: WorkstationInternals): FeatureHandlers<typeof reportsApi> {
  const { store, queue } = ws;
  const context = () => {
    const space = currentSpace(store);
    return { space, timeZone: readSettings(store).timeZone, hospital: space.name, exercise: space.kind === 'exercise', at: ws.now() };
  };
  return {
    'report.list': ({ incidentId }) =>
      queue.run(() => ({
        reports: store
          .list('sitRep', readSettings(store).space)
          .filter((r) => r.incidentId === incidentId)
          .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
      })),

    'report.suggest': ({ incidentId, lang }) =>
      queue.run(() => {
        const { space, timeZone, at } = context();
        const incident = incidentIn(store, space.id, incidentId);
        const draft = draftFrom(
          {
            incident,
            casualties: store.list('casualty', space.id),
            log: store.list('logEntry', space.id),
            objectives: store.list('objective', space.id),
            assignments: store.list('assignment', space.id),
            requests: store.list('resourceRequest', space.id),
            at,
          },
          (e) => `${formatTime(e.at, timeZone)} ${e.text}`,
          lang,
        );
        return { card: { ...draft.card, reportingUnit: space.name }, sections: draft.sections };
      }),

    'report.pdf': async ({ id, lang }) => {
      const document = await queue.run(() => {
        const ctx = context();
        const report = store.list('sitRep', ctx.space.id).find((r) => r.id === id);
        if (!report) throw new DomainError('not_found', `report ${id} does not exist`, { id });
        const incident = incidentIn(store, ctx.space.id, report.incidentId);
        const deadline = report.deadlineId === incident.id ? statutoryDeadline(incident) : store.list('deadline', ctx.space.id).find((d) => d.id === report.deadlineId);
        return sitRepDocument({ report, incident, ...ctx, ...(deadline ? { dueAt: deadline.dueAt } : {}) }, lang);
      });
      return asPdf(document);
    },

    'forms.pdf': async ({ incidentId, form, lang, period }) => {
      const document = await queue.run(() => {
        const ctx = context();
        const id = ctx.space.id;
        const sources = {
          incident: incidentIn(store, id, incidentId),
          objectives: store.list('objective', id),
          assignments: store.list('assignment', id),
          messages: store.list('message', id),
          log: store.list('logEntry', id),
          casualties: store.list('casualty', id),
          requests: store.list('resourceRequest', id),
          facility: () => ({
            pool: store.list('poolEntry', id),
            staff: store.list('staff', id),
            beds: store.list('bedCount', id),
            stock: store.list('stock', id),
            stockItems: store.list('stockItem', id),
            requirements: store.list('staffingRequirement', id),
            shifts: store.list('rosterShift', id),
            templates: store.list('shiftTemplate', id),
            checkouts: store.list('demobCheckout', id),
          }),
          ...ctx,
          ...(period === undefined ? {} : { period }),
        };
        return hicsFormDocument(form, sources, lang);
      });
      return asPdf(document);
    },
  };
}
