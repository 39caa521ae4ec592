// Catalogue entries and people are retired, never deleted: past stock moves, rosters and time sheets name them.

type Retirable = { retiredAt?: number | undefined; updatedAt: number };

/** The row retired (keeping the first retirement's time) or back in service; the change is stamped `at`. */
export function withRetired<T extends Retirable>(row: T, retired: boolean, at: number): T {
  const { retiredAt, ...rest } = row;
  // `retiredAt` is optional in T, so the row without it is still a T; TypeScript cannot see that through Omit.
  return (retired ? { ...rest, updatedAt: at, retiredAt: retiredAt ?? at } : { ...rest, updatedAt: at }) as T;
}

export const isRetired = (row: { retiredAt?: number | undefined }): boolean => row.retiredAt !== undefined;
