import type { Incident } from '../../domain/incidents/incident';
import { commandPostIncident, deskIncident } from '../../domain/incidents/command-post';
import { isExercise } from '../../domain/spaces';
import type { AppState } from './app-state';

export const selectTimeZone = (s: AppState): string => s.settings?.timeZone ?? 'Asia/Shanghai';
export const selectLanguage = (s: AppState) => s.settings?.language ?? 'zh-CN';

/** The incident this desk shows: the command post's while it follows it, else its user's pick (command-post.ts). */
export const selectCurrentIncident = (s: AppState): Incident | null =>
  s.settings ? deskIncident(s.incidents, s.settings) : null;

export const selectCommandPostIncident = (s: AppState): Incident | null => commandPostIncident(s.incidents);

/** False once this desk's user picked an incident of their own; absent in settings means the desk follows. */
export const selectFollowsCommandPost = (s: AppState): boolean => s.settings?.followCommandPost !== false;

/** Every screen of an exercise space must say EXERCISE; the space's kind, as the server set it, decides. */
export const selectIsExercise = (s: AppState): boolean => (s.sync ? isExercise(s.sync.space) : false);

export const selectPending = (s: AppState): number => s.sync?.pending ?? 0;
export const selectStuck = (s: AppState): number => s.sync?.stuck ?? 0;
export const selectConnection = (s: AppState) => s.sync?.connection ?? null;
export const selectRejected = (s: AppState) => s.sync?.rejected;
