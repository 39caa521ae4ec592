import type { BrowserWindow, Screen } from 'electron';
import { describe, expect, it } from 'vitest';
import { chooseWallDisplay, placeWall } from '../../../electron/main/displays';
import { startWallController } from '../../../electron/main/wall-window';
import { FakeBrowserWindow, FakeScreen, makeDisplay } from '../../fixtures/electron-stand-in';

describe('choosing the wall display', () => {
  const primary = makeDisplay(1, { internal: true });

  it('finds none with a single display', () => {
    expect(chooseWallDisplay([primary], 1)).toBeNull();
  });

  it('takes the display that is not the primary', () => {
    expect(chooseWallDisplay([primary, makeDisplay(2)], 1)?.id).toBe(2);
  });

  it('never takes the primary, even when it is the largest', () => {
    const bigPrimary = makeDisplay(1, { bounds: { x: 0, y: 0, width: 3840, height: 2160 } });
    expect(chooseWallDisplay([bigPrimary, makeDisplay(2)], 1)?.id).toBe(2);
  });

  it('prefers an external screen over a built-in panel, then the largest', () => {
    const builtIn = makeDisplay(2, { internal: true, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } });
    const tv = makeDisplay(3, { bounds: { x: 5760, y: 0, width: 1920, height: 1080 } });
    const bigTv = makeDisplay(4, { bounds: { x: 7680, y: 0, width: 3840, height: 2160 } });
    expect(chooseWallDisplay([makeDisplay(1), builtIn, tv], 1)?.id).toBe(3);
    expect(chooseWallDisplay([makeDisplay(1), builtIn, tv, bigTv], 1)?.id).toBe(4);
  });

  it('falls back to a centred window on the primary display', () => {
    expect(placeWall([primary], primary)).toEqual({ kind: 'windowed', bounds: { x: 320, y: 160, width: 1280, height: 720 } });
  });
});

describe('the wall window', () => {
  const start = (screen: FakeScreen) => {
    const windows: FakeBrowserWindow[] = [];
    const controller = startWallController({
      screen: screen as unknown as Screen,
      createWindow: () => {
        const win = new FakeBrowserWindow({});
        windows.push(win);
        return win as unknown as BrowserWindow;
      },
    });
    return { controller, windows };
  };

  it('opens fullscreen on the second display at start-up', () => {
    const tv = makeDisplay(2);
    const { windows } = start(new FakeScreen([makeDisplay(1), tv], 1));
    expect(windows).toHaveLength(1);
    expect(windows[0]?.bounds).toEqual(tv.bounds);
    expect(windows[0]?.fullScreen).toBe(true);
  });

  it('does not open by itself with one display, and opens windowed on demand', () => {
    const { controller, windows } = start(new FakeScreen([makeDisplay(1)], 1));
    expect(windows).toHaveLength(0);
    controller.open();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.fullScreen).toBe(false);
  });

  it('moves to a display connected later, fullscreen', () => {
    const screen = new FakeScreen([makeDisplay(1)], 1);
    const { controller, windows } = start(screen);
    controller.open();
    const tv = makeDisplay(2);
    screen.connect(tv);
    expect(windows).toHaveLength(1);
    expect(windows[0]?.bounds).toEqual(tv.bounds);
    expect(windows[0]?.fullScreen).toBe(true);
  });

  it('opens by itself when a second display is connected', () => {
    const screen = new FakeScreen([makeDisplay(1)], 1);
    const { windows } = start(screen);
    screen.connect(makeDisplay(2));
    expect(windows).toHaveLength(1);
    expect(windows[0]?.fullScreen).toBe(true);
  });

  it('closes a wall that opened by itself when its display goes away', () => {
    const screen = new FakeScreen([makeDisplay(1), makeDisplay(2)], 1);
    const { windows } = start(screen);
    screen.disconnect(2);
    expect(windows[0]?.isDestroyed()).toBe(true);
  });

  it('keeps a wall the operator asked for, as a window on the primary display', () => {
    const screen = new FakeScreen([makeDisplay(1), makeDisplay(2)], 1);
    const { controller, windows } = start(screen);
    controller.open();
    screen.disconnect(2);
    expect(windows[0]?.isDestroyed()).toBe(false);
    expect(windows[0]?.fullScreen).toBe(false);
    expect(windows[0]?.bounds.x).toBeLessThan(1920);
  });

  it('focuses the existing wall instead of opening a second one', () => {
    const { controller, windows } = start(new FakeScreen([makeDisplay(1), makeDisplay(2)], 1));
    controller.open();
    controller.open();
    expect(windows).toHaveLength(1);
  });
});
