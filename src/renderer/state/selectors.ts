import type { Incident } from '../../domain/incidents/incident';
import { isExercise } from '../../domain/spaces';
import type { AppState } from './app-state';

export const selectTimeZone = (s: AppState): string => s.settings?.timeZone ?? 'Asia/Shanghai';
export const selectLanguage = (s: AppState) => s.settings?.language ?? 'zh-CN';

export const selectCurrentIncident = (s: AppState): Incident | null => {
  const id = s.settings?.currentIncidentId;
  return (id && s.incidents.find((incident) => incident.id === id)) || null;
};

/** Every screen of an exercise space must say EXERCISE; the space's kind, as the server set it, decides. */
export const selectIsExercise = (s: AppState): boolean => (s.sync ? isExercise(s.sync.space) : false);

export const selectPending = (s: AppState): number => s.sync?.pending ?? 0;
export const selectStuck = (s: AppState): number => s.sync?.stuck ?? 0;
export const selectConnection = (s: AppState) => s.sync?.connection ?? null;
export const selectRejected = (s: AppState) => s.sync?.rejected;
