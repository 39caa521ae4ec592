import { app, BrowserWindow, ipcMain, Menu, protocol, screen, session, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME } from './app-url';
import { createAppRequestHandler, registerAppScheme } from './app-protocol';
import { bindIpc } from './ipc';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { lockDownSession } from './permissions';
import { guardNavigation } from './url-guard';
import { startWallController } from './wall-window';
import { WindowRegistry } from './window-registry';
import { createOperatorWindow, createWallWindow, type WindowDeps } from './windows';
import { startWorkstationClient, type WorkstationClient } from './workstation-client';
import type { ApiEvent } from '../../src/contract/api';
import type { LiveEvent } from '../../src/contract/live';

const outMain = fileURLToPath(new URL('.', import.meta.url));
const log = (what: string, detail = ''): void => console.warn(`[hcc] ${what}${detail ? `: ${detail}` : ''}`);

// Both must happen before `ready`: every renderer sandboxed, and app:// known as a secure standard scheme.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (see 'second-instance') instead of opening the database twice.
  app.quit();
} else {
  run();
}

function run(): void {
  let operator: BrowserWindow | null = null;
  let workstation: WorkstationClient | null = null;
  let stopped = false;

  app.on('second-instance', () => {
    if (!operator) return;
    if (operator.isMinimized()) operator.restore();
    operator.show();
    operator.focus();
  });

  // Our windows are guarded in windows.ts before their first load; this catches every other WebContents
  // (webview guests, anything a future change creates) so none is ever unguarded.
  app.on('web-contents-created', (_event, contents) => {
    if (contents.getType() !== 'window') guardNavigation(contents, (what, url) => log(`refused ${what}`, url));
  });

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (stopped || !workstation) return;
    // Let the core close SQLite cleanly (checkpoint the WAL) before the process goes.
    event.preventDefault();
    const current = workstation;
    void current.stop(5_000).finally(() => {
      stopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppRequestHandler(join(outMain, '../renderer')));
    lockDownSession(session.defaultSession, log);

    const registry = new WindowRegistry();
    const windowDeps: WindowDeps = {
      registry,
      preloads: { operator: join(outMain, '../preload/operator.cjs'), wall: join(outMain, '../preload/wall.cjs') },
      log,
    };
    let broadcast: (event: ApiEvent) => void = () => undefined;
    let sendLive: (conn: number, event: LiveEvent) => void = () => undefined;
    workstation = startWorkstationClient({
      spawn: () =>
        utilityProcess.fork(join(outMain, 'workstation-process.js'), [], {
          serviceName: 'hcc-workstation',
          stdio: 'inherit',
          // The EDXL schemas ship beside the asar (electron-builder.yml extraResources); in a checkout the core finds resources/schemas itself.
          env: app.isPackaged ? { ...process.env, HCC_SCHEMA_DIR: join(process.resourcesPath, 'schemas') } : process.env,
        }),
      init: {
        type: 'init',
        dataDir: join(app.getPath('userData'), 'data'),
        nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged),
        appVersion: app.getVersion(),
      },
      onEvent: (event) => broadcast(event),
      onLive: (conn, event) => sendLive(conn, event),
      onRestarted: () => broadcast({ type: 'restarted' }),
      log: (message) => log(message),
    });

    const wall = startWallController({ screen, createWindow: () => createWallWindow(windowDeps) });
    ({ broadcast, sendLive } = bindIpc({ ipcMain, registry, workstation, openWall: () => wall.open(), log }));

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ openWall: () => wall.open(), isDev: !app.isPackaged, isMac: process.platform === 'darwin' })),
    );

    operator = createOperatorWindow(windowDeps);
    // The operator window is the app: closing it quits, wall included.
    operator.on('closed', () => {
      operator = null;
      app.quit();
    });
  });
}
