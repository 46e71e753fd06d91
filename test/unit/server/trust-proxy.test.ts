import { describe, expect, it } from 'vitest';
import { ServerError } from '../../../src/server/errors';
import { parseTrustProxy } from '../../../src/server/trust-proxy';

describe('parseTrustProxy', () => {
  it('reads addresses, CIDR ranges, the named ranges and a number of hops', () => {
    expect(parseTrustProxy(' 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(parseTrustProxy('2')).toBe(2);
  });

  it('refuses what proxy-addr could not read, naming the entry', () => {
    for (const [text, entry] of [
      ['10.0.0.0/8,proxy.lan', 'proxy.lan'],
      ['10.0.0.0/33', '10.0.0.0/33'],
      ['::1/129', '::1/129'],
      ['127.0.0.1,', ''],
      ['0', '0'],
      ['10.0.0.1/8/8', '10.0.0.1/8/8'],
    ] as const) {
      const error = (() => {
        try {
          parseTrustProxy(text);
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      expect(error, text).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(`"${entry}"`) });
    }
  });
});
