import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { WALL_METHODS } from './channels';

// The wall display is read-only: a TV in the command room must not be able to change the incident.
contextBridge.exposeInMainWorld('hcc', createBridge(ipcRenderer, { methods: WALL_METHODS, canOpenWall: false }));
