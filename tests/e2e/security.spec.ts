import type { Page } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { CommandCentre } from './pages/command-centre';
import { expect, test } from './fixtures/test';

const TOKEN = 'e2e-token-0123456789abcdef';

/** Opens a WebSocket to the host's API from inside the page and reports whether it got through. */
function trySocket(page: Page, path = '/api'): Promise<'open' | 'refused'> {
  return page.evaluate(
    (p) =>
      new Promise<'open' | 'refused'>((done) => {
        const socket = new WebSocket(`ws://${location.host}${p}`);
        socket.onopen = () => {
          socket.close();
          done('open');
        };
        socket.onerror = () => done('refused');
      }),
    path,
  );
}

test.describe('page containment', () => {
  test('the page cannot navigate to a remote site or open windows', async ({ page, host, context }) => {
    const app = new CommandCentre(page);
    await app.open(host.url);
    const popups: string[] = [];
    context.on('page', (p) => popups.push(p.url()));

    const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
    expect(opened).toBe(true);

    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/phish';
      link.textContent = 'external';
      link.id = 'injected-link';
      document.body.append(link);
      const blank = document.createElement('a');
      blank.href = '/wall';
      blank.target = '_blank';
      blank.textContent = 'new window';
      blank.id = 'injected-blank';
      document.body.append(blank);
    });
    await page.locator('#injected-link').click();
    await page.locator('#injected-blank').click();
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${host.url}/`);
    expect(popups).toEqual([]);
    await expect(page.getByTestId('incident-header')).toBeVisible();
  });

  test('the content security policy blocks remote requests, scripts and frames', async ({ page, host }) => {
    const app = new CommandCentre(page);
    await app.open(host.url);
    const blocked = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      await fetch('https://example.com/exfiltrate').catch(() => undefined);
      const script = document.createElement('script');
      script.src = 'https://example.com/evil.js';
      document.head.append(script);
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 500));
      return { violations, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(blocked.inlineRan).toBe(false);
    expect(blocked.violations.some((v) => v.startsWith('connect-src https://example.com'))).toBe(true);
    expect(blocked.violations.some((v) => v.startsWith('script-src-elem https://example.com'))).toBe(true);
    expect(blocked.violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
    expect(blocked.violations.some((v) => v.startsWith('frame-src https://example.com'))).toBe(true);
  });
});

test.describe('sockets', () => {
  test('the page may open a socket to its own host only: one to another local port is blocked', async ({ page, host }) => {
    // Another service on this machine that a script slipped into the page would like to reach.
    const other = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    let reached = 0;
    other.on('connection', (socket) => {
      reached += 1;
      socket.close();
    });
    await new Promise<void>((done) => other.once('listening', () => done()));
    const address = other.address();
    const otherPort = typeof address === 'object' ? address.port : 0;
    try {
      const app = new CommandCentre(page);
      await app.open(host.url);
      expect(await trySocket(page)).toBe('open');
      const outcome = await page.evaluate(async (port) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const result = await new Promise<string>((done) => {
          try {
            const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
            socket.onopen = () => done('open');
            socket.onerror = () => done('refused');
          } catch (error) {
            done(`thrown ${(error as Error).name}`);
          }
        });
        await new Promise((r) => setTimeout(r, 200));
        return { result, violations };
      }, otherPort);
      expect(outcome.result).not.toBe('open');
      expect(outcome.violations).toContain(`connect-src ws://127.0.0.1:${otherPort}/`);
      expect(reached).toBe(0);
    } finally {
      await new Promise<void>((done) => other.close(() => done()));
    }
  });
});

test.describe('access token', () => {
  test.use({ hostArgs: ['--token', TOKEN] });

  test('without the token neither the page nor the socket is served; with it both work', async ({ page, host, browser }) => {
    const refused = await page.goto(host.url);
    expect(refused?.status()).toBe(401);
    expect(await trySocket(page)).toBe('refused');

    const wrong = await page.goto(`${host.url}/?token=not-the-token-at-all`);
    expect(wrong?.status()).toBe(401);

    const app = new CommandCentre(page);
    await app.open(`${host.url}/?token=${TOKEN}`);
    // The token leaves the address bar (and the wall's screenshots) once it is in the cookie.
    expect(page.url()).toBe(`${host.url}/`);
    await expect(page.getByRole('navigation')).toContainText('指挥看板');
    expect(await trySocket(page)).toBe('open');

    // Another browser profile has no cookie and gets nothing.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    expect((await strangerPage.goto(`${host.url}/wall`))?.status()).toBe(401);
    expect(await trySocket(strangerPage)).toBe('refused');
    await stranger.close();
  });
});
