import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Poke } from '../contract/sync';
import type { Db } from './db/db';
import type { PokeHub } from './pokes';
import { authenticate } from './sessions';
import { bearerToken } from './auth-routes';

export const SOCKET_PATH = '/api/sync/socket';
const HEARTBEAT_MS = 30_000;
/** Close code for a socket whose session was logged out, revoked (renewal, another instance) or expired. */
export const SESSION_ENDED = 4401;

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The poke socket: `GET /api/sync/socket` with `Authorization: Bearer` (workstations are Node clients and can
 * send headers, so the token never goes in a URL that proxies log). Subscribed to the user's spaces; the
 * server only ever sends `{type:'poke'}` and ignores what the client sends.
 */
export function attachPokeSocket(
  app: FastifyInstance,
  db: Db,
  hub: PokeHub,
  now: () => number,
  sessionCheckMs = HEARTBEAT_MS,
): { close: () => void; endSession: (tokenHash: string) => void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();
  // The session each socket was opened under: a logout closes its sockets at once, and a periodic check closes
  // those whose session ended some other way (renewed, expired, or logged out through another instance).
  const sessionOf = new Map<WebSocket, string>();
  const endSession = (tokenHash: string) => {
    for (const [ws, hash] of sessionOf) if (hash === tokenHash) ws.close(SESSION_ENDED, 'session ended');
  };

  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgrade's socket over with no error listener: a desk that resets it while its session is still
    // being looked up (it logged out, its cable was pulled) would be an uncaught exception that ends the server.
    // ws listens itself from handleUpgrade on.
    const onSocketError = () => socket.destroy();
    socket.on('error', onSocketError);
    const path = (request.url ?? '').split('?')[0];
    if (path !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    const token = bearerToken(request.headers.authorization);
    if (!token) return refuse(socket, 401, 'Unauthorized');
    authenticate(db, token, now()).then(
      (auth) => {
        if (!auth) return refuse(socket, 401, 'Unauthorized');
        socket.removeListener('error', onSocketError);
        wss.handleUpgrade(request, socket, head, (ws) => {
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          ws.on('error', () => ws.terminate());
          const unsubscribe = hub.subscribe(auth.spaces, ({ space, version }) => {
            ws.send(JSON.stringify({ type: 'poke', space, version } satisfies Poke));
          });
          sessionOf.set(ws, auth.tokenHash);
          ws.on('close', () => {
            unsubscribe();
            sessionOf.delete(ws);
          });
          app.log.debug({ user: auth.user.username, spaces: auth.spaces }, 'poke socket open');
        });
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'poke socket authentication failed');
        refuse(socket, 500, 'Internal Server Error');
      },
    );
  });

  // A socket behind a dead NAT or a pulled cable never says goodbye: ping, and drop those that stop answering.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const checkSessions = async () => {
    const hashes = [...new Set(sessionOf.values())];
    if (hashes.length === 0) return;
    const live = await db.query<{ token_hash: string }>(
      'SELECT token_hash FROM session WHERE token_hash = ANY($1::text[]) AND revoked_at IS NULL AND expires_at > $2',
      [hashes, now()],
    );
    const valid = new Set(live.map((r) => r.token_hash));
    for (const hash of hashes) if (!valid.has(hash)) endSession(hash);
  };
  const sessionCheck = setInterval(() => {
    checkSessions().catch((error: unknown) => app.log.warn({ err: error }, 'poke socket session check failed'));
  }, sessionCheckMs);
  sessionCheck.unref();

  return {
    endSession,
    close() {
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
