import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/contract/errors';
import { LanguageSchema } from '../../../src/contract/settings';
import { SyncStatusSchema } from '../../../src/contract/sync-status';
import { IncidentStatusSchema, IncidentTypeSchema, ResponseLevelSchema } from '../../../src/domain/incidents/incident';
import { mutationNames } from '../../../src/domain/mutators';
import { ExerciseRoleSchema, ExerciseTypeSchema } from '../../../src/domain/exercises/exercise';
import { SpaceKindSchema } from '../../../src/domain/spaces';
import { RoleSchema } from '../../../src/domain/roles';
import { deadlineOutcomes } from '../../../src/renderer/app/incident-standing';
import { routeNames } from '../../../src/renderer/app/routes';
import { shortcutList } from '../../../src/renderer/app/shortcuts';
import { en } from '../../../src/renderer/i18n/bundles';
import {
  connectionKey, deadlineOutcomeKey, errorKey, exerciseRoleKey, exerciseTypeKey, fieldKey, spaceKindKey, incidentStatusKey, incidentTypeKey, languageKey, levelNameKey, levelShortKey, mutationKey, positionKey, routeKey, syncNoticeKey, transportKey,
} from '../../../src/renderer/i18n/keys';
import { zhCN } from '../../../src/renderer/i18n/bundles';
import type { TransportErrorCode } from '../../../src/renderer/transport/transport-error';
import { findTCalls, lookup, rendererSources } from './source-scan';

const bothHave = (key: string): boolean => typeof lookup(zhCN, key) === 'string' && typeof lookup(en, key) === 'string';

/** Computed keys must come from the helpers in i18n/keys.ts (or a table this test enumerates), never ad hoc. */
const ALLOWED_COMPUTED = /^(levelNameKey|levelShortKey|incidentTypeKey|incidentStatusKey|connectionKey|syncNoticeKey|transportKey|deadlineOutcomeKey|routeKey|mutationKey|errorKey|errorDetailKey|fieldKey|languageKey|exerciseTypeKey|exerciseRoleKey|spaceKindKey|positionKey)\(|^shortcut\.labelKey$/;

describe('i18n keys used by the renderer', () => {
  const calls = rendererSources().flatMap(({ file, text }) => findTCalls(file, text));

  it('finds the t() calls it is meant to check', () => {
    expect(calls.filter((c) => c.key !== null).length).toBeGreaterThan(50);
    expect(findTCalls('x.tsx', "const a = t('nope.missing'); i18n.t(`x.${y}`);")).toEqual([
      { file: 'x.tsx', line: 1, key: 'nope.missing', source: "'nope.missing'" },
      { file: 'x.tsx', line: 1, key: null, source: '`x.${y}`' },
    ]);
  });

  it('every literal t() key exists in both languages', () => {
    const missing = calls.filter((c) => c.key !== null && !bothHave(c.key)).map((c) => `${c.file}:${c.line} ${c.key}`);
    expect(missing).toEqual([]);
  });

  it('computed keys only come from the key helpers', () => {
    const adHoc = calls.filter((c) => c.key === null && !ALLOWED_COMPUTED.test(c.source)).map((c) => `${c.file}:${c.line} ${c.source}`);
    expect(adHoc).toEqual([]);
  });

  it('every value the key helpers can be given has a translation', () => {
    const transportCodes: TransportErrorCode[] = ['disconnected', 'timeout', 'invalid_response', 'payload_too_large'];
    const keys = [
      ...ResponseLevelSchema.options.flatMap((l) => [levelNameKey(l), levelShortKey(l)]),
      ...IncidentTypeSchema.options.map(incidentTypeKey),
      ...IncidentStatusSchema.options.map(incidentStatusKey),
      ...SyncStatusSchema.shape.connection.options.map(connectionKey),
      ...SyncStatusSchema.shape.notices.element.shape.kind.options.map(syncNoticeKey),
      ...(['connecting', 'closed'] as const).map(transportKey),
      ...deadlineOutcomes.map(deadlineOutcomeKey),
      ...routeNames.map(routeKey),
      ...mutationNames.map(mutationKey),
      ...[...ApiErrorSchema.shape.code.options, ...transportCodes, 'unknown'].map(errorKey),
      ...['name', 'type', 'level', 'location', 'discoveredAt', 'reason'].map(fieldKey),
      ...LanguageSchema.options.map(languageKey),
      ...ExerciseTypeSchema.options.map(exerciseTypeKey),
      ...ExerciseRoleSchema.options.map(exerciseRoleKey),
      ...SpaceKindSchema.options.map(spaceKindKey),
      ...RoleSchema.options.map(positionKey),
      ...shortcutList.map((s) => s.labelKey),
    ];
    expect(keys.filter((key) => !bothHave(key))).toEqual([]);
  });
});
