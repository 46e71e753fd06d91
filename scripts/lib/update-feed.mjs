// The update feed rules of src/shared/updateFeed.ts for `npm run dist` (plain Node cannot import the
// TypeScript); test/unit/desktop/update-feed.test.ts keeps the two equal.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `text` cannot be the installer's update feed ('not_a_url', 'not_https', 'has_credentials'), or null. */
export const updateFeedProblem = (text) => {
  const value = text.trim();
  if (value === '') return null;
  if (value.length > 500 || !URL.canParse(value)) return 'not_a_url';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not_https';
  if (url.username !== '' || url.password !== '') return 'has_credentials';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'not_https';
  return null;
};

/**
 * electron-builder's configuration for one `npm run dist`: the installer's update feed is `feedUrl`
 * (written into app-update.yml), or none at all when null (no `publish`, so the app checks nothing
 * until the rep sets a feed in Settings). Never a made-up default.
 */
export const builderConfigFor = (config, feedUrl) => {
  const { publish: _publish, ...rest } = config;
  return feedUrl === null
    ? rest
    : { ...rest, publish: [{ provider: 'generic', url: feedUrl.trim(), channel: 'latest' }] };
};
