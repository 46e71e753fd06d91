/** How retries after a network failure are spaced: the first wait's ceiling and the largest one, in ms. */
export type BackoffPolicy = { baseMs: number; maxMs: number };

/** The background drain's policy: 1 s, 2 s, 4 s… up to 5 minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * The wait (ms) before retry number `attempt` (0 for the first retry): "full jitter", a uniform draw
 * between 0 and min(maxMs, baseMs·2^attempt), so many desktops that lost the server together do not
 * come back in step. Source: Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog
 * (2015). `random` returns [0, 1) (Math.random by default).
 */
export const backoffDelay = (
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
};
