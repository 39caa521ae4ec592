import { compareByOrder, keyBetween } from './task-order';

type Card = { id: string; order: string };

/**
 * The order key for a card dropped into `column` (the target column without the card itself), placed after
 * `afterId` and before `beforeId`. The mutator runs this against the state it finds when it is applied, which
 * on the server may differ from what the user saw: a neighbour that has left the column or been reordered is
 * ignored rather than refused, so a drop always lands, next to the neighbours that are still there.
 */
export function placeInColumn(column: readonly Card[], afterId?: string, beforeId?: string): string {
  const sorted = [...column].sort(compareByOrder);
  const after = afterId === undefined ? undefined : sorted.find((c) => c.id === afterId);
  const before = beforeId === undefined ? undefined : sorted.find((c) => c.id === beforeId);
  if (after && before && after.order < before.order) return keyBetween(after.order, before.order);
  if (after) return keyBetween(after.order, sorted.find((c) => c.order > after.order)?.order ?? null);
  if (before) return keyBetween([...sorted].reverse().find((c) => c.order < before.order)?.order ?? null, before.order);
  // No usable neighbour: the end of the column, where a new card goes.
  return keyBetween(sorted.at(-1)?.order ?? null, null);
}
