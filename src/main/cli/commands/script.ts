import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

export const registerScript = (program: Command, globals: () => GlobalOptions) => {
  const script = program
    .command('script')
    .description('scripts and talk tracks: list, fill one for a lead, time a text read aloud');

  script
    .command('list')
    .description('voicemail scripts, openers and objection cards, team first')
    .action(async () => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const list = await call(core, 'scripts.list', {});
        print(opts.json ?? false, list, () =>
          list.map((s) => `${s.id}  ${s.kind.padEnd(9)} ${s.scope.padEnd(8)} ${s.name}`).join('\n'),
        );
      });
    });

  script
    .command('estimate')
    .description('seconds to read a text aloud (numbers, phone numbers and addresses as spoken)')
    .requiredOption('--text <text>', 'the text to time')
    .option('--language <language>', 'en, zh-CN or ko', 'en')
    .action(async (options: { text: string; language: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const estimate = await call(core, 'scripts.estimate', {
          text: options.text,
          language: options.language as 'en',
        });
        print(opts.json ?? false, estimate, () => `${estimate.seconds} s (${estimate.language})`);
      });
    });

  script
    .command('render <scriptId> <leadId>')
    .description('a script filled from the lead, its research and the rep, with what is missing and its time')
    .action(async (scriptId: string, leadId: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const rendered = await call(core, 'scripts.render', { scriptId, leadId });
        print(
          opts.json ?? false,
          { text: rendered.text, missing: rendered.missing, seconds: rendered.seconds },
          () =>
            [
              rendered.text,
              '',
              `${rendered.seconds} s to read aloud${rendered.seconds > 20 ? ' (over the 20-second voicemail limit)' : ''}`,
              ...(rendered.missing.length ? [`Missing: ${rendered.missing.join(', ')}`] : []),
            ].join('\n'),
        );
      });
    });
};
