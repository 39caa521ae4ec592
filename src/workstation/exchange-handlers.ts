import type { FeatureHandlers } from '../contract/dispatch';
import { ApiFailure } from '../contract/errors';
import type { exchangeApi } from '../contract/exchange-api';
import { haveDocument } from '../domain/edxl/have-document';
import { haveRecordKinds, haveReportOf, type HaveRecords } from '../domain/edxl/have-report';
import { siteLocation } from '../domain/edxl/site-map';
import { requireValid, SchemaRefusal } from '../node/xml-schema';
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
