import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../contract/directory';
import { actorLabel, type ActorLabel } from '../lib/actor-name';
import { useApp } from './store-context';

/** Names the account ids on records from the workstation's copy of the user directory (kept current by events). */
export function useActorLabel(): (id: string) => ActorLabel {
  const { t } = useTranslation();
  const directory = useApp((s) => s.directory);
  const byId = useMemo(() => new Map<string, DirectoryEntry>(directory.map((u) => [u.id, u])), [directory]);
  return useCallback((id: string) => actorLabel(id, byId, t), [byId, t]);
}
