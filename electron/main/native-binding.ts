import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/rebuild-electron-native.mjs puts better-sqlite3 built for Electron's ABI (kept in sync by hand). */
export const ELECTRON_NATIVE_BINARY = join('.electron-native', 'better_sqlite3.node');

/**
 * The better-sqlite3 binary the workstation core should load under Electron. Packaged: none, because
 * electron-builder rebuilds node_modules for Electron and unpacks the `.node` from the asar. From a checkout:
 * the separate Electron build, so node_modules keeps the Node build the tests use.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = join(appPath, ELECTRON_NATIVE_BINARY);
  return existsSync(file) ? file : undefined;
}
