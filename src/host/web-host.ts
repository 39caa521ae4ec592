import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { WebSocketServer } from 'ws';
import { API_SOCKET_PATH, MAX_REQUEST_BYTES } from '../contract/wire';
import { createWorkstation, type Workstation } from '../workstation/workstation';
import { serveApiSocket } from './api-socket';
import {
  allowedHostHeader,
  allowedOrigin,
  isLoopbackHost,
  readCookie,
  securityHeaders,
  TOKEN_COOKIE,
  tokenCookie,
  tokensEqual,
} from './security';

export type WebHostOptions = {
  port: number;
  host?: string;
  dataDir: string;
  token?: string | undefined;
  rendererDir?: string;
};

export type WebHost = {
  /** Where the UI is served (without the token). */
  readonly url: string;
  readonly port: number;
  /** The core it serves, for in-process callers (benchmarks, tests) that drive or observe it directly. */
  readonly workstation: Workstation;
  close(): Promise<void>;
};
// HCC_RENDERER_DIR lets parallel test runs each serve their own build instead of racing on out/renderer.
export const DEFAULT_RENDERER_DIR = process.env['HCC_RENDERER_DIR']
  ? resolvePath(process.env['HCC_RENDERER_DIR'])
  : fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** Frames between MAX_REQUEST_BYTES and this get a named error; beyond it ws closes the socket (1009). */
const HARD_FRAME_LIMIT = MAX_REQUEST_BYTES * 4;

/**
 * Runs the workstation core in plain Node and serves the built renderer plus the API over a WebSocket. Binding
 * beyond loopback requires a token, and then every request and socket must present it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token;
  if (!isLoopbackHost(host) && !token) {
    throw new Error(`refusing to listen on ${host} without --token: anyone on the network could run the incident`);
  }
  if (token !== undefined && token.length < 16) throw new Error('the token must be at least 16 characters');
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!existsSync(rendererDir)) throw new Error(`no built renderer at ${rendererDir}: run npm run build:renderer`);

  const workstation = createWorkstation({ dataDir: options.dataDir });
  // forceCloseConnections: a browser's idle keep-alive must not hold a shutdown (SQLite closes after it).
  const app = Fastify({ logger: false, bodyLimit: MAX_REQUEST_BYTES, forceCloseConnections: true });
  let port = options.port;

  const presentedToken = (req: IncomingMessage, url: URL): string | undefined =>
    url.searchParams.get('token') ?? readCookie(req.headers, TOKEN_COOKIE);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.headers(securityHeaders(request.headers.host));
    if (!allowedHostHeader(request.headers.host, port, host)) {
      return reply.code(421).type('text/plain').send('unknown host name');
    }
    if (!token) return;
    const url = new URL(request.url, 'http://host.invalid');
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && tokensEqual(token, fromQuery)) {
      // Keep the token in an HttpOnly cookie (the browser sends it on the socket handshake too) and drop it
      // from the address bar, history and any screenshot of the wall.
      url.searchParams.delete('token');
      return reply.header('set-cookie', tokenCookie(token)).redirect(`${url.pathname}${url.search}`, 303);
    }
    if (!tokensEqual(token, presentedToken(request.raw, url))) {
      return reply.code(401).type('text/plain').send('this command centre needs its access token (?token=...)');
    }
  });

  await app.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/',
    index: 'index.html',
    setHeaders: (res, path) => {
      // Module workers (maplibre) are refused by browsers unless .mjs comes with a JavaScript type.
      if (path.endsWith('.mjs')) void res.header('content-type', 'text/javascript; charset=utf-8');
    },
  });

  // Client-side routes (/wall, /map...) are the app itself; anything that looks like a file stays a 404.
  app.setNotFoundHandler((request, reply) => {
    const path = new URL(request.url, 'http://host.invalid').pathname;
    if ((request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path) && !path.startsWith('/api')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).type('text/plain').send('not found');
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  sockets.on('connection', (socket) => serveApiSocket(socket, workstation));
  const refuse = (stream: Duplex, status: string): void => {
    stream.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  app.server.on('upgrade', (req: IncomingMessage, stream: Duplex, head: Buffer) => {
    // Node hands an upgrade's socket over with no error listener: a client that resets it before or while it is
    // refused would be an uncaught exception that ends the host (as src/server/socket.ts found). ws listens itself
    // from handleUpgrade on.
    const onStreamError = () => stream.destroy();
    stream.on('error', onStreamError);
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname !== API_SOCKET_PATH) return refuse(stream, '404 Not Found');
    if (!allowedHostHeader(req.headers.host, port, host)) return refuse(stream, '421 Misdirected Request');
    if (!allowedOrigin(req.headers.origin, req.headers.host)) return refuse(stream, '403 Forbidden');
    if (token && !tokensEqual(token, presentedToken(req, url))) return refuse(stream, '401 Unauthorized');
    stream.removeListener('error', onStreamError);
    sockets.handleUpgrade(req, stream, head, (socket) => sockets.emit('connection', socket, req));
  });

  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await workstation.close();
    throw error;
  }
  const address = app.server.address();
  if (address && typeof address === 'object') port = address.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    workstation,
    close() {
      closing ??= (async () => {
        for (const client of sockets.clients) client.terminate();
        await new Promise<void>((resolve) => sockets.close(() => resolve()));
        await app.close();
        // Closing the workstation checkpoints and closes SQLite after any call still in its queue.
        await workstation.close();
      })();
      return closing;
    },
  };
}
