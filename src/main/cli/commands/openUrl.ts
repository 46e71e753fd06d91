import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

/**
 * `dialdeck open-url URL`: what the OS's phone handler does with a `tel:`/`callto:` link, from the
 * command line. JSON: `{ e164, ext, leadId }` (leadId null when no lead has the number), plus
 * `leadName` and `matches`. A link that holds no number exits 2 (bad input) with `phone_link_invalid`.
 */
export const registerOpenUrl = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('open-url <url>')
    .description('the lead a tel: or callto: link points at (as when the OS opens Dialdeck for it)')
    .action(async (url: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const target = await call(core, 'links.resolvePhone', { url });
        print(opts.json ?? false, target, () =>
          target.leadId === null
            ? `${target.e164}${target.ext ? ` ext. ${target.ext}` : ''}: no lead has this number. Add one with: dialdeck lead add --name NAME --phone ${target.e164}`
            : `${target.e164}${target.ext ? ` ext. ${target.ext}` : ''}: ${target.leadName} (${target.leadId})${target.matches > 1 ? `, one of ${target.matches} leads with this number` : ''}`,
        );
      });
    });
};
