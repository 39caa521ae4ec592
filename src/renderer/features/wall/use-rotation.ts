import { useEffect, useState } from 'react';

/** Which page the wall shows: turns every `seconds` when there is more than one page, else stays on the first. */
export function useRotation(pageCount: number, seconds: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (pageCount < 2 || seconds <= 0) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % pageCount), seconds * 1000);
    return () => clearInterval(timer);
  }, [pageCount, seconds]);
  return pageCount > 0 ? index % pageCount : 0;
}
