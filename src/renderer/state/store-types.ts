import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-state';

export type StoreSet = StoreApi<AppState>['setState'];
export type StoreGet = StoreApi<AppState>['getState'];
