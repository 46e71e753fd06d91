import { HAND_SET_STATUSES, HandSetStatus, type LeadEditResult } from '@shared/api/leadEdits';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

type SetOptions = {
  phone?: string[];
  primary?: string;
  timeZone?: string;
  status?: string;
  reason?: string;
  owner?: string;
};

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Reads `--status`/`--reason`. Throws `invalid_input` for a status a rep cannot set or a missing reason. */
const statusOption = (options: SetOptions): { status: HandSetStatus; reason: string } | undefined => {
  if (options.status === undefined) {
    if (options.reason !== undefined)
      throw new AppError('invalid_input', '--reason goes with --status: give the new status too.');
    return undefined;
  }
  const status = HandSetStatus.safeParse(options.status);
  if (!status.success) {
    throw new AppError(
      'invalid_input',
      `--status "${options.status}" cannot be set by hand. Use one of: ${HAND_SET_STATUSES.join(', ')} (an MQL comes from \`dialdeck handoff\`).`,
    );
  }
  if (!options.reason?.trim())
    throw new AppError('invalid_input', '--status needs --reason: say why, it is kept in the lead history.');
  return { status: status.data, reason: options.reason };
};

export const registerLead = (program: Command, globals: () => GlobalOptions) => {
  const lead = program.command('lead').description('one lead (see also `leads`)');
  lead
    .command('add')
    .description('add one lead by hand (outbound, put on its cadence); its number is read like an import’s')
    .requiredOption('--name <name>', "the person's name")
    .requiredOption(
      '--phone <number>',
      'the number to dial (national numbers are read in the default region)',
    )
    .option('--company <name>', 'the company (joins its account when one exists)')
    .option('--title <title>', 'the job title')
    .option('--email <email>', 'the email address')
    .action(
      async (options: { name: string; phone: string; company?: string; title?: string; email?: string }) => {
        const opts = globals();
        await withCore(opts, async (core) => {
          const created = await call(core, 'leads.create', {
            name: options.name,
            phone: { number: options.phone },
            company: options.company ?? null,
            title: options.title ?? null,
            email: options.email ?? null,
          });
          print(opts.json ?? false, created, () => `Added ${created.name} (${created.id}).`);
        });
      },
    );
  lead
    .command('set <leadId>')
    .description(
      'fix a lead on the spot: its numbers, the number dialed first, its time zone, its status (with a reason, kept in the history) and its owner; each change is its own synced edit',
    )
    .option(
      '--phone <number>',
      "the lead's numbers, replacing the stored ones (repeat for several; national numbers are read in the lead's country); the first is dialed",
      collect,
    )
    .option('--primary <e164>', 'the number to dial first (one of the lead’s numbers)')
    .option('--time-zone <iana>', 'the lead’s IANA time zone, e.g. America/Chicago ("unknown" clears it)')
    .option('--status <status>', `a new status: ${HAND_SET_STATUSES.join(', ')}`)
    .option('--reason <text>', 'why the status changes (required with --status)')
    .option('--owner <name>', 'the rep who owns the lead (name or email; "none" clears it)')
    .action(async (leadId: string, options: SetOptions) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const status = statusOption(options);
        const asked =
          options.phone !== undefined ||
          options.primary !== undefined ||
          options.timeZone !== undefined ||
          status !== undefined ||
          options.owner !== undefined;
        if (!asked) {
          throw new AppError(
            'invalid_input',
            'Nothing to set: give --phone, --primary, --time-zone, --status with --reason, or --owner.',
          );
        }
        let last: LeadEditResult | undefined;
        if (options.phone !== undefined)
          last = await call(core, 'leads.setPhones', {
            leadId,
            phones: options.phone.map((number) => ({ number })),
          });
        if (options.primary !== undefined)
          last = await call(core, 'leads.setPrimaryPhone', { leadId, e164: options.primary });
        if (options.timeZone !== undefined) {
          const zone = options.timeZone.trim();
          last = await call(core, 'leads.setTimeZone', {
            leadId,
            timeZone: zone === '' || zone.toLowerCase() === 'unknown' ? null : zone,
          });
        }
        if (status) last = await call(core, 'leads.setStatus', { leadId, ...status });
        if (options.owner !== undefined) {
          const owner = options.owner.trim();
          last = await call(core, 'leads.setOwner', {
            leadId,
            owner: owner === '' || owner.toLowerCase() === 'none' ? null : owner,
          });
        }
        const done = last as LeadEditResult;
        print(opts.json ?? false, done, () =>
          [
            `${done.lead.name}: ${done.lead.status}, ${done.lead.timeZone ?? 'time zone unknown'}, owner ${done.lead.ownerId ?? 'none'}.`,
            ...done.lead.phones.map(
              (p, i) =>
                `${i === 0 ? '* ' : '  '}${p.e164}${p.ext ? ` ext. ${p.ext}` : ''}${
                  done.dncPhones.includes(p.e164) ? '  DO NOT CONTACT (never dialed)' : ''
                }`,
            ),
          ].join('\n'),
        );
      });
    });
};
