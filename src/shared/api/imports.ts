import { z } from 'zod';
import { Direction, SourceChannel } from '../domain/lead';
import { ErrorParams, method } from './contract';
import { Base64Upload } from './limits';

/** Lead fields a CSV column can be mapped to. `phone` may be mapped from several columns. */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'title',
  'company',
  'email',
  'phone',
  'timeZone',
  'country',
  'region',
  'city',
  'sourceChannel',
  'sourceDetail',
  'direction',
  'status',
  'research',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

export const Encoding = z.enum(['utf-8', 'gb18030', 'cp949', 'utf-16le', 'utf-16be', 'windows-1252']);
export type Encoding = z.infer<typeof Encoding>;
export const Delimiter = z.enum([',', ';', '\t', '|']);
export type Delimiter = z.infer<typeof Delimiter>;
export const OnDuplicate = z.enum(['skip', 'merge']);
export type OnDuplicate = z.infer<typeof OnDuplicate>;

/** Column i of the file goes to field mapping[i]; null leaves the column out. */
export const ColumnMapping = z.array(ImportField.nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportSource = z.object({
  fileName: z.string().max(500),
  /** The file's bytes, base64-encoded; at most MAX_UPLOAD_BYTES once decoded (limits.ts). */
  dataBase64: Base64Upload,
});

export const ImportOptions = z.object({
  encoding: Encoding.optional(),
  delimiter: Delimiter.optional(),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  onDuplicate: OnDuplicate.default('skip'),
  mapping: ColumnMapping.optional(),
  /**
   * The physical line (1-based, as a text editor counts them) that names the columns. Left out,
   * Dialdeck finds it: title lines, notes and blank lines above it are skipped.
   */
  headerRow: z.number().int().min(1).optional(),
  /**
   * The leads' direction where a row names none. Left out, it follows the row's source channel,
   * and a list without one is outbound: a purchased or exported list never jumps the queue as
   * speed-to-lead.
   */
  direction: Direction.optional(),
  /** The leads' source channel where a row names none; left out, `outbound_list`. */
  sourceChannel: SourceChannel.optional(),
  /** True: `direction` and `sourceChannel` apply to every row, over the file's own columns. */
  overrideColumns: z.boolean().default(false),
});
export type ImportOptions = z.input<typeof ImportOptions>;

/** A row of the file as read, with the physical line (1-based) it starts on. */
export const PreviewRow = z.object({ line: z.number().int(), cells: z.array(z.string()) });
export type PreviewRow = z.infer<typeof PreviewRow>;

/**
 * A rejected or warned row: its physical line (1-based), the column's header if one cell is at
 * fault, a stable code (translated under `rejectReasons`, filled from `params`), the core's English
 * message, and `params` with the offending value as `value` (and e.g. `region`).
 */
export const RejectedRow = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  params: ErrorParams.optional(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const ImportPreview = z.object({
  /** Names the decoded file held by the core until it is imported or dropped. */
  token: z.string(),
  fileName: z.string(),
  encoding: Encoding,
  delimiter: Delimiter,
  headers: z.array(z.string()),
  suggestedMapping: ColumnMapping,
  /** The first rows under the header. */
  sampleRows: z.array(z.array(z.string())),
  /** Leads in the file: rows under the header that are not blank. */
  rowCount: z.number().int(),
  /** The physical line (1-based) of the header row, found or chosen with `headerRow`. */
  headerLine: z.number().int(),
  /** The first rows of the file, header included, so the user can choose another header row. */
  topRows: z.array(PreviewRow),
  /**
   * A few rows holding non-ASCII text (accents, Chinese, Korean…) from anywhere in the file, other
   * than the first sample rows, so the user can judge the decoding.
   */
  textRows: z.array(PreviewRow),
  /** Rows the import will reject whatever the mapping (a quote never closed…), the first 100. */
  warnings: z.array(RejectedRow),
  /** All such rows; more than `warnings` holds when there are over 100. */
  warningCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/**
 * Something left out of an imported row, the lead itself kept: e.g. one unreadable number among
 * the valid ones in a phone cell (code `invalid_phone`, the number as `params.value`).
 */
export const ImportWarning = RejectedRow;
export type ImportWarning = RejectedRow;

export const ImportSummary = z.object({
  imported: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(RejectedRow),
  warnings: z.array(ImportWarning),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/**
 * Progress of a preview or an import. `total` is 0 while the row count is not known yet (reading a
 * new file). Writing counts the leads written and then put on the call queue.
 */
export const ImportProgress = z.object({
  token: z.string(),
  phase: z.enum(['reading', 'checking', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const importsMethods = {
  /** Decodes the file and proposes a column mapping, without writing anything. */
  'imports.preview': method(
    ImportSource.extend({ options: ImportOptions.partial().optional() }),
    ImportPreview,
  ),
  /** Imports a previewed file; the accepted rows land in one transaction. */
  'imports.run': method(z.object({ token: z.string(), options: ImportOptions }), ImportSummary),
  'imports.discard': method(z.object({ token: z.string() }), z.object({})),
  /** The store's leads as CSV text (UTF-8 with BOM, so spreadsheets read CJK names correctly). */
  'imports.exportCsv': method(z.object({}), z.object({ csv: z.string(), count: z.number().int() })),
};
