import { z } from 'zod';
import { SpaceIdSchema } from '../domain/ids';
import { WallLayoutSchema } from './wall-layout';

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Per-workstation preferences, kept in the local store (not synced). */
export const SettingsSchema = z.strictObject({
  language: LanguageSchema,
  currentIncidentId: z.uuid().nullable(),
  /**
   * Whether this desk shows the incident the command post made current (absent: it does) rather than
   * `currentIncidentId`; false once its user picks another incident, until they choose to follow again.
   */
  followCommandPost: z.boolean().optional(),
  space: SpaceIdSchema,
  /** The hospital's time zone: times are stored in UTC and shown here. */
  timeZone: z.string().min(1).max(64),
  /** This workstation's wall display layout (features/wall); absent means the default layout. */
  wall: WallLayoutSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  language: 'zh-CN',
  currentIncidentId: null,
  space: 'demo-hospital',
  timeZone: 'Asia/Shanghai',
};
