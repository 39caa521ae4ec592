import { formatDateTime } from '../../lib/time';

// formatDateTime builds an Intl.DateTimeFormat per call, which costs more than the rest of a card's render;
// a board draws hundreds of due times and redraws them on every change.
const texts = new Map<string, string>();
const MAX_TEXTS = 10_000;

/** A card's due time in the hospital's zone, as formatDateTime writes it. */
export function dueText(epochMs: number, timeZone: string, language: string): string {
  const key = `${timeZone}|${language}|${epochMs}`;
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    text = formatDateTime(epochMs, timeZone, language);
    texts.set(key, text);
  }
  return text;
}
