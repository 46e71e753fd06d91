import { Command } from 'commander';
import { registerLeads } from './commands/leads';
import { registerServe } from './commands/serve';
import type { GlobalOptions } from './context';

const program = new Command('dialdeck')
  .description('Dialdeck: the SDR call workspace, from the command line')
  .option('--data-dir <dir>', 'data directory (default: $DIALDECK_DATA_DIR or the OS app-data folder)')
  .option('--json', 'print machine-readable JSON')
  .showHelpAfterError()
  .enablePositionalOptions(false);

const globals = (): GlobalOptions => program.opts<GlobalOptions>();

registerLeads(program, globals);
registerServe(program, globals);

await program.parseAsync(process.argv);
