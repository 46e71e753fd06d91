import type {
  ColumnMapping,
  Delimiter,
  Encoding,
  ImportField,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  OnDuplicate,
} from '@shared/api/imports';
import type { Direction, SourceChannel } from '@shared/domain/lead';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { formatBytes } from '../../../i18n/format';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { importErrorMessage } from '../utils/importErrors';
import { MAX_IMPORT_BYTES, readAsBase64 } from '../utils/readFile';

export type ImportStep = 'pick' | 'map' | 'running' | 'report';

type PickedFile = { name: string; size: number; dataBase64: string };

type ImportState = {
  step: ImportStep;
  /** Reading the file or asking the core for a preview. */
  busy: boolean;
  error: string | null;
  file: PickedFile | null;
  preview: ImportPreview | null;
  /** What the core found in the file before any override, to mark as "detected". */
  detected: { encoding: Encoding; delimiter: Delimiter; headerLine: number } | null;
  /** The header row's physical line when the user chose one; null lets the core find it. */
  headerRow: number | null;
  mapping: ColumnMapping;
  region: string;
  onDuplicate: OnDuplicate;
  /** The leads' direction and source where a row names none (see ImportOptions). */
  direction: Direction;
  sourceChannel: SourceChannel;
  /** The direction and source above win over the file's own Direction and Source columns. */
  overrideColumns: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
};

type ImportActions = {
  pickFile: (file: File) => Promise<void>;
  /** Starts the wizard on a file the host already read ("Open with Dialdeck" on a CSV). */
  openFile: (file: { name: string; dataBase64: string }) => Promise<void>;
  setEncoding: (encoding: Encoding) => Promise<void>;
  setDelimiter: (delimiter: Delimiter) => Promise<void>;
  /** Reads the file again with the row on this physical line as its header. */
  setHeaderRow: (line: number) => Promise<void>;
  setColumnField: (column: number, field: ImportField | null) => void;
  setRegion: (region: string) => void;
  setOnDuplicate: (onDuplicate: OnDuplicate) => void;
  setDirection: (direction: Direction) => void;
  setSourceChannel: (sourceChannel: SourceChannel) => void;
  setOverrideColumns: (overrideColumns: boolean) => void;
  run: () => Promise<void>;
  handleProgress: (progress: ImportProgress) => void;
  /** Back to an empty wizard, letting go of any file the core holds for a preview. */
  reset: () => void;
};

export type ImportStore = ImportState & ImportActions;

/** Fields that only one column can fill; phones, emails and each address's parts may come from several. */
const MULTI_COLUMN_FIELDS: readonly ImportField[] = ['phone', 'email', 'country', 'region', 'city'];
const SINGLE_COLUMN_FIELDS = (field: ImportField) => !MULTI_COLUMN_FIELDS.includes(field);

const initialState = (): ImportState => ({
  step: 'pick',
  busy: false,
  error: null,
  file: null,
  preview: null,
  detected: null,
  headerRow: null,
  mapping: [],
  region: useSettingsStore.getState().settings.defaultRegion,
  onDuplicate: 'skip',
  // A file is a list someone bought or exported: outbound, so it never jumps the queue as speed-to-lead.
  direction: 'outbound',
  sourceChannel: 'outbound_list',
  overrideColumns: false,
  progress: null,
  summary: null,
});

/** True when the mapping names the lead (a Name column, or first and last name). */
export const mappingHasName = (mapping: ColumnMapping): boolean =>
  mapping.includes('name') || mapping.includes('firstName') || mapping.includes('lastName');

