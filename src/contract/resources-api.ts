/**
 * The resources feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'resources.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const resourcesApi = {} as const;
