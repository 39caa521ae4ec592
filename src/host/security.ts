import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_COOKIE = 'hcc_token';

/**
 * Strict policy for the built renderer: nothing remote, no inline script, no eval, no frames. The API socket is
 * allowed by its exact origin, the host the page was served from, and nothing else: a script that got in must
 * not reach another socket (another local service, a remote collector). `'self'` alone would do in CSP Level 3
 * browsers, but not in every browser we may meet on a wall PC.
 */
export function contentSecurityPolicy(hostHeader: string | undefined): string {
  const socket = hostHeader !== undefined && isPlainHost(hostHeader) ? ` ws://${hostHeader} wss://${hostHeader}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${socket}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** A host name or IP with an optional port, and nothing that could add a source or a directive to the policy. */
function isPlainHost(hostHeader: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9.-]{0,252})|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i.test(hostHeader);
}

/** The headers of every response; the policy names the socket origin of the host as this request reached it. */
export function securityHeaders(hostHeader: string | undefined): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(hostHeader),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
    'cache-control': 'no-store',
  };
}

/** Hashing first gives equal-length buffers, so timingSafeEqual leaks neither the content nor the length. */
export function tokensEqual(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * Host names this server answers to. On loopback a page from any web site could otherwise reach us through a
 * name that resolves to 127.0.0.1 (DNS rebinding); beyond loopback the token guards every request instead.
 */
export function allowedHostHeader(hostHeader: string | undefined, port: number, boundTo: string): boolean {
  if (!isLoopbackHost(boundTo)) return true;
  if (hostHeader === undefined) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${boundTo}:${port}`].includes(hostHeader.toLowerCase());
}

/**
 * Browsers always send Origin on a WebSocket handshake; a page from another site must not drive the API.
 * Non-browser clients (tests, tools) send none and are judged by the token alone.
 */
export function allowedOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  if (hostHeader === undefined) return false;
  return origin === `http://${hostHeader}` || origin === `https://${hostHeader}`;
}
