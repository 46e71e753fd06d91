import { afterAll, describe, expect, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  runCli,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

/** Wrong sign-ins allowed per minute and address in these servers. */
const LIMIT = 3;

/** A wrong console sign-in sent through a load balancer that names the client `clientAddress`. */
const wrongSignIn = async (url: string, clientAddress: string): Promise<string> => {
  const response = await fetch(new URL('/v1/console/sign-in', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
    body: JSON.stringify({ email: 'nobody@proxy.example', password: 'a wrong guess' }),
  });
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? String(response.status);
};

/** The codes of `LIMIT + 1` wrong sign-ins from one client, then of one from another client. */
const twoClients = async (url: string) => {
  const first: string[] = [];
  for (let i = 0; i <= LIMIT; i++) first.push(await wrongSignIn(url, '203.0.113.7'));
  return { first, second: await wrongSignIn(url, '198.51.100.9') };
};

describe.skipIf(adminUrl === null)('server start --trust-proxy', { timeout: 240_000 }, () => {
  it('keys the sign-in limit on the client a trusted proxy names, and ignores the header otherwise', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const env = { DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: String(LIMIT) };
    const limited = [...Array(LIMIT).fill('console_sign_in_failed'), 'rate_limited'];

    // Behind a trusted proxy (the flag, then the environment variable): each client has its own limit.
    for (const [args, extra] of [
      [['--trust-proxy', '127.0.0.1, 10.0.0.0/8'], {}],
      [[], { DIALDECK_TRUST_PROXY: 'loopback' }],
    ] as const) {
      const server = await startServerProcess(['--database-url', databaseUrl, ...args], { ...env, ...extra });
      try {
        expect(await twoClients(server.url)).toEqual({ first: limited, second: 'console_sign_in_failed' });
      } finally {
        await stopServer(server);
      }
    }

    // Without the option the header is ignored: both "clients" are this machine, and share one limit.
    const plain = await startServerProcess(['--database-url', databaseUrl], env);
    try {
      expect(await twoClients(plain.url)).toEqual({ first: limited, second: 'rate_limited' });
    } finally {
      await stopServer(plain);
    }

    // A proxy that is not trusted is not believed either.
    const elsewhere = await startServerProcess(
      ['--database-url', databaseUrl, '--trust-proxy', '10.0.0.0/8'],
      env,
    );
    try {
      expect(await twoClients(elsewhere.url)).toEqual({ first: limited, second: 'rate_limited' });
    } finally {
      await stopServer(elsewhere);
    }

    // A list it cannot read is refused with what to give instead.
    const wrong = await runCli(
      [
        '--json',
        'server',
        'start',
        '--port',
        '0',
        '--database-url',
        databaseUrl,
        '--trust-proxy',
        '10.0.0.0/8,proxy.lan',
      ],
      { DATABASE_URL: '' },
    );
    expect(wrong.code).not.toBe(0);
    expect(JSON.parse(wrong.stderr)).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('"proxy.lan"') },
    });
  });
});
