import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * One set of web preferences for every window we open: context isolation, sandbox, no Node in the page, no
 * remote code (the desktop app's security policy). Spelling out the defaults keeps them true if Electron's
 * defaults ever change.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export function operatorWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Hospital Command Centre',
    backgroundColor: '#0f172a',
    webPreferences: secureWebPreferences(preload),
  };
}

export function wallWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 720,
    show: false,
    title: 'Hospital Command Centre: wall display',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
}
