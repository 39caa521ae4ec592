import type { Incident } from '../../domain/incident';
import type { AppState } from './app-state';

export const selectTimeZone = (s: AppState): string => s.settings?.timeZone ?? 'Asia/Shanghai';
export const selectLanguage = (s: AppState) => s.settings?.language ?? 'zh-CN';

export const selectCurrentIncident = (s: AppState): Incident | null => {
  const id = s.settings?.currentIncidentId;
  return (id && s.incidents.find((incident) => incident.id === id)) || null;
};

/**
 * Exercise spaces are named `exercise-...` until spaces carry their own flag (ARCHITECTURE.md, "Spaces and
 * exercises"); every screen of one must say EXERCISE.
 */
export const selectIsExercise = (s: AppState): boolean => s.settings?.space.startsWith('exercise') ?? false;

export const selectPending = (s: AppState): number => s.sync?.pending ?? 0;
export const selectConnection = (s: AppState) => s.sync?.connection ?? null;
export const selectRejected = (s: AppState) => s.sync?.rejected;
