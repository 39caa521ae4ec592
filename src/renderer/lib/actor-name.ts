import type { TFunction } from 'i18next';
import { LOCAL_OPERATOR_ID, type DirectoryEntry } from '../../contract/directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RAW = 24;

/**
 * An id the directory does not know, shortened but never blank. Account ids are UUIDv7s whose leading digits
 * are their creation time, so accounts made together share them: the random tail tells them apart.
 */
export function shortActorId(id: string): string {
  if (UUID.test(id)) return id.slice(-6);
  return id.length > MAX_RAW ? `${id.slice(0, MAX_RAW - 1)}…` : id;
}

export type ActorLabel = { name: string; title: string };

/** Who made a change, as a reader wants it: a display name, "this workstation", or a short form of the id. */
export function actorLabel(id: string, users: ReadonlyMap<string, DirectoryEntry>, t: TFunction): ActorLabel {
  if (id === LOCAL_OPERATOR_ID) return { name: t('who.thisWorkstation'), title: id };
  if (id === '') return { name: t('who.notRecorded'), title: '' };
  const user = users.get(id);
  if (user) return { name: user.displayName || user.username, title: user.username };
  return { name: UUID.test(id) ? t('who.unknownUser', { short: shortActorId(id) }) : shortActorId(id), title: id };
}
