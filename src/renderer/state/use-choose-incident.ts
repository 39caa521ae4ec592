import { useCallback } from 'react';
import type { Incident } from '../../domain/incidents/incident';
import type { UiError } from '../lib/ui-error';
import { useApp } from './store-context';
import { useCan } from './use-can';
import { useMutation } from './use-mutation';

/**
 * Picking an incident on this desk (drill fix 13). A logged-in commander's pick is the command post's: it marks the
 * incident current for every desk that follows (synced) and this desk keeps following. Anyone else's pick, and a
 * standalone desk's (it is nobody's command post), stays on this desk: it stops following until the user asks to
 * follow again.
 */
export function useChooseIncident(): { choose: (incident: Pick<Incident, 'id' | 'status'>) => Promise<UiError | null>; follow: () => Promise<UiError | null> } {
  const loggedIn = useApp((s) => Boolean(s.sync?.user));
  const command = useCan('incident.command');
  const mark = useMutation('incident.markCurrent').run;
  const settings = useMutation('settings.update').run;
  const choose = useCallback(
    async (incident: Pick<Incident, 'id' | 'status'>): Promise<UiError | null> => {
      const commandPost = loggedIn && command.allowed && incident.status !== 'closed';
      if (commandPost) {
        const failed = await mark({ id: incident.id });
        if (failed) return failed;
      }
      return settings({ currentIncidentId: incident.id, followCommandPost: commandPost });
    },
    [loggedIn, command.allowed, mark, settings],
  );
  const follow = useCallback(() => settings({ followCommandPost: true }), [settings]);
  return { choose, follow };
}
