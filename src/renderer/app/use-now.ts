import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/**
 * The current time, ticking on each whole `intervalMs` of the clock (every second on the second, every minute on the
 * minute) rather than `intervalMs` after the page opened, so a minute shown or asked for is never a minute behind.
 * One timer per component that shows a clock.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      timer = setTimeout(tick, untilNextTick(at, intervalMs));
    };
    timer = setTimeout(tick, untilNextTick(Date.now(), intervalMs));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}

/** Milliseconds from `now` to the next whole `intervalMs` of the clock; a full interval when exactly on one. */
export function untilNextTick(now: number, intervalMs: number): number {
  return intervalMs - (now % intervalMs);
}

/** The start of the minute the clock is in, changing on the minute: for reads that take the time they are for. */
export function useMinute(): number {
  return Math.floor(useNow(MINUTE) / MINUTE) * MINUTE;
}
