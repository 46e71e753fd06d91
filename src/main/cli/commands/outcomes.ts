import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

export const registerOutcomes = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('outcomes')
    .description('the call outcomes a call can be logged with, and what each one does')
    .action(async () => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const outcomes = await call(core, 'outcomes.list', {});
        print(opts.json ?? false, outcomes, () =>
          outcomes
            .map(
              (o) =>
                `${o.id.padEnd(16)} ${o.label}${o.active ? '' : ' (inactive)'} → status ${o.status ?? 'kept'}, ${
                  o.effect === 'callback' ? 'callback at a time' : (o.transition?.action ?? 'next')
                }${o.effect === 'do_not_contact' ? ', do-not-contact list' : ''}`,
            )
            .join('\n'),
        );
      });
    });
};
