import { useEffect, useState } from 'preact/hooks';
import { MINUTE_MS, SECOND_MS } from '../../time';

/**
 * The time the stack's cards count from ("Updated 12 s ago", "Expires in 3 hours"): every second
 * while the newest card is under a minute old (its age is said in seconds), else every 30 s.
 */
export function useClock(newest: Date | null): Date {
  const [now, setNow] = useState(() => new Date());
  const young = newest !== null && now.getTime() - newest.getTime() < MINUTE_MS;
  // A new card counts from now, not from the last tick.
  useEffect(() => setNow(new Date()), [newest?.getTime()]);
  useEffect(() => {
    if (newest === null) return;
    const timer = setInterval(() => setNow(new Date()), young ? SECOND_MS : 30 * SECOND_MS);
    return () => clearInterval(timer);
  }, [newest === null, young]);
  return now;
}
