import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../src/host/web-host';
import { makeTempDir } from '../../fixtures/workstation';

/** A minimal "built renderer" so host tests do not depend on running vite first. */
export function makeRendererDir(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>hcc</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'worker.mjs'), 'export const ok = true;');
  return dir;
}

export async function withHost<T>(fn: (host: WebHost) => Promise<T>, options: Partial<WebHostOptions> = {}): Promise<T> {
  const { dir, cleanup } = makeTempDir('hcc-host-');
  const host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), rendererDir: makeRendererDir(dir), ...options });
  try {
    return await fn(host);
  } finally {
    await host.close();
    cleanup();
  }
}

export function socketUrl(host: WebHost, query = ''): string {
  return `${host.url.replace(/^http/, 'ws')}/api${query}`;
}

/** A real ws client that collects what the host sends, in order. */
export async function openSocket(url: string, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; next: () => Promise<unknown> }> {
  const socket = new WebSocket(url, { headers });
  const inbox: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const message: unknown = JSON.parse(data.toString('utf8'));
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = (): Promise<unknown> =>
    inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiters.push(resolve));
  return { socket, next };
}

/** Resolves with the HTTP status the host answered an upgrade with, or 101 if the socket opened. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => resolve(0));
  });
}

/** Plain node:http GET, because fetch will not send a forged Host header. */
export function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Plain node:http GET with a forged Host header; the answer's headers. */
export function rawHeaders(url: string, headers: Record<string, string>): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.headers);
    });
    req.on('error', reject);
    req.end();
  });
}
