import { BANT_CRITERIA, type BantCriterion } from '@shared/domain/qualification';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { decideFromCli } from './handoffs';

/**
 * Reads `--bant budget,authority,…` as BANT criteria. Throws AppError `invalid_input` naming the
 * value that is not one of budget, authority, need, timeline.
 */
export const bantOption = (value: string | undefined): BantCriterion[] | undefined => {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(BANT_CRITERIA as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new AppError(
      'invalid_input',
      `--bant: ${unknown.length > 0 ? `"${unknown.join('", "')}" is not a BANT criterion` : 'no criterion given'}; list the confirmed ones from ${BANT_CRITERIA.join(', ')}, separated by commas.`,
    );
  }
  return [...new Set(names)] as BantCriterion[];
};

/**
 * `dialdeck handoff LEAD_ID --note …` hands a lead to sales as an MQL (desktop, synced by `dialdeck
 * sync`); `dialdeck handoff accept|reject HANDOFF_ID [--reason T]` is the signed-in AE's decision on the
 * team server (`decideFromCli`).
 */
export const registerHandoff = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('handoff <leadIdOrDecision> [handoffId]')
    .description(
      'hand the lead to sales as an MQL: --bant confirms criteria (the team gate, 2 of 4 by default, must be met); an AE answers with: handoff accept|reject HANDOFF_ID [--reason T]',
    )
    .option('--bant <criteria>', 'BANT criteria the prospect confirmed: budget,authority,need,timeline')
    .option('--note <text>', 'the summary the AE reads (required)')
    .option('--next-step <text>', 'the next step agreed with the prospect')
    .option('--ae <name>', 'the AE you suggest by email (the team’s round-robin decides)')
    .option('--reason <text>', 'an AE rejecting: why (the rep reads it to nurture the lead)')
    .action(
      async (
        leadId: string,
        handoffId: string | undefined,
        options: { bant?: string; note?: string; nextStep?: string; ae?: string; reason?: string },
      ) => {
        const opts = globals();
        if (leadId === 'accept' || leadId === 'reject') {
          await decideFromCli(opts, leadId, handoffId, options.reason);
          return;
        }
        await withCore(opts, async (core) => {
          if (!options.note?.trim()) {
            throw new AppError(
              'invalid_input',
              '--note is required: write the summary the AE reads (who they are, what they need, why now).',
            );
          }
          const confirm = bantOption(options.bant);
          const done = await call(core, 'handoffs.create', {
            leadId,
            summary: options.note,
            nextStep: options.nextStep ?? '',
            suggestedAe: options.ae,
            confirm,
          });
          print(opts.json ?? false, { handoffId: done.handoffId, status: done.status }, () =>
            [
              `Handed off as MQL (hand-off ${done.handoffId}).`,
              `BANT confirmed: ${
                done.handoff.bant
                  .filter((a) => a.confirmed)
                  .map((a) => a.criterion)
                  .join(', ') || 'none'
              }. Profile: ${done.handoff.profileFilled} of ${done.handoff.profileTotal} filled.`,
            ].join('\n'),
          );
        });
      },
    );
};
