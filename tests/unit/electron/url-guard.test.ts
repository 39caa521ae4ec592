import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppUrl, guardNavigation } from '../../../electron/main/url-guard';
import { FakeWebContents } from '../../fixtures/electron-stand-in';

const ours = ['app://renderer/', 'app://renderer/wall', 'app://renderer/assets/index-abc.js', 'app://renderer/?q=1#x'];

const misleading = [
  'app://evil.com/',
  'app://renderer.evil/',
  'app://renderer.evil.com/index.html',
  'app://renderer@evil.com/',
  'app://evil.com@renderer/',
  'app://user:pass@renderer/',
  'app://renderer:8080/',
  'app://Renderer/',
  'app:renderer/index.html',
  'app:/renderer/',
  'apps://renderer/',
  'xapp://renderer/',
  'file:///etc/passwd',
  'file://renderer/etc/passwd',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'http://127.0.0.1@evil.com/',
  'http://renderer/',
  'https://renderer/',
  'http://localhost:5174/',
  'https://evil.com/app://renderer/',
  'ws://127.0.0.1:5174/api',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  '//renderer/',
  '/wall',
  '',
  ' app://renderer.evil/',
];

describe('the URL guard', () => {
  it.each(ours)('accepts our renderer URL %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(misleading)('refuses the misleading URL %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([
    ['app://renderer/assets/x.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://renderer/0f4c', true],
    ['https://tile.openstreetmap.org/1/1/1.png', false],
    ['http://127.0.0.1@evil.com/', false],
    ['ws://evil.com/', false],
    ['file:///etc/passwd', false],
    ['app://renderer.evil/x.js', false],
  ] as const)('lets the session load %s: %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });
});

describe('the navigation guard on a window', () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    const refused: string[] = [];
    guardNavigation(contents as unknown as WebContents, (what, url) => refused.push(`${what} ${url}`));
    return { contents, refused };
  };

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)('refuses %s to any foreign URL', (name) => {
    const { contents, refused } = guarded();
    for (const url of misleading) expect(contents.navigate(name, url), url).toBe(true);
    expect(refused).toHaveLength(misleading.length);
  });

  it('lets a page reload one of its own routes', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-navigate', 'app://renderer/wall')).toBe(false);
  });

  it('denies window.open and target=_blank, even to our own origin', () => {
    const { contents, refused } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://renderer/wall' })).toEqual({ action: 'deny' });
    expect(refused).toEqual(['window.open https://evil.com/', 'window.open app://renderer/wall']);
  });

  it('refuses to attach a webview', () => {
    const { contents } = guarded();
    expect(contents.attachWebview()).toBe(true);
  });
});
