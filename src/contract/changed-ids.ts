/**
 * Above this many changed rows a `changed` event names kinds only, and a reader re-reads whole rather than by id
 * (a catch-up pull after a night offline is cheaper read once than asked for row by row).
 */
export const MAX_CHANGED_IDS = 500;