export const useImportStore = create<ImportStore>((set, get) => {
  const discardPreview = () => {
    const token = get().preview?.token;
    if (token && get().step !== 'report') void invoke('imports.discard', { token }).catch(() => undefined);
  };

  const requestPreview = async (
    file: PickedFile,
    options: { encoding?: Encoding; delimiter?: Delimiter; headerRow?: number },
  ) => {
    set({ busy: true, error: null });
    try {
      const preview = await invoke('imports.preview', {
        fileName: file.name,
        dataBase64: file.dataBase64,
        options,
      });
      discardPreview();
      set({
        preview,
        detected: get().detected ?? {
          encoding: preview.encoding,
          delimiter: preview.delimiter,
          headerLine: preview.headerLine,
        },
        headerRow: options.headerRow ?? null,
        mapping: preview.suggestedMapping,
        busy: false,
        step: 'map',
      });
    } catch (error) {
      set({ busy: false, error: importErrorMessage(error) });
    }
  };

  return {
    ...initialState(),

    pickFile: async (file) => {
      const t = i18n.t;
      // Checked before reading, so a 2 GB export never reaches memory.
      if (file.size > MAX_IMPORT_BYTES) {
        set({ error: t('import.tooLarge', { name: file.name, size: formatBytes(file.size) }) });
        return;
      }
      if (file.size === 0) {
        set({ error: t('import.emptyFile', { name: file.name }) });
        return;
      }
      set({ busy: true, error: null });
      let dataBase64: string;
      try {
        dataBase64 = await readAsBase64(file);
      } catch (error) {
        set({
          busy: false,
          error: t('import.readFailed', { name: file.name, message: errorMessage(error) }),
        });
        return;
      }
      const picked = { name: file.name, size: file.size, dataBase64 };
      discardPreview();
      set({ file: picked, preview: null, detected: null, headerRow: null });
      await requestPreview(picked, {});
    },

    openFile: async ({ name, dataBase64 }) => {
      const picked = { name, size: Math.floor((dataBase64.length * 3) / 4), dataBase64 };
      discardPreview();
      set({ ...initialState(), file: picked });
      await requestPreview(picked, {});
    },

    setEncoding: async (encoding) => {
      const { file, preview, headerRow } = get();
      if (file && preview) {
        await requestPreview(file, {
          encoding,
          delimiter: preview.delimiter,
          headerRow: headerRow ?? undefined,
        });
      }
    },

    setDelimiter: async (delimiter) => {
      const { file, preview, headerRow } = get();
      if (file && preview) {
        await requestPreview(file, {
          encoding: preview.encoding,
          delimiter,
          headerRow: headerRow ?? undefined,
        });
      }
    },

    setHeaderRow: async (line) => {
      const { file, preview } = get();
      if (file && preview) {
        await requestPreview(file, {
          encoding: preview.encoding,
          delimiter: preview.delimiter,
          headerRow: line,
        });
      }
    },

    setColumnField: (column, field) => {
      // Choosing a field another column had moves it here, so each field is read from one place.
      const mapping = get().mapping.map((current, i) => {
        if (i === column) return field;
        if (field && current === field && SINGLE_COLUMN_FIELDS(field)) return null;
        return current;
      });
      set({ mapping });
    },

    setRegion: (region) => set({ region }),
    setOnDuplicate: (onDuplicate) => set({ onDuplicate }),
    setDirection: (direction) => {
      // An inbound file is not an outbound list; an outbound one from "other" stays as chosen.
      const { sourceChannel } = get();
      set({
        direction,
        sourceChannel: direction === 'inbound' && sourceChannel === 'outbound_list' ? 'other' : sourceChannel,
      });
    },
    // A channel says which way its leads came, as the core reads a Source column (see row.ts).
    setSourceChannel: (sourceChannel) =>
      set(
        sourceChannel === 'other'
          ? { sourceChannel }
          : { sourceChannel, direction: sourceChannel === 'outbound_list' ? 'outbound' : 'inbound' },
      ),
    setOverrideColumns: (overrideColumns) => set({ overrideColumns }),

    run: async () => {
      const { preview, mapping, region, onDuplicate, direction, sourceChannel, overrideColumns } = get();
      if (!preview) return;
      set({ step: 'running', error: null, progress: null });
      try {
        const summary = await invoke('imports.run', {
          token: preview.token,
          options: {
            encoding: preview.encoding,
            delimiter: preview.delimiter,
            headerRow: preview.headerLine,
            region,
            onDuplicate,
            mapping,
            direction,
            sourceChannel,
            overrideColumns,
          },
        });
        set({ step: 'report', summary, file: null });
      } catch (error) {
        set({ step: 'map', error: i18n.t('import.failed', { message: importErrorMessage(error) }) });
      }
    },

    handleProgress: (progress) => {
      if (progress.token === get().preview?.token && get().step === 'running') set({ progress });
    },

    reset: () => {
      discardPreview();
      set(initialState());
    },
  };
});
