import { basename, resolve } from 'node:path';
import { type Delimiter, Encoding, type ImportSummary, OnDuplicate } from '@shared/api/imports';
import { Direction, SourceChannel } from '@shared/domain/lead';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { readUserFile, userFileSize } from '../../core/files/userFiles';
import { MAX_IMPORT_BYTES, tooLarge } from '../../core/imports/limits';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

type ImportFlags = {
  region?: string;
  onDuplicate: string;
  encoding?: string;
  delimiter?: string;
  headerRow?: string;
  direction?: string;
  source?: string;
  overrideColumns?: boolean;
};

const DELIMITER_WORDS: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

/** Human form of the summary; --json prints it whole. */
const SHOWN_REJECTIONS = 50;

/** `skippedAbove`: the header is below title lines or notes, which were not imported. */
const describe = (
  file: string,
  summary: ImportSummary,
  headerLine: number,
  skippedAbove: boolean,
): string => {
  const lines = [
    `Imported ${summary.imported.toLocaleString('en')} lead${summary.imported === 1 ? '' : 's'} from ${file}` +
      (summary.merged ? `, merged ${summary.merged.toLocaleString('en')} into leads you already had` : '') +
      (summary.skipped
        ? `, skipped ${summary.skipped.toLocaleString('en')} duplicate${summary.skipped === 1 ? '' : 's'}`
        : '') +
      '.',
  ];
  if (skippedAbove) {
    lines.push(
      `Column names read from line ${headerLine.toLocaleString('en')}; the lines above it were not imported (choose another with --header-row N).`,
    );
  }
  if (summary.warnings.length > 0) {
    lines.push(
      `Left out ${summary.warnings.length.toLocaleString('en')} value${summary.warnings.length === 1 ? '' : 's'} of imported leads:`,
    );
    for (const row of summary.warnings.slice(0, SHOWN_REJECTIONS)) {
      lines.push(`  line ${row.line}${row.column ? `, ${row.column}` : ''}: ${row.message} [${row.code}]`);
    }
    if (summary.warnings.length > SHOWN_REJECTIONS) {
      lines.push(
        `  … and ${(summary.warnings.length - SHOWN_REJECTIONS).toLocaleString('en')} more (use --json to list them all)`,
      );
    }
  }
  if (summary.rejected.length > 0) {
    lines.push(
      `Rejected ${summary.rejected.length.toLocaleString('en')} row${summary.rejected.length === 1 ? '' : 's'}:`,
    );
    for (const row of summary.rejected.slice(0, SHOWN_REJECTIONS)) {
      lines.push(`  line ${row.line}${row.column ? `, ${row.column}` : ''}: ${row.message} [${row.code}]`);
    }
    if (summary.rejected.length > SHOWN_REJECTIONS) {
      lines.push(
        `  … and ${(summary.rejected.length - SHOWN_REJECTIONS).toLocaleString('en')} more (use --json to list them all)`,
      );
    }
  }
  return lines.join('\n');
};

const parseFlags = (flags: ImportFlags) => {
  const region = flags.region?.toUpperCase();
  if (region !== undefined && !/^[A-Z]{2}$/.test(region)) {
    throw new AppError(
      'invalid_input',
      `--region takes a two-letter country code such as US, CN or KR, not "${flags.region}".`,
    );
  }
  const onDuplicate = OnDuplicate.safeParse(flags.onDuplicate);
  if (!onDuplicate.success) {
    throw new AppError('invalid_input', `--on-duplicate takes skip or merge, not "${flags.onDuplicate}".`);
  }
  const encoding =
    flags.encoding === undefined ? undefined : Encoding.safeParse(flags.encoding.toLowerCase());
  if (encoding && !encoding.success) {
    throw new AppError(
      'invalid_input',
      `--encoding takes one of ${Encoding.options.join(', ')}, not "${flags.encoding}".`,
    );
  }
  const delimiter =
    flags.delimiter === undefined ? undefined : DELIMITER_WORDS[flags.delimiter.toLowerCase()];
  if (flags.delimiter !== undefined && !delimiter) {
    throw new AppError(
      'invalid_input',
      `--delimiter takes comma, semicolon, tab or pipe, not "${flags.delimiter}".`,
    );
  }
  const headerRow = flags.headerRow === undefined ? undefined : Number(flags.headerRow);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new AppError(
      'invalid_input',
      `--header-row takes the line number (1 for the first line) of the row that names the columns, not "${flags.headerRow}".`,
    );
  }
  const direction =
    flags.direction === undefined ? undefined : Direction.safeParse(flags.direction.toLowerCase());
  if (direction && !direction.success) {
    throw new AppError('invalid_input', `--direction takes outbound or inbound, not "${flags.direction}".`);
  }
  const source = flags.source === undefined ? undefined : SourceChannel.safeParse(flags.source.toLowerCase());
  if (source && !source.success) {
    throw new AppError(
      'invalid_input',
      `--source takes one of ${SourceChannel.options.join(', ')}, not "${flags.source}".`,
    );
  }
  if (flags.overrideColumns && !direction && !source) {
    throw new AppError(
      'invalid_input',
      '--override-columns needs --direction or --source: say what every row should get.',
    );
  }
  return {
    region,
    onDuplicate: onDuplicate.data,
    encoding: encoding?.data,
    delimiter,
    headerRow,
    direction: direction?.data,
    sourceChannel: source?.data,
    overrideColumns: flags.overrideColumns === true,
  };
};

export const registerImport = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('import')
    .description(
      'import leads from a CSV file (UTF-8, GB18030, CP949, UTF-16; comma, semicolon, tab or pipe)',
    )
    .argument('<file>', 'the CSV file')
    .option(
      '--region <CC>',
      'country for phone numbers written without a country code (default: your settings)',
    )
    .option(
      '--on-duplicate <policy>',
      'what to do with leads whose phone or email you already have: skip or merge',
      'skip',
    )
    .option(
      '--encoding <encoding>',
      `the file's encoding (${Encoding.options.join(', ')}); detected if left out`,
    )
    .option(
      '--delimiter <delimiter>',
      'the column delimiter: comma, semicolon, tab or pipe; detected (or read from a sep= first line) if left out',
    )
    .option(
      '--header-row <N>',
      'the line (1 = first line) that names the columns; found past title lines and notes if left out',
    )
    .option(
      '--direction <direction>',
      "the leads' direction where a row names none: outbound or inbound (default: outbound, so a bought or exported list never jumps the queue as speed-to-lead)",
    )
    .option(
      '--source <channel>',
      `the leads' source channel where a row names none: ${SourceChannel.options.join(', ')} (default: outbound_list)`,
    )
    .option('--override-columns', "apply --direction and --source to every row, over the file's own columns")
    .action(async (file: string, flags: ImportFlags) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const options = parseFlags(flags);
        const size = userFileSize(resolve(file));
        if (size > MAX_IMPORT_BYTES) throw tooLarge(basename(file), size);
        const bytes = readUserFile(resolve(file));
        const preview = await call(core, 'imports.preview', {
          fileName: basename(file),
          dataBase64: bytes.toString('base64'),
          options: { encoding: options.encoding, delimiter: options.delimiter, headerRow: options.headerRow },
        });
        const summary = await call(core, 'imports.run', { token: preview.token, options });
        print(opts.json ?? false, summary, () =>
          describe(
            file,
            summary,
            preview.headerLine,
            preview.topRows.some((row) => row.line < preview.headerLine),
          ),
        );
      });
    });
};
