import type { FeatureHandlers } from '../contract/dispatch';
import { ApiFailure } from '../contract/errors';
import type { exchangeApi } from '../contract/exchange-api';
import { haveDocument } from '../domain/edxl/have-document';
import { haveRecordKinds, haveReportOf, type HaveRecords } from '../domain/edxl/have-report';
import { regionDistricts, siteLocation } from '../domain/edxl/site-map';
import { DomainError } from '../domain/errors';
import { capAlert } from '../domain/warning/cap';
import { responseLevelsOf, warningSettingsId } from '../domain/warning/response-levels';
import { requireValid, SchemaRefusal } from '../node/xml-schema';
import { parseEntity } from './entity-rows';
import { readSettings } from './settings-store';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

/** Standard exchange: documents built from this desk's view of its space (pending work included), validated. */
export function createExchangeHandlers(ws: WorkstationInternals): FeatureHandlers<typeof exchangeApi> {
  const { store, queue } = ws;
  return {
    'exchange.haveExport': async () => {
      const { space, records, timeZone, at } = await queue.run(() => {
        const current = currentSpace(store);
        const lists = Object.fromEntries(haveRecordKinds.map((kind) => [kind, store.list(kind, current.id)])) as unknown as HaveRecords;
        return { space: current, records: lists, timeZone: readSettings(store).timeZone, at: ws.now() };
      });
      const xml = haveDocument(haveReportOf(space, records, at, timeZone, siteLocation()));
      const fileName = `edxl-have-${space.id}.xml`;
      // Validated outside the queue: xmllint takes tens of milliseconds, and no store access waits on it.
      await requireValid(xml, 'have-1.0', fileName).catch(asApiFailure);
      return { fileName, xml };
    },

    'exchange.capExport': async ({ alertId }) => {
      const sources = await queue.run(() => {
        const space = currentSpace(store);
        const row = store.rows.get.get('alert', alertId);
        if (!row || row.deleted || row.space !== space.id) throw new DomainError('not_found', `alert ${alertId} does not exist`, { id: alertId });
        const settings = store.rows.get.get('warningSettings', warningSettingsId(space.id));
        return {
          space,
          alert: parseEntity('alert', row.data),
          indicators: store.list('indicator', space.id),
          responseLevels: responseLevelsOf(settings && !settings.deleted ? parseEntity('warningSettings', settings.data) : undefined),
          districts: regionDistricts(),
          timeZone: readSettings(store).timeZone,
        };
      });
      const { xml, fileName, msgType } = capAlert(sources);
      await requireValid(xml, 'cap-1.2', fileName).catch(asApiFailure);
      return { fileName, xml, msgType };
    },
  };
}

function asApiFailure(error: unknown): never {
  if (error instanceof SchemaRefusal) {
    // The first of xmllint's lines names the line and element at fault: enough for IT, short enough for a screen.
    const detail = (error.message.split('\n')[0] ?? '').slice(0, 200);
    throw new ApiFailure({ code: error.reason === 'invalid' ? 'schema_invalid' : 'validator_unavailable', message: error.message, params: { detail } });
  }
  throw error;
}
