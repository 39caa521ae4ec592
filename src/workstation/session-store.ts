import { z } from 'zod';
import { SessionSchema, type Session } from '../contract/sync';
import type { LocalStore } from './local-store';

/** The login this workstation holds with its hospital server. Kept on disk so a restart never logs anyone out. */
export const StoredSessionSchema = SessionSchema.extend({ serverUrl: z.string() });
export type StoredSession = z.infer<typeof StoredSessionSchema>;

export function readSession(store: LocalStore): StoredSession | null {
  const raw = store.getMeta('session');
  if (!raw) return null;
  const parsed = StoredSessionSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function writeSession(store: LocalStore, serverUrl: string, session: Session | null): void {
  store.setMeta('session', session ? JSON.stringify({ ...session, serverUrl }) : '');
}
