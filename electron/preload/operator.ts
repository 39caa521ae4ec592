import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The operator's desk: the whole workstation API.
contextBridge.exposeInMainWorld('hcc', createBridge(ipcRenderer, { methods: 'all', canOpenWall: true }));
