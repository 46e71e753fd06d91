/**
 * The rules an update feed's address must meet before the desktop app asks it for updates. The feed
 * decides what code runs next, so it is https: electron-updater checks each download against the
 * SHA-512 in the feed's `latest*.yml`, which only means something when the yml itself came over TLS.
 * Plain http is allowed for a feed on this computer (loopback), for testing. Credentials in the address
 * (`https://user:pw@…`) are refused: they would be stored in the settings and shown in logs.
 * `scripts/lib/update-feed.mjs` applies the same rules at `npm run dist` (a unit test keeps them equal).
 */
export type UpdateFeedProblem = 'not_a_url' | 'not_https' | 'has_credentials';

/** The longest feed address kept. */
export const MAX_UPDATE_FEED_LENGTH = 500;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `text` (trimmed) cannot be the update feed, or null when it can. '' (no feed of its own) is fine. */
export const updateFeedProblem = (text: string): UpdateFeedProblem | null => {
  const value = text.trim();
  if (value === '') return null;
  if (value.length > MAX_UPDATE_FEED_LENGTH || !URL.canParse(value)) return 'not_a_url';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not_https';
  if (url.username !== '' || url.password !== '') return 'has_credentials';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'not_https';
  return null;
};
