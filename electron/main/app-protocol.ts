import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { RESPONSE_HEADERS } from './csp';
import { isAppUrl } from './url-guard';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // A module worker (maplibre's) served with any type but JavaScript is refused by the browser, and the map then
  // fails silently: no error reaches the page.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before `app` is ready: a standard, secure scheme gets an origin, `fetch` and the same rules as https. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The file under `root` a URL names, or null when it names nothing we serve. Decoding happens before the
 * containment check, so `%2e%2e%2f` and `..%5c` cannot climb out of the renderer folder.
 */
export function resolveAssetPath(root: string, raw: string): string | null {
  if (!isAppUrl(raw)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | null, type: string): Response {
  return new Response(body, { status, headers: { ...RESPONSE_HEADERS, 'content-type': type } });
}

/**
 * Serves the built renderer. A path without an extension is a client-side route (`/`, `/wall`) and gets
 * index.html; a missing asset is a 404, not index.html, so a typo in an import fails loudly.
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null, 'text/plain');
    const file = resolveAssetPath(root, request.url);
    if (file === null) return respond(404, null, 'text/plain');
    const isRoute = extname(file) === '';
    const target = isRoute ? resolve(root, 'index.html') : file;
    if (!(await isFile(target))) return respond(404, null, 'text/plain');
    const type = MIME[extname(target).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, request.method === 'HEAD' ? null : new Uint8Array(await readFile(target)), type);
  };
}
