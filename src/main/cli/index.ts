import './quiet';
import { Command } from 'commander';
import { flagValue } from '../core/paths';
import { registerAdmin } from './commands/admin';
import { registerInboundAdmin } from './commands/admin-inbound';
import { registerAnalyzeCall } from './commands/analyze-call';
import { registerCadence } from './commands/cadence';
import { registerExport } from './commands/export';
import { registerHandoff } from './commands/handoff';
import { registerHandoffs } from './commands/handoffs';
import { registerHistory } from './commands/history';
import { registerImport } from './commands/import';
import { registerLead } from './commands/lead';
import { registerLeads } from './commands/leads';
import { registerLog } from './commands/log';
import { registerNext } from './commands/next';
import { registerOpenUrl } from './commands/openUrl';
import { registerOutcomes } from './commands/outcomes';
import { registerQueue } from './commands/queue';
import { registerScript } from './commands/script';
import { registerServe } from './commands/serve';
import { registerServer } from './commands/server';
import { registerSession } from './commands/session';
import { registerSync } from './commands/sync';
import { registerTask } from './commands/task';
import { registerWhy } from './commands/why';
import { type GlobalOptions, placeOf } from './context';
import { guardProcess, jsonOutput } from './process';

const json = process.argv.includes('--json');

const program = new Command('dialdeck')
  .description('Dialdeck: the SDR call workspace, from the command line')
  .option('--data-dir <dir>', 'data directory (default: $DIALDECK_DATA_DIR or the OS app-data folder)')
  .option('--json', 'print machine-readable JSON')
  .enablePositionalOptions(false);
// Set before the commands are added, which copy them: with --json a usage error is one JSON object.
// A usage error (unknown option, a value outside its choices) is bad input: exit 2 either way.
if (json) program.configureOutput(jsonOutput).exitOverride(jsonOutput.exit);
else program.showHelpAfterError().exitOverride(jsonOutput.exit);

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
// Read from argv, not from commander: a warning can come before the options are parsed.
guardProcess(json, () => placeOf({ dataDir: flagValue(process.argv, '--data-dir') }));

registerLeads(program, globals);
registerLead(program, globals);
registerServe(program, globals);
registerNext(program, globals);
registerQueue(program, globals);
registerWhy(program, globals);
registerOpenUrl(program, globals);
registerLog(program, globals);
registerTask(program, globals);
registerOutcomes(program, globals);
registerHistory(program, globals);
registerHandoff(program, globals);
registerHandoffs(program, globals);
registerSession(program, globals);
registerCadence(program, globals);
registerScript(program, globals);
registerImport(program, globals);
registerExport(program, globals);
registerServer(program, globals);
registerAdmin(program, globals);
registerInboundAdmin(program, globals);
registerSync(program, globals);
registerAnalyzeCall(program, globals);

await program.parseAsync(process.argv);
