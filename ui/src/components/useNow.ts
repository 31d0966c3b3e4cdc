import { useEffect, useState } from 'react';

const clock = () => Date.now();

/** The present, refreshed every minute: enough for "overdue" to turn red while a screen is open. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
