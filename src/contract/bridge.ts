import { z } from 'zod';
import type { ApiClient } from './api';
import { ApiErrorSchema, ApiFailure } from './errors';

/**
 * What the Electron preload puts on `window.hcc`. The renderer reads this type and never imports electron.
 * `openWallDisplay` exists only in the operator window of the desktop app; in a browser `window.hcc` is absent.
 */
export type DesktopBridge = ApiClient & {
  openWallDisplay?: () => Promise<void>;
};

/**
 * A rejection that crossed Electron's contextBridge: the bridge copies plain objects but drops the prototype and
 * custom fields of an Error, so the preload rejects with this shape and the renderer turns it back into ApiFailure.
 */
export const BridgeFailureSchema = z.object({ name: z.literal('ApiFailure'), message: z.string(), error: ApiErrorSchema });
export type BridgeFailure = z.infer<typeof BridgeFailureSchema>;

export function toApiFailure(reason: unknown): ApiFailure {
  if (reason instanceof ApiFailure) return reason;
  const parsed = BridgeFailureSchema.safeParse(reason);
  if (parsed.success) return new ApiFailure(parsed.data.error);
  return new ApiFailure({ code: 'internal', message: reason instanceof Error ? reason.message : String(reason) });
}
