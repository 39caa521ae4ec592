import type { BrowserWindow, Display, Screen } from 'electron';
import { placeWall } from './displays';

export type WallDeps = {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>;
  createWindow: () => BrowserWindow;
};

export type WallController = {
  /** Opens (or focuses) the wall on demand: fullscreen on a second display, else a window on the primary. */
  open(): void;
};

/**
 * Keeps the wall display where it belongs. It opens by itself when a second display is connected; if that
 * display goes away, a wall that opened by itself closes (nothing should cover the operator's screen
 * unasked), while one the operator asked for stays as a window.
 */
export function startWallController(deps: WallDeps): WallController {
  let win: BrowserWindow | null = null;
  let requested = false;

  const displays = (): Display[] => deps.screen.getAllDisplays();

  const place = (target: BrowserWindow): void => {
    const placement = placeWall(displays(), deps.screen.getPrimaryDisplay());
    if (placement.kind === 'second-display') {
      const { bounds } = placement.display;
      const now = target.getBounds();
      const alreadyThere = now.x === bounds.x && now.y === bounds.y && now.width === bounds.width && now.height === bounds.height;
      // Metrics change often (taskbar, scaling): re-entering fullscreen each time would make the wall flicker.
      if (target.isFullScreen() && alreadyThere) return;
      // Leave fullscreen first: a fullscreen window ignores setBounds, so it would stay on the old display.
      if (target.isFullScreen()) target.setFullScreen(false);
      target.setBounds(placement.display.bounds);
      target.setFullScreen(true);
    } else {
      if (target.isFullScreen()) target.setFullScreen(false);
      target.setBounds(placement.bounds);
    }
  };

  const show = (): BrowserWindow => {
    if (win && !win.isDestroyed()) {
      place(win);
      win.show();
      return win;
    }
    const created = deps.createWindow();
    win = created;
    created.on('closed', () => {
      if (win === created) win = null;
      requested = false;
    });
    place(created);
    created.once('ready-to-show', () => created.show());
    return created;
  };

  const hasSecondDisplay = (): boolean => placeWall(displays(), deps.screen.getPrimaryDisplay()).kind === 'second-display';

  const onDisplaysChanged = (): void => {
    const second = hasSecondDisplay();
    if (win && !win.isDestroyed()) {
      if (!second && !requested) win.close();
      else place(win);
    } else if (second) {
      show();
    }
  };

  deps.screen.on('display-added', onDisplaysChanged);
  deps.screen.on('display-removed', onDisplaysChanged);
  deps.screen.on('display-metrics-changed', onDisplaysChanged);
  if (hasSecondDisplay()) show();

  return {
    open() {
      requested = true;
      const shown = show();
      if (shown.isVisible()) shown.focus();
    },
  };
}
