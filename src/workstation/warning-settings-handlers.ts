import type { FeatureHandlers } from '../contract/dispatch';
import type { warningSettingsApi } from '../contract/warning-settings-api';
import { defaultResponseLevels, warningSettingsId } from '../domain/warning/response-levels';
import { parseEntity } from './entity-rows';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

export function createWarningSettingsHandlers(ws: WorkstationInternals): FeatureHandlers<typeof warningSettingsApi> {
  const { store, queue } = ws;
  return {
    'warning.responseLevels': () =>
      queue.run(() => {
        const space = readSettings(store).space;
        const row = store.rows.get.get('warningSettings', warningSettingsId(space));
        if (!row || row.deleted) return { levels: defaultResponseLevels, isDefault: true };
        const settings = parseEntity('warningSettings', row.data);
        return { levels: settings.responseLevels, isDefault: false, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy };
      }),
  };
}
