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

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The poke socket: `GET /api/sync/socket` with `Authorization: Bearer` (workstations are Node clients and can
 * send headers, so the token never goes in a URL that proxies log). Subscribed to the user's spaces; the
 * server only ever sends `{type:'poke'}` and ignores what the client sends.
 */
export function attachPokeSocket(app: FastifyInstance, db: Db, hub: PokeHub, now: () => number): { close: () => void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();

  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    const token = bearerToken(request.headers.authorization);
    if (!token) return refuse(socket, 401, 'Unauthorized');
    authenticate(db, token, now()).then(
      (auth) => {
        if (!auth) return refuse(socket, 401, 'Unauthorized');
        wss.handleUpgrade(request, socket, head, (ws) => {
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          ws.on('error', () => ws.terminate());
          const unsubscribe = hub.subscribe(auth.spaces, ({ space, version }) => {
            ws.send(JSON.stringify({ type: 'poke', space, version } satisfies Poke));
          });
          ws.on('close', unsubscribe);
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

  return {
    close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
