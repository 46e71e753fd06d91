import { useEffect, useState } from 'react';

/** The current time (epoch ms), refreshed every `everyMs` so countdowns move. */
export const useNow = (everyMs = 30_000): number => {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};
