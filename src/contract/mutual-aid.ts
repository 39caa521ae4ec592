import { z } from 'zod';
import { IdSchema, SpaceIdSchema } from '../domain/ids';
import { SpaceNameSchema } from '../domain/spaces';

/** `POST /api/spaces/:space/mutual-aid`: send the space's request `requestId` to hospital space `to`. */
export const MutualAidSendSchema = z.strictObject({ to: SpaceIdSchema, requestId: IdSchema });
export type MutualAidSend = z.infer<typeof MutualAidSendSchema>;

/** What the other hospital's space made of it: one incoming request per line, or why not. */
export const MutualAidSentSchema = z.object({
  to: z.object({ id: SpaceIdSchema, name: SpaceNameSchema }),
  received: z.array(z.object({ id: z.string(), item: z.string(), qty: z.number() })),
  duplicates: z.array(z.object({ item: z.string() })),
  refused: z.array(z.object({ item: z.string(), code: z.string(), message: z.string() })),
});
export type MutualAidSent = z.infer<typeof MutualAidSentSchema>;

/** `GET /api/spaces/:space/mutual-aid/hospitals`: the other hospital spaces of this server a request may go to. */
export const MutualAidHospitalsSchema = z.object({ hospitals: z.array(z.object({ id: SpaceIdSchema, name: SpaceNameSchema })) });
export type MutualAidHospitals = z.infer<typeof MutualAidHospitalsSchema>;

/**
 * The workstation's mutual-aid methods, spread into the API (src/contract/api.ts). Both need the hospital server:
 * a request to another hospital travels through it, and a desk offline says so (`server_unreachable`).
 */
export const mutualAidApi = {
  'mutualAid.hospitals': { params: z.strictObject({}), result: MutualAidHospitalsSchema },
  /** Sends the request once the desk has pushed it (it waits for its outbox to drain, for a few seconds). */
  'mutualAid.send': { params: MutualAidSendSchema, result: MutualAidSentSchema },
} as const;
