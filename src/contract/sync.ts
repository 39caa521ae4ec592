import { z } from 'zod';
import { domainErrorCodes } from '../domain/errors';
import { ErrorParamsSchema } from './errors';
import { visibleText } from '../domain/display-text';
import { EpochMsSchema, SpaceIdSchema } from '../domain/ids';
import { RoleSchema } from '../domain/roles';
import { SpaceSchema } from '../domain/spaces';

/**
 * The wire between a workstation and the hospital server: push the outbox, pull changes since a cursor, poke
 * (the protocol is described in src/server/README.md).
 * Both sides state this version; a mismatch is answered with `update_required` and the client keeps its work.
 */
export const SYNC_PROTOCOL_VERSION = 2;

/**
 * Protocol 2 (issue 11): a client id is one user's stream of mutations on one desk, registered to that account
 * and to the desk's proof; a reused id with other content is a `conflict`; answers carry the database's epoch,
 * and pulls the tokens that let a desk notice a database restored from a backup.
 */
export const ClientIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);

/**
 * HMAC-SHA256(desk secret, client id), base64url: proves the caller holds the desk file that made the client id,
 * without the secret ever leaving the desk. One proof per client id, so a proof seen in a log opens no other id.
 */
export const DeskProofSchema = z.string().min(40).max(100).regex(/^[A-Za-z0-9_-]+$/);

/** Random id made when the server's database was created: a different value means a different database. */
export const ServerEpochSchema = z.string().min(1).max(64);
export const VersionTokenSchema = z.string().min(1).max(64);

// ---- auth: POST /api/auth/login, POST /api/auth/renew, POST /api/auth/logout ----
export const LoginRequestSchema = z.strictObject({
  // No account has such a name (accounts refuse them), and NUL cannot even reach PostgreSQL: a 400, not a 500.
  username: visibleText(z.string().trim().min(1).max(100)),
  password: z.string().min(1).max(200),
});
export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: EpochMsSchema,
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(RoleSchema) }),
  spaces: z.array(SpaceIdSchema),
  /**
   * The same spaces with their kind and name (so a drill says EXERCISE whatever it is called). Added beside
   * `spaces` rather than in place of it, so protocol 1 holds both ways: an older client ignores it, and a session
   * from an older server, or one stored on a desk before it existed, reads as no descriptions.
   */
  spaceInfo: z.array(SpaceSchema).default([]),
});
export type Session = z.infer<typeof SessionSchema>;

// ---- push: POST /api/sync/push ----
export const PushedMutationSchema = z.strictObject({
  mutationId: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  space: SpaceIdSchema,
  /** Not EpochMsSchema: a time out of range is one mutation's refusal (runMutation), never the whole push's 400. */
  at: z.number().int().nonnegative(),
  /**
   * Set when the pushing user took this change over from a user who made it on this desk and is not logged in
   * (`sync.handOver`). The server applies it under the pusher's account and roles, records `from` in the audit,
   * and first checks the original stream, so a change the original author's session already delivered is not
   * applied twice.
   */
  handedOver: z
    .strictObject({ from: z.string().min(1).max(100), clientId: ClientIdSchema, mutationId: z.number().int().positive(), proof: DeskProofSchema })
    .optional(),
  /**
   * The number this change was first sent under, when its stream was re-keyed since (a copy of the desk file, a
   * restored or replaced server). Two copies of one file re-key the same pending change each to its own id: the
   * server applies a change once per origin and content, and answers the other copy `duplicate`.
   */
  origin: z.strictObject({ clientId: ClientIdSchema, mutationId: z.number().int().positive() }).optional(),
});
export type PushedMutation = z.infer<typeof PushedMutationSchema>;

/**
 * Sent in place of a mutation the workstation withdrew (too large for any push) or held (no push carrying it was
 * taken, see StuckChangeSchema): the server records it as refused (`withdrawn`) and its id is consumed, so the ones
 * behind it are not held at a gap forever. A server from before `held` records it as `discarded`.
 */
export const WITHDRAWN_MUTATION = '$withdrawn';
export const WithdrawnArgsSchema = z.strictObject({ reason: z.enum(['too_large', 'discarded', 'held']) });

export const PushRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  clientId: ClientIdSchema,
  deskProof: DeskProofSchema,
  mutations: z.array(PushedMutationSchema).max(1000),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * A refusal's params (the numbers and names behind it). Optional both ways, so protocol 1 is unchanged: a server
 * from before params sends none, and a client from before ignores them (objects here are not strict). Params
 * that do not fit are dropped rather than failing the whole answer: the refusal then reads as it did before.
 */
const WireParamsSchema = ErrorParamsSchema.optional().catch(undefined);

