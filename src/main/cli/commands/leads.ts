import { LeadStatus } from '@shared/domain/lead';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

export const registerLeads = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('leads')
    .description('list leads, with every stored field')
    .option('--status <status>', `only leads with this status (${LeadStatus.options.join(', ')})`)
    .option('--search <text>', 'only leads whose name, company, title, email or phone contains TEXT')
    .action(async (options: { status?: string; search?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const status = options.status === undefined ? undefined : LeadStatus.safeParse(options.status);
        if (status && !status.success) {
          throw new AppError(
            'invalid_input',
            `Unknown status "${options.status}". Use one of: ${LeadStatus.options.join(', ')}.`,
          );
        }
        const leads = await call(core, 'leads.listFull', { status: status?.data, search: options.search });
        print(opts.json ?? false, leads, () =>
          leads.length === 0
            ? 'No leads match.'
            : leads
                .map((l) =>
                  [l.name, l.company ?? '', l.phones[0]?.e164 ?? '', l.email ?? '', l.status].join('\t'),
                )
                .join('\n'),
        );
      });
    });
};
