import type { Incident } from './incident';

/**
 * The incident the command post has made current: the open incident it marked last (declaring one marks it). A
 * closed incident is never followed, so a desk does not follow the command post into a finished response. Ties on
 * the same millisecond go to the larger id, so every desk picks the same one.
 */
export function commandPostIncident(incidents: readonly Incident[]): Incident | null {
  let best: Incident | null = null;
  for (const incident of incidents) {
    if (incident.status === 'closed' || incident.markedCurrentAt === undefined) continue;
    if (!best || (best.markedCurrentAt ?? 0) < incident.markedCurrentAt || (best.markedCurrentAt === incident.markedCurrentAt && best.id < incident.id)) {
      best = incident;
    }
  }
  return best;
}

/**
 * Which incident a desk shows: the command post's while the desk follows it (the default), else the one its user
 * picked. A desk following a command post that has marked nothing yet shows its own pick.
 */
export function deskIncident(incidents: readonly Incident[], choice: { currentIncidentId: string | null; followCommandPost?: boolean | undefined }): Incident | null {
  const picked = choice.currentIncidentId ? (incidents.find((incident) => incident.id === choice.currentIncidentId) ?? null) : null;
  if (choice.followCommandPost === false) return picked;
  return commandPostIncident(incidents) ?? picked;
}
