import { z } from 'zod';
import type { Settings } from '../contract/settings';
import { entityKinds } from '../domain/entities';
import { SpaceSchema, type Space } from '../domain/spaces';
import { changedEvent, type EventHub } from './events';
import type { LocalStore } from './local-store';
import { readSettings, writeSettings } from './settings-store';

const KnownSpacesSchema = z.array(SpaceSchema);

/**
 * Every space this desk has been told about by a login, kept apart from the login itself: a desk left in a drill
 * still says EXERCISE after its user logs out, and after a restart with the network down.
 */
export function knownSpaces(store: LocalStore): Space[] {
  const raw = store.getMeta('spaces');
  if (!raw) return [];
  const parsed = KnownSpacesSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

/** Takes the server's word for the spaces it describes (a renamed space is renamed); keeps those it no longer lists. */
export function rememberSpaces(store: LocalStore, described: readonly Space[]): void {
  if (described.length === 0) return;
  const byId = new Map(knownSpaces(store).map((space) => [space.id, space]));
  for (const space of described) byId.set(space.id, space);
  store.setMeta('spaces', JSON.stringify([...byId.values()]));
}

/**
 * The space this desk works in. One no server has described (a desk that never logged in works in its own demo
 * hospital) is a hospital named by its id.
 */
export function currentSpace(store: LocalStore): Space {
  const id = readSettings(store).space;
  return knownSpaces(store).find((space) => space.id === id) ?? { id, kind: 'hospital', name: id };
}

/**
 * Moves the desk to another space. Every screen then shows another space's records, so every kind has changed
 * as far as a reader is concerned; the incident chosen in the old space means nothing in the new one.
 */
export function enterSpace(store: LocalStore, events: EventHub, space: string): Settings {
  const settings = writeSettings(store, { space, currentIncidentId: null, followCommandPost: undefined });
  events.emit({ type: 'settings', settings });
  announceSpaceChange(events);
  return settings;
}

/** Tells every reader that what it shows belongs to another space now: all of it is to be read again. */
export function announceSpaceChange(events: EventHub): void {
  events.emit(changedEvent(entityKinds, new Set()));
}
