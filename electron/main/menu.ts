import type { MenuItemConstructorOptions } from 'electron';

export const OPEN_WALL_ACCELERATOR = 'CommandOrControl+Shift+W';

/** A small menu: the wall display on demand, plus the standard roles (no devtools, no reload in production). */
export function menuTemplate(options: { openWall: () => void; isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Open wall display', accelerator: OPEN_WALL_ACCELERATOR, click: () => options.openWall() },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'togglefullscreen' },
  ];
  if (options.isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
