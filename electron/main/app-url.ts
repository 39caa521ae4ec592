/**
 * The renderer is served from `app://renderer/`, a privileged standard scheme, rather than file:// (which would
 * give the page read access to the disk's URL space) or a localhost port (which any local program could reach).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type Route = '/' | '/wall';

export function appUrl(route: Route): string {
  return `${APP_ORIGIN}${route}`;
}
