import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { AppError } from '../../core/errors';
import { resolveDataDir } from '../../core/paths';
import type { GlobalOptions } from '../context';
import { fail, print } from '../output';

/** The port `dialdeck server start` listens on without `--port`. */
export const DEFAULT_SERVER_PORT = 8470;

type StartOptions = {
  databaseUrl?: string;
  port: number;
  host: string;
  trustProxy?: string;
  updatesDir?: string;
};

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Give a port number from 0 to 65535 (0 takes a free one).');
  }
  return port;
};

/**
 * The server's data folder: `--data-dir`, else $DIALDECK_SERVER_DATA_DIR, else `server/` inside the
 * desktop's default data folder.
 */
const serverDataDir = (globals: GlobalOptions): string =>
  globals.dataDir ?? process.env.DIALDECK_SERVER_DATA_DIR ?? join(resolveDataDir(undefined), 'server');

/** Positive integer from an environment variable, or the default. */
const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** A server failure as the CLI reports it: the same code, with the folder in `params.path`. */
const asAppError = async (error: unknown): Promise<AppError> => {
  const { ServerError } = await import('../../../server/errors');
  if (error instanceof AppError) return error;
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    const where =
      'address' in error && 'port' in error ? ` ${String(error.address)}:${String(error.port)}` : '';
    return new AppError(
      'conflict',
      `The address${where} is in use by another program (another Dialdeck server?). Choose another with --port, or stop that program.`,
    );
  }
  if (!(error instanceof ServerError)) {
    return new AppError('internal', error instanceof Error ? error.message : String(error));
  }
  const path = (error.details as { path?: unknown } | undefined)?.path;
  return new AppError(
    error.code,
    error.message,
    error.details,
    typeof path === 'string' ? { path } : undefined,
  );
};

/** `--data-dir` or `--database-url` (or DATABASE_URL), never both; null after reporting the clash. */
const databaseChoice = (
  json: boolean,
  dataDir: string | undefined,
  databaseUrlFlag: string | undefined,
): { databaseUrl: string | null } | null => {
  if (dataDir !== undefined && databaseUrlFlag !== undefined) {
    fail(
      json,
      new AppError(
        'invalid_input',
        'Give either --data-dir (the built-in PostgreSQL keeps its data there) or --database-url, not both.',
      ),
    );
    return null;
  }
  return { databaseUrl: databaseUrlFlag ?? (process.env.DATABASE_URL || null) };
};

/**
 * `dialdeck server start [--data-dir DIR | --database-url URL] [--port N] [--host H] [--trust-proxy LIST]`:
 * runs the team server until SIGTERM/SIGINT. `--trust-proxy` (default $DIALDECK_TRUST_PROXY) names the
 * load balancers whose `X-Forwarded-For` gives the client's address (see `parseTrustProxy`). Prints
 * `listening on URL`, then `admin token: T` (first start only) and `ready`; with --json the same as one JSON line each (`{"event":"listening","url"}`,
 * `{"event":"admin-token","adminToken"}`, `{"event":"ready","database"}`) among the log's JSON
 * lines on stdout; stderr carries only a failure (one JSON object with --json).
 */
export const registerServer = (program: Command, globals: () => GlobalOptions): void => {
  const server = program.command('server').description('The team server (teams, users, sync)');
  server
    .command('start')
    .description('Start the team server on its built-in PostgreSQL, or on DATABASE_URL')
    .option(
      '--database-url <url>',
      'a PostgreSQL 15+ to use instead of the built-in one (default: $DATABASE_URL)',
    )
    .option('--port <n>', 'the port to listen on (0: any free one)', parsePort, DEFAULT_SERVER_PORT)
    .option('--host <address>', 'the address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option(
      '--trust-proxy <list>',
      "the load balancers' addresses or CIDR ranges, comma-separated, or a number of hops: their X-Forwarded-For names the client (default: $DIALDECK_TRUST_PROXY)",
    )
    .option(
      '--updates-dir <dir>',
      'serve the desktop app update feed (latest*.yml and the installers npm run dist made) from this folder at /updates (default: $DIALDECK_UPDATES_DIR)',
    )
    .action(async (options: StartOptions) => {
      const { json = false, dataDir } = globals();
      const choice = databaseChoice(json, dataDir, options.databaseUrl);
      if (choice === null) return;
      // The update feed's folder reaches src/server/routes/updates.ts as DIALDECK_UPDATES_DIR.
      if (options.updatesDir) process.env.DIALDECK_UPDATES_DIR = resolve(options.updatesDir);
      const updatesDir = process.env.DIALDECK_UPDATES_DIR;
      if (updatesDir) {
        const { updatesDirProblem } = await import('../../../server/routes/updates');
        const problem = updatesDirProblem(resolve(updatesDir));
        if (problem !== null) {
          fail(json, new AppError('invalid_input', problem, undefined, { path: resolve(updatesDir) }));
          return;
        }
      }
      const { databaseUrl } = choice;
      const say = (event: Record<string, unknown>, human: string) =>
        process.stdout.write(json ? `${JSON.stringify(event)}\n` : `${human}\n`);
      // The server stays out of the desktop bundle: loaded only by this command.
      const { startServer } = await import('../../../server/start');
      const { parseTrustProxy } = await import('../../../server/trust-proxy');
      try {
        const trustProxyText = options.trustProxy ?? (process.env.DIALDECK_TRUST_PROXY || undefined);
        const running = await startServer({
          dataDir: serverDataDir(globals()),
          databaseUrl,
          host: options.host,
          port: options.port,
          tokenRouteLimit: {
            max: envInt('DIALDECK_SERVER_TOKEN_ROUTE_LIMIT', 30),
            timeWindow: 60_000,
          },
          trustProxy: trustProxyText === undefined ? undefined : parseTrustProxy(trustProxyText),
          testRoutes: process.env.DIALDECK_SERVER_TEST_ROUTES === '1',
          onListening: (url) => say({ event: 'listening', url }, `listening on ${url}`),
          onReady: ({ adminToken, database }) => {
            if (adminToken !== null) {
              say({ event: 'admin-token', adminToken }, `admin token: ${adminToken}`);
              if (!json) say({}, 'Keep this administrator token safe: it is shown only this once.');
            }
            say({ event: 'ready', database }, `ready (database: ${database})`);
          },
        });
        await running.stopped;
        process.exit(0);
      } catch (error) {
        const appError = await asAppError(error);
        fail(json, appError);
        process.exit();
      }
    });

  server
    .command('rotate-admin-token')
    .description(
      'Revoke the administrator token and print a new one (stop the server first when it runs on --data-dir)',
    )
    .option('--database-url <url>', 'the PostgreSQL the servers use (default: $DATABASE_URL)')
    .action(async (options: { databaseUrl?: string }) => {
      const { json = false, dataDir } = globals();
      const choice = databaseChoice(json, dataDir, options.databaseUrl);
      if (choice === null) return;
      const { replaceAdminToken } = await import('../../../server/rotate');
      try {
        const adminToken = await replaceAdminToken({
          dataDir: serverDataDir(globals()),
          databaseUrl: choice.databaseUrl,
        });
        print(
          json,
          { adminToken },
          () => `admin token: ${adminToken}\nEvery earlier administrator token is revoked.`,
        );
      } catch (error) {
        fail(json, await asAppError(error));
      }
    });
};
