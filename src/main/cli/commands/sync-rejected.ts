import { ErrorCode } from '@shared/api/contract';
import type { Locale } from '@shared/api/settings';
import type { Command } from 'commander';
import { en } from '../../../renderer/src/i18n/resources/en';
import { ko } from '../../../renderer/src/i18n/resources/ko';
import { zhCN } from '../../../renderer/src/i18n/resources/zh-CN';
import type { LocaleResources } from '../../../renderer/src/i18n/types';
import { readSetting } from '../../core/settings/repo';
import { dismissRejected, type RejectedChange, rejectedChanges } from '../../core/sync/outbox-rows';
import { type GlobalOptions, withCore } from '../context';
import { print } from '../output';

const RESOURCES: Record<Locale, LocaleResources> = { en, 'zh-CN': zhCN, ko };

/**
 * The reason for a refused change in `locale`, as the app's sync dialog words it: the code's
 * `errors.codes.<code>` message (what happened and what to do), or the server's own message when the
 * code is not one this Dialdeck knows or its wording needs values the change does not carry.
 */
export const rejectionReason = (code: string, message: string, locale: Locale): string => {
  const known = ErrorCode.safeParse(code);
  if (!known.success) return message;
  const text = RESOURCES[locale].errors.codes[known.data];
  return /\{\{/.test(text) ? message : text;
};

/** A refused change as `dialdeck sync rejected --json` prints it. */
type RejectedOutput = {
  id: string;
  name: string;
  code: string;
  reason: string;
  serverMessage: string;
  madeAt: number;
  dismissedAt: number | null;
};

const outputOf = (change: RejectedChange, locale: Locale): RejectedOutput => ({
  id: change.id,
  name: change.name,
  code: change.code,
  reason: rejectionReason(change.code, change.message, locale),
  serverMessage: change.message,
  madeAt: change.createdAt,
  dismissedAt: change.dismissedAt,
});

const humanOf = (change: RejectedOutput): string =>
  [
    `${change.id}  ${change.name}  [${change.code}]  made ${new Date(change.madeAt).toISOString()}${change.dismissedAt === null ? '' : `  (dismissed ${new Date(change.dismissedAt).toISOString()})`}`,
    `  ${change.reason}`,
    ...(change.serverMessage && change.serverMessage !== change.reason
      ? [`  The server said: ${change.serverMessage}`]
      : []),
  ].join('\n');

/**
 * `dialdeck sync rejected [--all]` → `{rejected: [{id, name, code, reason, serverMessage, madeAt,
 * dismissedAt}]}`: the changes the team server refused, oldest first, each with its code, the reason
 * and what to do in the interface language (`pref.locale`, as the sync dialog shows it) and the
 * server's own words; dismissed ones only with `--all`. `dialdeck sync dismiss ID` → the change, now
 * with `dismissedAt`: it leaves the list (and the app's), kept in the outbox. `not_found` for an id
 * that is no refused change. Times in epoch ms.
 */
export const registerSyncRejected = (sync: Command, globals: () => GlobalOptions): void => {
  sync
    .command('rejected')
    .description('List the changes the team server refused, with the reason and what to do')
    .option('--all', 'also list the ones dismissed')
    .action(async (options: { all?: boolean }) => {
      const opts = globals();
      await withCore(opts, (core) => {
        const locale = readSetting(core.db, 'pref.locale');
        const rejected = rejectedChanges(core.db, { all: options.all === true }).map((c) =>
          outputOf(c, locale),
        );
        print(opts.json ?? false, { rejected }, () =>
          rejected.length === 0 ? 'The server has refused no changes.' : rejected.map(humanOf).join('\n'),
        );
      });
    });

  sync
    .command('dismiss')
    .argument('<id>', 'the refused change (its id from dialdeck sync rejected)')
    .description('Dismiss a refused change: it leaves the list and stays recorded on this computer')
    .action(async (id: string) => {
      const opts = globals();
      await withCore(opts, (core) => {
        const change = outputOf(
          dismissRejected(core.db, id.trim(), core.now()),
          readSetting(core.db, 'pref.locale'),
        );
        print(
          opts.json ?? false,
          change,
          () => `dismissed ${change.id} (${change.name}); it stays recorded here`,
        );
      });
    });
};
