import { type Command, InvalidArgumentError } from 'commander';
import { AppError } from '../../core/errors';
import { appendLog } from '../../core/logs';
import { openBrowser } from '../../web/open-browser';
import { findRendererDir } from '../../web/renderer-dir';
import { startWebHost } from '../../web/server';
import { type GlobalOptions, withCore } from '../context';

type ServeOptions = { port?: number; open?: boolean };

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Give a port number from 0 to 65535.');
  }
  return port;
};

/** A port another program holds is the user's to change, not an unexpected error. */
const portInUse = (error: unknown, port: number | undefined): AppError | null =>
  error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
    ? new AppError(
        'conflict',
        `Port ${port} on 127.0.0.1 is in use by another program. Choose another with --port, or leave --port out to take a free one.`,
      )
    : null;

export const registerServe = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('serve')
    .description('serve the workspace to a browser on this machine (127.0.0.1 only)')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .option('--open', 'open the workspace in the default browser')
    .action(async (options: ServeOptions) => {
      const opts = globals();
      await withCore(
        opts,
        async (core) => {
          const rendererDir = findRendererDir();
          if (!rendererDir) {
            core.close();
            throw new AppError(
              'not_built',
              'The workspace is not built yet. Run `npm run build` in the Dialdeck folder, then try again.',
            );
          }
          const host = await startWebHost({ core, rendererDir, port: options.port }).catch(
            (error: unknown) => {
              throw portInUse(error, options.port) ?? error;
            },
          );
          // Ready to stop cleanly before the address is out: whoever reads it may stop us at once.
          let stopping = false;
          const stop = async () => {
            if (stopping) return;
            stopping = true;
            await host.close();
            core.close();
            process.exit(0);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          process.stdout.write(
            opts.json
              ? `${JSON.stringify({ url: host.url, dataDir: core.dataDir })}\n`
              : `Dialdeck is serving ${host.url}\n  data: ${core.dataDir}\n  stop: Ctrl+C\n`,
          );
          if (options.open && !(await openBrowser(host.url))) {
            // With --json stderr is kept for failures; the address is on stdout either way.
            if (opts.json) appendLog(core.dataDir, `serve: no browser could be opened for ${host.url}`);
            else process.stderr.write('dialdeck: no browser could be opened here; open the address above.\n');
          }
        },
        // Signed in (dialdeck login or the app's sign-in), the workspace syncs in the background.
        { seedDemo: true, keepOpen: true, watchOtherWriters: true, syncInBackground: true },
      );
    });
};
