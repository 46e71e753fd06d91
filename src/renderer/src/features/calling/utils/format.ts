/** A call's length as a clock: `m:ss`, or `h:mm:ss` from an hour; `seconds` ≥ 0, rounded down. */
export const formatCallClock = (seconds: number): string => {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

/** A 0–1 share as a whole percentage. */
export const percent = (share: number): number => Math.round(share * 100);
