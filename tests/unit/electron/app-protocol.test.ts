import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAssetPath } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { makeTempDir } from '../../fixtures/workstation';

const { dir: parent, cleanup } = makeTempDir('hcc-renderer-');
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'worker.mjs'), 'self.onmessage = () => {}');
writeFileSync(join(parent, 'secret.txt'), 'patient list');
afterAll(cleanup);

const handler = createAppRequestHandler(root);
const get = (url: string) => handler(new Request(url));

describe('the Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it("limits everything to 'self' by default", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('allows no eval, no inline script and no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe|\*|https?:|wss?:|blob:/);
  });

  it('forbids plugins, frames, being framed and base-URL tricks', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('the app:// protocol', () => {
  it('serves index.html for the operator and wall routes, with the CSP header', async () => {
    for (const url of ['app://renderer/', 'app://renderer/wall']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('id="root"');
    }
  });

  it('serves scripts and module workers as JavaScript with the CSP header', async () => {
    for (const url of ['app://renderer/assets/app.js', 'app://renderer/assets/worker.mjs']) {
      const response = await get(url);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 404 for a missing asset instead of index.html', async () => {
    expect((await get('app://renderer/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/%00index.html',
    'app://renderer.evil/index.html',
    'app://evil.com/index.html',
    'file:///etc/passwd',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('patient');
  });

  it('keeps resolved paths inside the root', () => {
    expect(resolveAssetPath(root, 'app://renderer/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAssetPath(root, 'app://renderer/../../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAssetPath(root, 'app://renderer/..%2f..%2fsecret.txt')).toBeNull();
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await handler(new Request('app://renderer/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
