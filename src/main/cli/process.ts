import type { CommanderError, OutputConfiguration } from 'commander';
import { AppError } from '../core/errors';
import { type FailurePlace, toAppError } from '../core/guard';
import { appendLog } from '../core/logs';
import { fail } from './output';
import { takeHeldWarnings } from './quiet';

/**
 * Commander's output with --json: a usage error (unknown option, missing argument…) becomes one
 * `{"error":{"code":"invalid_input",…}}` line on stderr, and the help text it would add is dropped.
 */
export const jsonOutput: OutputConfiguration & { exit: (error: CommanderError) => never } = {
  writeErr: () => {},
  outputError: (text) => {
    fail(true, new AppError('invalid_input', text.replace(/^error:\s*/i, '').trim()));
  },
  exit: (error) => process.exit(error.exitCode === 0 ? 0 : 2),
};

/**
 * Keeps stderr for the one failure report: Node's warnings go to the data dir's log instead, and an
 * error that escapes every command is reported like any other (code, message, stack in the log).
 */
export const guardProcess = (json: boolean, place: () => FailurePlace): void => {
  const log = (warning: Error) => {
    appendLog(place().dataDir, `warning: ${warning.stack ?? warning.message}`);
  };
  process.removeAllListeners('warning');
  process.on('warning', log);
  for (const warning of takeHeldWarnings()) log(warning);
  const report = (error: unknown) => {
    fail(json, toAppError(error, 'this command', place()));
    process.exit();
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
};
