import type { ApiErrorShape } from '@shared/api';
import { AppError } from '../core/errors';

/** Prints a command's result: JSON with --json, else the human form. */
export const print = (json: boolean, value: unknown, human: () => string): void => {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
};

/**
 * The codes that mean the user gave the command something it cannot use (exit 2): a value that fails
 * validation, a recording that is not a stereo WAV the analyzer reads, and a phone link that holds
 * no number Dialdeck can dial (`open-url`).
 */
const BAD_INPUT_CODES: ReadonlySet<string> = new Set([
  'invalid_input',
  'phone_link_invalid',
  'talk_wav_invalid',
  'talk_wav_not_stereo',
  'talk_wav_unsupported',
]);

/**
 * Reports a failure on stderr with its stable code and sets a non-zero exit (2 for bad input — the
 * codes in BAD_INPUT_CODES — else 1).
 * With --json, stderr is exactly one line: `{"error":{code,message,params?,details?}}`. Callers pass
 * an error already translated (see core/guard.ts `toAppError`); anything else is shown as `internal`.
 */
export const fail = (json: boolean, error: unknown): void => {
  const shape: ApiErrorShape =
    error instanceof AppError
      ? error.toShape()
      : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
  process.stderr.write(
    json ? `${JSON.stringify({ error: shape })}\n` : `dialdeck: ${shape.message} [${shape.code}]\n`,
  );
  process.exitCode = BAD_INPUT_CODES.has(shape.code) ? 2 : 1;
};
