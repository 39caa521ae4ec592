import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAuthRoutes, type LoginRateLimit } from './auth-routes';
import { lockDataDir } from './db/data-dir-lock';
import type { Db } from './db/db';
import { migrate } from './db/migrations';
import { openDb } from './db/open';
import type { PgTimeouts } from './db/pg-db';
import { registerDirectoryRoutes } from './directory-routes';
import { registerExchangeRoutes } from './exchange-routes';
import { defaultHealthPolicy, registerHealthRoute, type HealthPolicy } from './health';
import { handleError } from './http-errors';
import { boundJsonBodies } from './json-body';
import { encodePoke, listenForPokes, PokeHub, POKE_CHANNEL } from './pokes';
import { defaultSessionPolicy, type SessionPolicy } from './sessions';
import { attachPokeSocket } from './socket';
import { pokePublisher, registerSyncRoutes } from './sync-routes';
import { registerFeedRoutes } from './feed-routes';
import { registerExerciseSpaceRoutes } from './exercise-space-routes';
import { registerMutualAidRoutes } from './mutual-aid-routes';
import { PushBatcher, type Poke } from './push';

export type ServerOptions = {
  /** PostgreSQL when set; otherwise PGlite in `<dataDir>/pglite` (in memory when there is no dataDir either). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** Fastify's pino options; `false` for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  session?: Partial<SessionPolicy>;
  loginRateLimit?: LoginRateLimit;
  /** Largest request body. A full push batch (1,000 mutations) fits with room to spare. */
  bodyLimit?: number;
  /** How often open poke sockets are checked against their sessions (revoked or expired ones are closed). */
  socketSessionCheckMs?: number;
  /** How long to wait on PostgreSQL (statement, answer, connection, idle); see `defaultPgTimeouts`. */
  databaseTimeouts?: Partial<PgTimeouts>;
  /** When `/health` reports the write path stalled; see `defaultHealthPolicy`. */
  health?: Partial<HealthPolicy>;
  /** The hospital's time zone for the HAVE document's staffing (minimum-staffing shifts); the machine's by default. */
  timeZone?: string | undefined;
};

export type HospitalServer = {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:4710`. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops taking requests, lets running ones finish, closes sockets, the listener and the database. */
  close(): Promise<void>;
};

export const defaultLogger = {
  level: process.env['LOG_LEVEL'] ?? 'info',
  // Fastify logs no headers or bodies by default; this is the belt to that pair of braces.
  redact: ['req.headers.authorization', 'headers.authorization', 'password', '*.password', 'token', '*.token'],
};

export async function createHospitalServer(options: ServerOptions = {}): Promise<HospitalServer> {
  const now = options.now ?? Date.now;
  // Only PGlite needs the lock: PostgreSQL serves any number of instances and tools at once.
  const unlock = !options.databaseUrl && options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  let db: Db | undefined;
  try {
    db = await openDb(options);
    await migrate(db);
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
  const opened = db;

  const app = Fastify({ logger: options.logger ?? defaultLogger, bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024 });
  app.setErrorHandler(handleError);
  boundJsonBodies(app);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ code: 'invalid_request', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}` });
  });

  const hub = new PokeHub();
  const listener = options.databaseUrl ? listenForPokes(options.databaseUrl, hub, app.log) : undefined;
  await listener?.ready;
  const socket = attachPokeSocket(app, opened, hub, now, options.socketSessionCheckMs);

  await registerAuthRoutes(app, opened, {
    now,
    policy: { ...defaultSessionPolicy, ...options.session },
    loginRateLimit: options.loginRateLimit ?? { max: 10, windowMs: 60_000 },
    onSessionEnded: socket.endSession,
  });
  registerDirectoryRoutes(app, opened, { now });
  registerExchangeRoutes(app, opened, { now, timeZone: options.timeZone });
  const syncOptions = {
    now,
    hub,
    announce: async (pokes: readonly Poke[]) => {
      if (opened.kind !== 'postgres') return;
      for (const poke of pokes) await opened.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, encodePoke(poke)]);
    },
  };
  const batcher = new PushBatcher(opened, now, undefined, (err, where) => app.log.error({ err, ...where }, 'mutator failed'));
  registerSyncRoutes(app, opened, syncOptions, batcher);
  registerFeedRoutes(app, opened, { now, batcher, publish: pokePublisher(syncOptions) });
  registerExerciseSpaceRoutes(app, opened, { now, batcher, publish: pokePublisher(syncOptions) });
  registerMutualAidRoutes(app, opened, { now, batcher, publish: pokePublisher(syncOptions) });
  registerHealthRoute(app, opened, batcher, { ...defaultHealthPolicy, ...options.health });
  await app.ready();

  let closing: Promise<void> | undefined;
  return {
    app,
    db: opened,
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
    },
    close() {
      closing ??= (async () => {
        socket.close();
        await app.close();
        await listener?.close();
        await opened.close();
        unlock();
      })();
      return closing;
    },
  };
}
