import { defaultSettings, SettingsSchema, type Settings } from '../contract/settings';
import type { LocalStore } from './local-store';

export function readSettings(store: LocalStore): Settings {
  const raw = store.getMeta('settings');
  if (!raw) return defaultSettings;
  const parsed = SettingsSchema.safeParse({ ...defaultSettings, ...(JSON.parse(raw) as object) });
  // A settings value this build cannot read (written by a newer one) falls back rather than locking the user out.
  return parsed.success ? parsed.data : defaultSettings;
}

export function writeSettings(store: LocalStore, patch: { [K in keyof Settings]?: Settings[K] | undefined }): Settings {
  const next = SettingsSchema.parse({ ...readSettings(store), ...patch });
  store.setMeta('settings', JSON.stringify(next));
  return next;
}
