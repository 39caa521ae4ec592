import { BrowserWindow } from 'electron';
import type { WindowRole } from '../preload/channels';
import { appUrl, type Route } from './app-url';
import { guardNavigation, type RefusalLog } from './url-guard';
import { operatorWindowOptions, wallWindowOptions } from './window-options';
import type { WindowRegistry } from './window-registry';

export type WindowDeps = {
  registry: WindowRegistry;
  /** Absolute paths of the built preloads (out/preload/*.cjs). */
  preloads: Record<WindowRole, string>;
  log: RefusalLog;
};

function open(deps: WindowDeps, role: WindowRole, route: Route): BrowserWindow {
  const options = role === 'operator' ? operatorWindowOptions(deps.preloads.operator) : wallWindowOptions(deps.preloads.wall);
  const win = new BrowserWindow(options);
  // Guards and registration come before the first load, so not even the first navigation goes unchecked.
  guardNavigation(win.webContents, (what, url) => deps.log(`${role}: refused ${what}`, url));
  deps.registry.add(win.webContents, role);
  void win.loadURL(appUrl(route)).catch((error: unknown) => deps.log(`${role}: failed to load`, String(error)));
  return win;
}

export function createOperatorWindow(deps: WindowDeps): BrowserWindow {
  const win = open(deps, 'operator', '/');
  win.once('ready-to-show', () => win.show());
  return win;
}

/** The wall window is created hidden: the wall controller places it on its display, then shows it. */
export function createWallWindow(deps: WindowDeps): BrowserWindow {
  return open(deps, 'wall', '/wall');
}
