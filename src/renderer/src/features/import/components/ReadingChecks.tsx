import type { ImportPreview, RejectedRow } from '@shared/api/imports';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../ui/icons';

/** Rows listed by line under a warning; the rest are counted. */
const SHOWN_WARNINGS = 5;

const QUOTE_CODES = ['unterminated_quote', 'malformed_quotes'] as const;
const isQuoteCode = (code: string): code is (typeof QUOTE_CODES)[number] =>
  (QUOTE_CODES as readonly string[]).includes(code);

/**
 * What the preview found while reading the file, for the user to check before importing: rows
 * with non-ASCII text from anywhere in the file (to judge the encoding), and rows that will be
 * left out whatever the mapping (a quote never closed).
 */
export const ReadingChecks = ({ preview }: { preview: ImportPreview }) => {
  const { t, i18n } = useTranslation();
  // The core words each reason precisely in English; other languages show the reason by its code.
  const reasonOf = (row: RejectedRow) =>
    i18n.language === 'en' || !isQuoteCode(row.code) ? row.message : t(`rejectReasons.${row.code}`);
  const { textRows, warnings, warningCount } = preview;
  if (textRows.length === 0 && warningCount === 0) return null;
  return (
    <>
      {textRows.length > 0 ? (
        <section
          className="mapping__section"
          aria-labelledby="text-rows-title"
          data-testid="import-text-rows"
        >
          <h3 className="section-title" id="text-rows-title">
            {t('import.textRowsTitle')}
          </h3>
          <p className="section-hint">{t('import.textRowsHint')}</p>
          <ul className="text-rows">
            {textRows.map((row) => (
              <li key={row.line} className="text-rows__row">
                <span className="text-rows__line">{t('import.lineNumber', { line: row.line })}</span>
                {row.cells
                  .filter((cell) => cell.trim() !== '')
                  .map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells may repeat within a row.
                    <span key={i} className="sample">
                      {cell}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {warningCount > 0 ? (
        <div className="form-warning reading-warnings" role="status" data-testid="import-warnings">
          <AlertIcon />
          <div>
            <strong>{t('import.warningsTitle', { count: warningCount })}</strong>
            <ul>
              {warnings.slice(0, SHOWN_WARNINGS).map((warning) => (
                <li key={`${warning.line}-${warning.code}`}>
                  {t('import.lineNumber', { line: warning.line })}: {reasonOf(warning)}
                </li>
              ))}
            </ul>
            {warningCount > SHOWN_WARNINGS ? (
              <p>{t('import.warningsMore', { count: warningCount - SHOWN_WARNINGS })}</p>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
};
