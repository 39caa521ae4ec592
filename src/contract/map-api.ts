/**
 * The map feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'map.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const mapApi = {} as const;
