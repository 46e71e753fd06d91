import {
  LocalTime,
  parseWeekdays,
  SetShiftInput,
  TeamShift,
  TeamShiftsOutput,
  TimeZoneName,
} from '@shared/server/shifts';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import type { GlobalOptions } from '../context';
import { print } from '../output';
import { callServer } from '../server-client';
import { run, type TargetOptions, targetOf, withTarget } from './admin';

type ShiftOptions = TargetOptions & {
  team?: string;
  email: string;
  days: string;
  from: string;
  to: string;
  timeZone: string;
};

/** The `--team` value, or `invalid_input` saying how to give it. */
export const requireTeam = (team: string | undefined): string => {
  if (!team)
    throw new AppError('invalid_input', 'Give the team id with --team ID (from `admin team create`).');
  return team;
};

const shiftLine = (shift: TeamShift): string =>
  `${shift.email}  ${shift.days.join(',')}  ${shift.from}–${shift.to}  ${shift.timeZone}  ${
    shift.onShift
      ? 'on shift now'
      : `next shift ${shift.nextStartAt === null ? '—' : new Date(shift.nextStartAt).toISOString()}`
  }`;

/** Reads the shift flags into the request body, or `invalid_input` naming the flag to fix. */
const shiftInput = (options: ShiftOptions): SetShiftInput => {
  const days = parseWeekdays(options.days);
  if (days === null || days.length === 0) {
    throw new AppError(
      'invalid_input',
      `--days must name weekdays or ranges, e.g. mon-fri, mon,wed,fri or daily (got "${options.days}").`,
    );
  }
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (!LocalTime.safeParse(value).success) {
      throw new AppError('invalid_input', `${flag} must be a time as HH:MM, e.g. 09:00 (got "${value}").`);
    }
  }
  if (!TimeZoneName.safeParse(options.timeZone).success) {
    throw new AppError(
      'invalid_input',
      `--time-zone must be an IANA time zone such as Europe/Berlin or America/New_York (got "${options.timeZone}").`,
    );
  }
  const input = SetShiftInput.safeParse({
    email: options.email,
    days,
    from: options.from,
    to: options.to,
    timeZone: options.timeZone,
  });
  if (!input.success) {
    throw new AppError(
      'invalid_input',
      `Give a valid --email and a shift that ends at another time than it starts (${input.error.issues.map((i) => i.message).join('; ')}).`,
    );
  }
  return input.data;
};

/**
 * `dialdeck admin shifts set --team ID --email E --days mon-fri --from 09:00 --to 17:30 --time-zone
 * Europe/Berlin` → the rep's shift (`TeamShift`), replacing the one they had; `dialdeck admin shifts
 * --team ID` → `{shifts}` (`TeamShiftsOutput`), with who is on shift now. `admin` is the `dialdeck
 * admin` command. Failures keep the server's code with a non-zero exit, as the other admin commands.
 */
export const registerShiftCommands = (admin: Command, globals: () => GlobalOptions): void => {
  const shifts = withTarget(
    admin
      .command('shifts')
      .description("List the team's shifts for inbound routing, and who is on shift now")
      .option('--team <id>', 'the team id'),
  ).action((options: TargetOptions & { team?: string }) =>
    run(globals, async (json) => {
      const { shifts: list } = await callServer(
        targetOf(options),
        'GET',
        `/v1/teams/${encodeURIComponent(requireTeam(options.team))}/shifts`,
        undefined,
        TeamShiftsOutput,
      );
      print(json, { shifts: list }, () => list.map(shiftLine).join('\n') || 'no shifts');
    }),
  );
  // `--team`, `--server` and `--token` belong to `shifts` (commander gives a parent's options to the
  // parent wherever they stand), so `shifts set` reads them with its parent's.
  shifts
    .command('set')
    .description("Set a rep's shift (replacing theirs): inbound leads are routed to reps on shift")
    .configureHelp({ showGlobalOptions: true })
    .requiredOption('--email <email>', "the rep's email")
    .requiredOption('--days <days>', 'weekdays, e.g. mon-fri, mon,wed,fri or daily')
    .requiredOption('--from <HH:MM>', 'the local start time, e.g. 09:00')
    .requiredOption('--to <HH:MM>', 'the local end time, e.g. 17:30 (before --from: past midnight)')
    .requiredOption('--time-zone <zone>', "the shift's IANA time zone, e.g. Europe/Berlin")
    .action((_options: unknown, command: Command) =>
      run(globals, async (json) => {
        const options = command.optsWithGlobals<ShiftOptions>();
        const input = shiftInput(options);
        const shift = await callServer(
          targetOf(options),
          'POST',
          `/v1/teams/${encodeURIComponent(requireTeam(options.team))}/shifts`,
          input,
          TeamShift,
        );
        print(json, shift, () => shiftLine(shift));
      }),
    );
};
