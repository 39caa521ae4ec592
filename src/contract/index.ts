export * from './api';
export * from './errors';
export * from './settings';
export * from './sync-status';
export * from './mutation-request';
export * from './wire';
export * from './dispatch';
export * from './sync';
