import type { RejectedRow } from '@shared/api/imports';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { translatedReason } from '../../../i18n/errors';
import { formatNumber } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { CheckIcon } from '../../../ui/icons';
import { useImportStore } from '../state/importStore';

/** Room for a reason of two lines; a longer one is clipped, and whole in the tooltip. */
const REJECT_ROW_HEIGHT = 46;

/**
 * Every rejected row (or every warning) with its line, column and reason; thousands stay fast
 * (only rows on screen render).
 */
const RejectedTable = ({ rows, testId }: { rows: RejectedRow[]; testId?: string }) => {
  // Re-rendered on a language change, so the reasons follow it.
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => REJECT_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="rejects" ref={scrollRef} data-testid={testId}>
      <table className="table rejects__table">
        <thead>
          <tr>
            <th scope="col" className="rejects__line">
              {t('import.line')}
            </th>
            <th scope="col" className="rejects__column">
              {t('import.column')}
            </th>
            <th scope="col">{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <tr className="rejects__spacer" style={{ height: before }} /> : null}
          {items.map((item) => {
            const row = rows[item.index] as RejectedRow;
            return (
              <tr key={item.key} style={{ height: REJECT_ROW_HEIGHT }}>
                <td className="rejects__line">{row.line}</td>
                <td className="rejects__column">{row.column ?? '—'}</td>
                <td title={translatedReason(row)}>
                  <div className="rejects__reason">{translatedReason(row)}</div>
                </td>
              </tr>
            );
          })}
          {after > 0 ? <tr className="rejects__spacer" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
};

export const ImportReport = ({ onDone }: { onDone: () => void }) => {
  const { t } = useTranslation();
  const summary = useImportStore((s) => s.summary);
  const reset = useImportStore((s) => s.reset);
  if (!summary) return null;
  const figures = [
    { key: 'imported', label: t('import.imported'), value: summary.imported, tone: 'success' },
    { key: 'merged', label: t('import.merged'), value: summary.merged, tone: 'accent' },
    { key: 'skipped', label: t('import.skipped'), value: summary.skipped, tone: 'neutral' },
    { key: 'rejected', label: t('import.rejected'), value: summary.rejected.length, tone: 'danger' },
  ] as const;
  const warnings = summary.warnings ?? [];
  return (
    <div className="report" data-testid="import-report">
      <h3 className="report__title">
        <CheckIcon />
        {t('import.reportTitle')}
      </h3>
      <dl className="figures">
        {figures.map((figure) => (
          <div
            key={figure.key}
            className={`figure figure--${figure.tone}`}
            data-testid={`report-${figure.key}`}
          >
            <dt>{figure.label}</dt>
            <dd>{formatNumber(figure.value)}</dd>
          </div>
        ))}
      </dl>
      {warnings.length > 0 ? (
        <section aria-labelledby="warnings-title">
          <h3 className="section-title" id="warnings-title">
            {t('import.leftOutTitle', { count: warnings.length })}
          </h3>
          <p className="section-hint">{t('import.leftOutHint')}</p>
          <RejectedTable rows={warnings} testId="import-left-out" />
        </section>
      ) : null}
      {summary.rejected.length > 0 ? (
        <section aria-labelledby="rejected-title">
          <h3 className="section-title" id="rejected-title">
            {t('import.rejectedTitle')}
          </h3>
          <p className="section-hint">{t('import.rejectedHint')}</p>
          <RejectedTable rows={summary.rejected} />
        </section>
      ) : (
        <p className="section-hint">{t('import.noRejected')}</p>
      )}
      <div className="dialog__actions">
        <Button variant="ghost" onClick={reset}>
          {t('import.importAnother')}
        </Button>
        <Button variant="primary" onClick={onDone} autoFocus>
          {t('import.done')}
        </Button>
      </div>
    </div>
  );
};
