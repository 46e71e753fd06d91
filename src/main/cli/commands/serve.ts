import type { Command } from 'commander';
import { startWebHost } from '../../web/server';
import { type GlobalOptions, rendererDir, withCore } from '../context';

export const registerServe = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('serve')
    .description('serve the workspace to a browser on this machine')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', (v) => Number.parseInt(v, 10))
    .action(async (options: { port?: number }) => {
      const opts = globals();
      await withCore(
        opts,
        async (core) => {
          const host = await startWebHost({ core, rendererDir: rendererDir(), port: options.port });
          process.stdout.write(
            opts.json
              ? `${JSON.stringify({ url: host.url, dataDir: core.dataDir })}\n`
              : `Dialdeck is serving ${host.url}\n  data: ${core.dataDir}\n`,
          );
          const stop = async () => {
            await host.close();
            core.close();
            process.exit(0);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        },
        { seedDemo: true, keepOpen: true },
      );
    });
};
