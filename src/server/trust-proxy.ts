import { isIP } from 'node:net';
import { ServerError } from './errors';

/**
 * Which proxies in front of the server are trusted to say who the client is (Fastify's `trustProxy`,
 * read through the `proxy-addr` package): the addresses or CIDR ranges of the load balancers, or the
 * number of proxy hops in front of the server. A request from a trusted proxy gets its client's
 * address (`request.ip`, which the sign-in rate limit keys on) from `X-Forwarded-For`; from anyone
 * else, that header is ignored.
 */
export type TrustProxy = readonly string[] | number;

/** The names `proxy-addr` knows for whole families of addresses. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrRange = (entry: string): boolean => {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
};

/**
 * Reads `--trust-proxy` / `DIALDECK_TRUST_PROXY`: a comma-separated list of proxy addresses and CIDR
 * ranges (`10.0.0.0/8,127.0.0.1`, IPv4 or IPv6, or `loopback`, `linklocal`, `uniquelocal`), or a
 * whole number of hops (`1`: trust the one proxy that connects). Throws `invalid_input` naming the
 * entry it cannot read.
 */
export const parseTrustProxy = (text: string): TrustProxy => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    if (hops >= 1 && hops <= 32) return hops;
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) {
    throw new ServerError(
      'invalid_input',
      `The trusted proxy "${wrong}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal. Give the load balancers' addresses separated by commas (e.g. 10.0.0.0/8,127.0.0.1), or a number of hops from 1 to 32.`,
    );
  }
  return entries;
};
