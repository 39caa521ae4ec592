import { z } from 'zod';
import { ApiErrorSchema } from './errors';

/** Where the web host serves the API WebSocket, and where the renderer in a browser opens it. */
export const API_SOCKET_PATH = '/api';

/** Largest request a transport accepts; anything bigger is refused before it is parsed. */
export const MAX_REQUEST_BYTES = 256 * 1024;

export const WireRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type WireRequest = z.infer<typeof WireRequestSchema>;

export const WireResponseSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: ApiErrorSchema }),
]);
export type WireResponse = z.infer<typeof WireResponseSchema>;

export const WireEventSchema = z.object({ event: z.unknown() });
