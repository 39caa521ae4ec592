import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeSession } from '../../fixtures/electron-stand-in';

vi.mock('electron', async () => (await import('../../fixtures/electron-stand-in')).electronModule);

const { createOperatorWindow, createWallWindow } = await import('../../../electron/main/windows');
const { WindowRegistry } = await import('../../../electron/main/window-registry');
const { lockDownSession } = await import('../../../electron/main/permissions');

const deps = () => ({
  registry: new WindowRegistry(),
  preloads: { operator: '/app/out/preload/operator.cjs', wall: '/app/out/preload/wall.cjs' },
  log: () => undefined,
});

const hardened = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('the operator and wall windows', () => {
  it('open the operator window isolated, sandboxed, without Node, on its own preload and app://renderer/', () => {
    createOperatorWindow(deps());
    const [win] = FakeBrowserWindow.instances;
    expect(win?.options.webPreferences).toMatchObject({ ...hardened, preload: '/app/out/preload/operator.cjs' });
    expect(win?.loadedUrl).toBe('app://renderer/');
  });

  it('open the wall window with the same hardening, the read-only preload and app://renderer/wall', () => {
    createWallWindow(deps());
    const [win] = FakeBrowserWindow.instances;
    expect(win?.options.webPreferences).toMatchObject({ ...hardened, preload: '/app/out/preload/wall.cjs' });
    expect(win?.loadedUrl).toBe('app://renderer/wall');
  });

  it('guard navigation and window.open from the first load', () => {
    createOperatorWindow(deps());
    createWallWindow(deps());
    for (const win of FakeBrowserWindow.instances) {
      expect(win.webContents.navigate('will-navigate', 'https://evil.com/')).toBe(true);
      expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    }
  });

  it('register each window under its role, and forget it when it is destroyed', () => {
    const d = deps();
    const operator = createOperatorWindow(d) as unknown as FakeBrowserWindow;
    const wall = createWallWindow(d) as unknown as FakeBrowserWindow;
    expect(d.registry.roleOf(operator.webContents.id)).toBe('operator');
    expect(d.registry.roleOf(wall.webContents.id)).toBe('wall');
    wall.close();
    expect(d.registry.roleOf(wall.webContents.id)).toBeUndefined();
  });
});

describe('the session lock-down', () => {
  const locked = () => {
    const session = new FakeSession();
    lockDownSession(session as never);
    return session;
  };

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal', 'fullscreen'])(
    'denies the permission request %s',
    (permission) => {
      const session = locked();
      const callback = vi.fn();
      session.permissionRequest?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission and device check with no', () => {
    const session = locked();
    expect(session.permissionCheck?.({}, 'media', 'app://renderer', {})).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'app://renderer' })).toBe(false);
  });

  it('cancels every request that is not our renderer', () => {
    const session = locked();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(verdict('app://renderer/assets/app.js')).toBe(false);
    expect(verdict('https://cdn.example/lib.js')).toBe(true);
    expect(verdict('http://127.0.0.1@evil.com/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
  });
});
