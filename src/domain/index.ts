export * from './errors';
export * from './ids';
export * from './roles';
export * from './incident';
export * from './entities';
export * from './mutation';
export * from './mutators';
