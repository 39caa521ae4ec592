import type { WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * True only for a URL of our own renderer: scheme `app:`, host exactly `renderer`, no credentials, no port.
 * Parsed with WHATWG URL, never compared as a string prefix: `app://renderer.evil/`, `app://renderer@evil/` and
 * `http://127.0.0.1@evil.com` are exactly the URLs a prefix test lets through.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** Requests the session lets through: our renderer, and inline data the page built itself. Nothing remote. */
export function isAllowedRequest(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  const scheme = raw.slice(0, raw.indexOf(':') + 1).toLowerCase();
  // devtools: only exists when someone opened DevTools; data:/blob: are made by the page, not fetched.
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}

/** Why a navigation was refused, for the log; a stream of these means the page is trying to leave. */
export type RefusalLog = (what: string, url: string) => void;

/**
 * Locks one WebContents into our renderer. A page may move between its own routes (a full reload of `/wall`);
 * it may not leave the origin, open windows (including `target=_blank` and `window.open`) or attach webviews.
 * Links are not sent to the system browser either: nothing in a command room should open a browser.
 */
export function guardNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  log: RefusalLog = () => undefined,
): void {
  const refuseForeign = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(what, event.url);
  };
  contents.on('will-navigate', refuseForeign('navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('window.open', url);
    return { action: 'deny' };
  });
}
