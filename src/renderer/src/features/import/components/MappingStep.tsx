import {
  type Delimiter,
  Encoding,
  IMPORT_FIELDS,
  type ImportField,
  type OnDuplicate,
} from '@shared/api/imports';
import { type Direction, SOURCE_CHANNELS, type SourceChannel } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { AlertIcon } from '../../../ui/icons';
import { Select, type SelectItem } from '../../../ui/Select';
import { RegionSelect } from '../../settings/components/RegionSelect';
import { mappingHasName, useImportStore } from '../state/importStore';
import { DELIMITERS_LABEL_KEYS } from '../utils/labels';
import { ReadingChecks } from './ReadingChecks';

/** A row's filled cells, shortened to fit a menu. */
const rowSummary = (cells: readonly string[]): string => {
  const text = cells.filter((cell) => cell.trim() !== '').join(' · ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

const SKIP = '__skip';
type FieldChoice = ImportField | typeof SKIP;

export const MappingStep = () => {
  const { t } = useTranslation();
  const preview = useImportStore((s) => s.preview);
  const detected = useImportStore((s) => s.detected);
  const mapping = useImportStore((s) => s.mapping);
  const region = useImportStore((s) => s.region);
  const onDuplicate = useImportStore((s) => s.onDuplicate);
  const direction = useImportStore((s) => s.direction);
  const sourceChannel = useImportStore((s) => s.sourceChannel);
  const overrideColumns = useImportStore((s) => s.overrideColumns);
  const busy = useImportStore((s) => s.busy);
  const error = useImportStore((s) => s.error);
  const actions = useImportStore.getState();
  if (!preview) return null;

  const detectedHint = t('import.detected');
  const encodingItems: SelectItem<Encoding>[] = Encoding.options.map((value) => ({
    value,
    label: t(`import.encodings.${value}`),
    hint: detected?.encoding === value ? detectedHint : undefined,
  }));
  const delimiterItems: SelectItem<Delimiter>[] = (Object.keys(DELIMITERS_LABEL_KEYS) as Delimiter[]).map(
    (value) => ({
      value,
      label: t(`import.delimiters.${DELIMITERS_LABEL_KEYS[value]}`),
      hint: detected?.delimiter === value ? detectedHint : undefined,
    }),
  );
  const headerRowItems: SelectItem<string>[] = preview.topRows.map((row) => ({
    value: String(row.line),
    label: t('import.headerRowOption', { line: row.line, cells: rowSummary(row.cells) }),
    hint: detected?.headerLine === row.line ? detectedHint : undefined,
  }));
  const fieldItems: SelectItem<FieldChoice>[] = [
    { value: SKIP, label: t('import.skipColumn') },
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`import.fields.${field}`) })),
  ];
  const hasName = mappingHasName(mapping);
  const directionItems: SelectItem<Direction>[] = (['outbound', 'inbound'] as const).map((value) => ({
    value,
    label: t(`direction.${value}`),
  }));
  const channelItems: SelectItem<SourceChannel>[] = SOURCE_CHANNELS.map((value) => ({
    value,
    label: t(`channel.${value}`),
  }));
  const fileNamesOrigin = mapping.includes('direction') || mapping.includes('sourceChannel');

  return (
    <div className="mapping">
      <div className="mapping__file">
        <div>
          <strong>{t('import.fileSummary', { name: preview.fileName, count: preview.rowCount })}</strong>
        </div>
        <Button size="s" variant="ghost" onClick={actions.reset} disabled={busy}>
          {t('import.chooseAnother')}
        </Button>
      </div>

      <div className="mapping__format">
        <div className="field">
          <span className="field__label">{t('import.encoding')}</span>
          <Select<Encoding>
            label={t('import.encoding')}
            value={preview.encoding}
            onValueChange={(value) => void actions.setEncoding(value)}
            items={encodingItems}
            disabled={busy}
            testId="import-encoding"
          />
        </div>
        <div className="field">
          <span className="field__label">{t('import.delimiter')}</span>
          <Select<Delimiter>
            label={t('import.delimiter')}
            value={preview.delimiter}
            onValueChange={(value) => void actions.setDelimiter(value)}
            items={delimiterItems}
            disabled={busy}
            testId="import-delimiter"
          />
        </div>
        <div className="field mapping__header-row">
          <span className="field__label">{t('import.headerRow')}</span>
          <Select<string>
            label={t('import.headerRow')}
            value={String(preview.headerLine)}
            onValueChange={(value) => void actions.setHeaderRow(Number(value))}
            items={headerRowItems}
            disabled={busy}
            testId="import-header-row"
          />
          <span className="field__hint">{t('import.headerRowHint')}</span>
        </div>
      </div>

      <ReadingChecks preview={preview} />

      <section className="mapping__section" aria-labelledby="mapping-title">
        <h3 className="section-title" id="mapping-title">
          {t('import.mappingTitle')}
        </h3>
        <p className="section-hint">{t('import.mappingHint')}</p>
        <div className="table-wrap">
          <table className="table mapping__table">
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.sample')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header, column) => {
                const field = mapping[column] ?? null;
                const samples = preview.sampleRows
                  .map((row) => row[column] ?? '')
                  .filter((value) => value.trim() !== '')
                  .slice(0, 3);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position; headers may repeat.
                  <tr key={column} className={field ? undefined : 'mapping__row--skipped'}>
                    <th scope="row" className="mapping__header">
                      {header || `#${column + 1}`}
                    </th>
                    <td>
                      <Select<FieldChoice>
                        size="s"
                        label={t('import.fieldFor', { column: header || `#${column + 1}` })}
                        value={field ?? SKIP}
                        onValueChange={(value) =>
                          actions.setColumnField(column, value === SKIP ? null : value)
                        }
                        items={fieldItems}
                        testId={`mapping-${column}`}
                      />
                    </td>
                    <td className="mapping__samples">
                      {samples.map((sample, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: sample values may repeat.
                        <span key={i} className="sample">
                          {sample}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="mapping__section options" aria-labelledby="options-title">
        <h3 className="section-title" id="options-title">
          {t('import.optionsTitle')}
        </h3>
        <div className="options__grid">
          <div className="field">
            <span className="field__label" id="import-region-label">
              {t('import.region')}
            </span>
            <RegionSelect value={region} onValueChange={actions.setRegion} label={t('import.region')} />
          </div>
          <fieldset className="field radio-group">
            <legend className="field__label">{t('import.duplicates')}</legend>
            {(['skip', 'merge'] as const satisfies readonly OnDuplicate[]).map((value) => (
              <label key={value} className={`radio${onDuplicate === value ? ' radio--checked' : ''}`}>
                <input
                  type="radio"
                  name="on-duplicate"
                  value={value}
                  checked={onDuplicate === value}
                  onChange={() => actions.setOnDuplicate(value)}
                />
                <span>
                  <strong>{value === 'skip' ? t('import.duplicateSkip') : t('import.duplicateMerge')}</strong>
                  <span className="radio__hint">
                    {value === 'skip' ? t('import.duplicateSkipHint') : t('import.duplicateMergeHint')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <span className="field__label">{t('import.direction')}</span>
            <Select<Direction>
              label={t('import.direction')}
              value={direction}
              onValueChange={actions.setDirection}
              items={directionItems}
              disabled={busy}
              testId="import-direction"
            />
          </div>
          <div className="field">
            <span className="field__label">{t('import.source')}</span>
            <Select<SourceChannel>
              label={t('import.source')}
              value={sourceChannel}
              onValueChange={actions.setSourceChannel}
              items={channelItems}
              disabled={busy}
              testId="import-source"
            />
          </div>
          <p className="section-hint options__wide">{t('import.originHint')}</p>
          {fileNamesOrigin ? (
            <label className="checkbox options__wide">
              <input
                type="checkbox"
                checked={overrideColumns}
                onChange={(event) => actions.setOverrideColumns(event.target.checked)}
                disabled={busy}
                data-testid="import-override-columns"
              />
              <span>{t('import.overrideColumns')}</span>
            </label>
          ) : null}
        </div>
      </section>

      {/* Kept in the sticky footer, so a problem is in view wherever the table is scrolled. */}
      <div className="dialog__actions dialog__actions--stacked">
        {error ? (
          <p className="form-error" role="alert" data-testid="import-error">
            <AlertIcon />
            {error}
          </p>
        ) : null}
        {hasName ? null : (
          <p className="form-warning" role="status">
            <AlertIcon />
            {t('import.needName')}
          </p>
        )}
        <div className="dialog__buttons">
          <Button variant="ghost" onClick={actions.reset} disabled={busy}>
            {t('import.back')}
          </Button>
          <Button
            variant="primary"
            onClick={() => void actions.run()}
            disabled={busy || !hasName}
            data-testid="import-run"
          >
            {t('import.run', { count: preview.rowCount })}
          </Button>
        </div>
      </div>
    </div>
  );
};
