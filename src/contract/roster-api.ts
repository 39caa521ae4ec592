/**
 * The roster feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'roster.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const rosterApi = {} as const;
