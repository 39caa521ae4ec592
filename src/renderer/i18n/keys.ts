import type { IncidentStatus, IncidentType, ResponseLevel } from '../../domain/incidents/incident';
import type { SyncStatus } from '../../contract/sync-status';
import type { DeadlineOutcome } from '../app/incident-standing';
import type { RouteName } from '../app/routes';
import type { ExerciseRole } from '../../domain/exercises/exercise';
import type { SpaceKind } from '../../domain/spaces';
import type { Role } from '../../domain/roles';

/**
 * Keys built from data (a level, an error code) go through these helpers, so a test can enumerate every value
 * of the domain enums and prove each has a translation in both languages.
 */
export const levelNameKey = (level: ResponseLevel) => `levels.${level}.name`;
export const levelShortKey = (level: ResponseLevel) => `levels.${level}.short`;
export const incidentTypeKey = (type: IncidentType) => `incidentTypes.${type}`;
export const incidentStatusKey = (status: IncidentStatus) => `incidentStatus.${status}`;
export const connectionKey = (connection: SyncStatus['connection']) => `status.connection.${connection}`;
export const syncNoticeKey = (kind: SyncStatus['notices'][number]['kind']) => `status.notice.${kind}`;
export const routeKey = (route: RouteName) => `nav.${route}`;
export const mutationKey = (name: string) => `mutations.${name}`;
export const errorKey = (code: string) => `errors.${code}`;
/** The particulars of a refusal, worded from its params (`errorDetails.stock_negative`); most codes have none. */
export const errorDetailKey = (code: string) => `errorDetails.${code}`;
export const fieldKey = (field: string) => `fields.${field}`;
export const languageKey = (language: string) => `settings.languages.${language}`;
/** How a closed incident's reporting deadline ended (incident-standing.ts `deadlineOutcome`). */
export const deadlineOutcomeKey = (outcome: DeadlineOutcome) => `board.clock.outcome.${outcome}`;
export const transportKey = (state: 'connecting' | 'closed') => `status.transport.${state}`;
export const exerciseTypeKey = (type: string) => `exercises.types.${type}`;
export const exerciseRoleKey = (role: ExerciseRole) => `exercises.roles.${role}`;
export const spaceKindKey = (kind: SpaceKind) => `exercises.kinds.${kind}`;
/** A role as the HICS position the UI names it by (core `positions`), wherever a screen names who may do what. */
export const positionKey = (role: Role) => `positions.${role}`;
