import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startWebHost } from '../../../src/host/web-host';
import { makeTempDir } from '../../fixtures/workstation';
import { makeRendererDir, openSocket, rawGet, rawHeaders, socketUrl, upgradeStatus, withHost } from './host-fixture';

const TOKEN = 'integration-token-0123456789';

describe('web host over HTTP', () => {
  it('serves .mjs as JavaScript, client routes as the app, and missing files as 404, with a strict CSP', async () => {
    await withHost(async (host) => {
      const mjs = await fetch(`${host.url}/assets/worker.mjs`);
      expect(mjs.headers.get('content-type')).toMatch(/^text\/javascript/);
      const wall = await fetch(`${host.url}/wall`);
      expect(wall.status).toBe(200);
      expect(await wall.text()).toContain('<div id="root">');
      const csp = wall.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      const origin = new URL(host.url).host;
      expect(csp).toContain(`connect-src 'self' ws://${origin} wss://${origin};`);
      expect(csp).not.toMatch(/ wss?:(\s|;|$)/);
      expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
      expect(wall.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
    });
  });

  it('lets the page open sockets to its own origin only, as the browser reached it, and never to any host', async () => {
    await withHost(async (host) => {
      const local = await rawHeaders(host.url, { host: `localhost:${host.port}` });
      expect(local['content-security-policy']).toContain(`connect-src 'self' ws://localhost:${host.port} wss://localhost:${host.port};`);
    });
    await withHost(
      async (host) => {
        // Beyond loopback any host name reaches the host; one that is not a plain name must not write the policy.
        const forged = await rawHeaders(host.url, { host: "evil.example:1 'unsafe-inline'; script-src *" });
        expect(forged['content-security-policy']).toContain("connect-src 'self'; ");
        expect(forged['content-security-policy']).not.toMatch(/evil|unsafe|\*/);
        const lan = await rawHeaders(host.url, { host: `ward-3.hospital.lan:${host.port}` });
        expect(lan['content-security-policy']).toContain(`connect-src 'self' ws://ward-3.hospital.lan:${host.port} wss://ward-3.hospital.lan:${host.port};`);
      },
      { host: '0.0.0.0', token: TOKEN },
    );
  });

  it('refuses to bind beyond loopback without a token', async () => {
    const { dir, cleanup } = makeTempDir('hcc-host-');
    try {
      await expect(startWebHost({ port: 0, host: '0.0.0.0', dataDir: join(dir, 'data'), rendererDir: makeRendererDir(dir) })).rejects.toThrow(/token/);
    } finally {
      cleanup();
    }
  });

  it('answers only to its own host names and refuses sockets from other origins', async () => {
    await withHost(async (host) => {
      expect(await rawGet(host.url, { host: `attacker.example:${host.port}` })).toBe(421);
      expect(await rawGet(host.url, { host: `localhost:${host.port}` })).toBe(200);
      expect(await upgradeStatus(socketUrl(host), { origin: 'http://attacker.example' })).toBe(403);
      expect(await upgradeStatus(socketUrl(host), { origin: host.url })).toBe(101);
      expect(await upgradeStatus(`${host.url.replace(/^http/, 'ws')}/elsewhere`)).toBe(404);
    });
  });

  it('with a token, serves nothing without it and keeps it in a cookie the socket also accepts', async () => {
    await withHost(
      async (host) => {
        expect((await fetch(`${host.url}/`)).status).toBe(401);
        expect((await fetch(`${host.url}/?token=wrong-token-wrong-token`)).status).toBe(401);
        const first = await fetch(`${host.url}/wall?token=${TOKEN}`, { redirect: 'manual' });
        expect(first.status).toBe(303);
        expect(first.headers.get('location')).toBe('/wall');
        const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
        expect(first.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
        expect((await fetch(`${host.url}/wall`, { headers: { cookie } })).status).toBe(200);

        expect(await upgradeStatus(socketUrl(host))).toBe(401);
        expect(await upgradeStatus(socketUrl(host, '?token=wrong-token-wrong-token'))).toBe(401);
        expect(await upgradeStatus(socketUrl(host, `?token=${TOKEN}`))).toBe(101);
        const { socket, next } = await openSocket(socketUrl(host), { cookie });
        socket.send(JSON.stringify({ id: 1, method: 'incident.list', params: {} }));
        expect(await next()).toEqual({ id: 1, ok: true, result: [] });
        socket.close();
      },
      { token: TOKEN },
    );
  });
});
