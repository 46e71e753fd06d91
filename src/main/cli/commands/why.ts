import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { instantOption } from './next';

export const registerWhy = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('why <leadId>')
    .description('whether a lead is callable now, the rules that block it, and when each clears')
    .option('--at <iso>', 'answer for this instant instead of now (ISO 8601)')
    .action(async (leadId: string, options: { at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const why = await call(core, 'queue.why', { leadId, at: instantOption('--at', options.at) });
        print(opts.json ?? false, why, () =>
          [
            why.callable
              ? 'Callable now.'
              : why.callableAt === null
                ? 'Not callable, and no blocker clears by itself.'
                : `Not callable until ${why.callableAtIso ?? 'an unknown time (a stored time of this lead is not a valid date)'}.`,
            ...why.blockers.map((b) => `· ${b.rule}: ${b.message}`),
            ...(why.zone.timeZoneUnknown
              ? ["· The lead's time zone is unknown; set it to call on its own hours."]
              : []),
          ].join('\n'),
        );
      });
    });
};
