/**
 * A desk's clock may be wrong (a PC set a day off, a dead CMOS battery): entries it records carry its time, and
 * the record would silently put them elsewhere. The server stamps each change with its own receive time; where
 * the two differ by this much or more, screens show the server's time beside the desk's (issue 11, item 10).
 * Five minutes is past any honest delay between making a change and its push on a working network, yet well
 * inside the gaps that reorder an incident's log; work queued offline for longer is flagged too, and rightly:
 * the server learned of it only then.
 */
export const RECEIVED_NOTE_MS = 5 * 60_000;

/** The server's receive time when it should be shown beside `deskAt` (the desk's clock), else null. */
export function receiptToShow(deskAt: number, receivedAt: number | null | undefined): number | null {
  if (receivedAt === null || receivedAt === undefined || !Number.isFinite(receivedAt)) return null;
  return Math.abs(receivedAt - deskAt) >= RECEIVED_NOTE_MS ? receivedAt : null;
}
