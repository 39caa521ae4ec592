import { regionDistricts } from '../../domain/edxl/site-map';
import { AlertSchema } from '../../domain/warning/alerts';
import { capAlert, type CapExport } from '../../domain/warning/cap';
import { IndicatorSchema } from '../../domain/warning/indicators';
import { responseLevelsOf, WarningSettingsSchema, warningSettingsId } from '../../domain/warning/response-levels';
import { requireValid } from '../../node/xml-schema';
import type { Db } from '../db/db';
import { findSpace, serverTimeZone } from './have-source';

/**
 * One alert of a space as a CAP 1.2 message, from the server's records, validated against CAP-v1.2.xsd (a
 * SchemaRefusal otherwise). An alert nobody verified is refused by the builder (`alert_not_issued`).
 */
export async function exportCap(db: Db, input: { space: string; alertId: string; timeZone?: string | undefined }): Promise<CapExport> {
  const read = await db.transaction(
    async (tx) => {
      const space = await findSpace(tx, input.space);
      if (!space) return undefined;
      const rows = await tx.query<{ kind: string; id: string; data: unknown }>(
        "SELECT kind, id, data FROM entity WHERE space = $1 AND NOT deleted AND (kind = 'indicator' OR (kind = 'alert' AND id = $2) OR (kind = 'warningSettings' AND id = $3)) ORDER BY kind, id",
        [input.space, input.alertId, warningSettingsId(input.space)],
      );
      return { space, rows };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
  if (!read) throw new Error(`no space ${input.space}`);
  const alertRow = read.rows.find((r) => r.kind === 'alert');
  if (!alertRow) throw new Error(`no alert ${input.alertId} in ${input.space}`);
  const settings = read.rows.find((r) => r.kind === 'warningSettings');
  const built = capAlert({
    space: read.space,
    alert: AlertSchema.parse(alertRow.data),
    indicators: read.rows.filter((r) => r.kind === 'indicator').map((r) => IndicatorSchema.parse(r.data)),
    responseLevels: responseLevelsOf(settings ? WarningSettingsSchema.parse(settings.data) : undefined),
    districts: regionDistricts(),
    timeZone: input.timeZone ?? serverTimeZone(),
  });
  await requireValid(built.xml, 'cap-1.2', built.fileName);
  return built;
}