export const MutationResultSchema = z.object({
  mutationId: z.number().int(),
  /**
   * `conflict`: this (client id, mutation id) was already used for a different change (a desk restored from an
   * older copy of its file, or a cloned desk). Nothing of it was applied; the desk must take a new client id and
   * send it again. The server stops the batch there.
   */
  status: z.enum(['applied', 'rejected', 'duplicate', 'conflict']),
  code: z.enum(domainErrorCodes).optional(),
  message: z.string().optional(),
  params: WireParamsSchema,
});
export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
  lastMutationId: z.number().int().nonnegative(),
  serverEpoch: ServerEpochSchema,
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ---- pull: POST /api/sync/pull ----
/** A cursor is the space's version the client has fully applied; pages never split one version's rows. */
export const PullRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  clientId: ClientIdSchema,
  deskProof: DeskProofSchema,
  cursors: z.record(SpaceIdSchema, z.number().int().nonnegative()),
  /** The token the server gave with each cursor: one it no longer has means the database went back. */
  cursorTokens: z.record(SpaceIdSchema, VersionTokenSchema).default({}),
  /** Rejections of mutation ids above this one are returned (the client has recorded those below). */
  rejectionsAfter: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(10_000).default(2_000),
  /**
   * The desk's streams of users not logged in that the server has confirmed work of, with the desk's proof: the
   * server says how far it holds each (`otherLastMutationIds`), so a restore that lost a colleague's confirmed work
   * is noticed while they are away, and their work waits for them again instead of being forgotten. Optional: a desk
   * from before sends none. A server from before refuses the field, so the server is upgraded before its desks.
   */
  otherStreams: z.array(z.strictObject({ clientId: ClientIdSchema, deskProof: DeskProofSchema })).max(100).optional(),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

export const ServerRowSchema = z.object({
  kind: z.string(),
  id: z.string(),
  space: SpaceIdSchema,
  data: z.unknown(),
  version: z.number().int(),
  deleted: z.boolean(),
  /**
   * When the server received the change that last wrote the row (its clock, epoch ms). Optional both ways: a desk
   * from before ignores it, and a server from before (or a row written before it) sends none.
   */
  receivedAt: z.number().int().nullish(),
});
export type ServerRowWire = z.infer<typeof ServerRowSchema>;

export const PullResponseSchema = z.object({
  rows: z.array(ServerRowSchema),
  cursors: z.record(SpaceIdSchema, z.number().int().nonnegative()),
  /** True when the page was cut: pull again before trusting `lastMutationId`. */
  more: z.boolean(),
  /** The highest mutation id of this client the server has dealt with, as of the snapshot the rows came from. */
  lastMutationId: z.number().int().nonnegative(),
  rejections: z.array(z.object({ mutationId: z.number().int(), code: z.string(), message: z.string(), params: WireParamsSchema })),
  /**
   * Spaces the client asked for that this user is no longer granted: the others are answered, and the client
   * purges these. Optional both ways (protocol 1): an older server refused the whole pull with 403 instead.
   */
  withdrawnSpaces: z.array(SpaceIdSchema).optional(),
  serverEpoch: ServerEpochSchema,
  /** The token of each returned cursor's version (absent for a version no push made, e.g. cursor 0). */
  tokens: z.record(SpaceIdSchema, VersionTokenSchema),
  /**
   * Spaces whose cursor this database never reached or gave to other changes (it was restored from a backup):
   * no rows are sent for them; the desk drops its copy of the space and pulls it again from zero.
   */
  rewound: z.array(SpaceIdSchema),
  /**
   * For each of `otherStreams` this desk proved it holds: the highest mutation id the server has dealt with (0 for a
   * client id it does not know, e.g. one registered after the backup it was restored from). A client id registered
   * by another desk is left out.
   */
  otherLastMutationIds: z.record(ClientIdSchema, z.number().int().nonnegative()).optional(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ---- poke: WebSocket GET /api/sync/socket (Authorization: Bearer <token>) ----
export const PokeSchema = z.object({ type: z.literal('poke'), space: SpaceIdSchema, version: z.number().int() });
export type Poke = z.infer<typeof PokeSchema>;

/** Error bodies of the sync routes. */
export const SyncErrorSchema = z.object({
  // `unavailable` (503): the server cannot reach its database just now; retry. A client that predates it reads
  // the status alone, and a 5xx already means "retry" there.
  code: z.enum(['invalid_request', 'unauthorized', 'forbidden', 'update_required', 'server_outdated', 'rate_limited', 'internal', 'unavailable']),
  message: z.string(),
  serverProtocolVersion: z.number().int().optional(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;
