import { formatDateTime } from '@renderer/i18n/format';
import type { ConsoleAeRecord } from '@shared/server/console';
import { useTranslation } from 'react-i18next';
import { hoursAndMinutes } from './order';

/** The AE's own record: decisions, median response time, misses this month and rotation eligibility. */
export const AeRecordPanel = ({ record }: { record: ConsoleAeRecord }) => {
  const { t } = useTranslation();
  const median = record.medianResponseMs === null ? null : hoursAndMinutes(record.medianResponseMs);
  return (
    <section className="console-card" aria-labelledby="ae-record-title" data-testid="ae-record">
      <h2 id="ae-record-title" className="section-title">
        {t('console.record.title')}
      </h2>
      <dl className="record-grid">
        <div>
          <dt>{t('console.record.open')}</dt>
          <dd>{record.open}</dd>
        </div>
        <div>
          <dt>{t('console.record.accepted')}</dt>
          <dd>{record.accepted}</dd>
        </div>
        <div>
          <dt>{t('console.record.rejected')}</dt>
          <dd>{record.rejected}</dd>
        </div>
        <div>
          <dt>{t('console.record.median')}</dt>
          <dd>
            {median === null
              ? '—'
              : (record.medianResponseMs ?? 0) < 60_000
                ? t('console.record.underMinute')
                : t('console.record.duration', { hours: median.hours, minutes: median.minutes })}
          </dd>
        </div>
        <div>
          <dt>{t('console.record.misses')}</dt>
          <dd>
            {t('console.record.missesOf', { n: record.missesThisMonth, allowed: record.missesAllowed })}
          </dd>
        </div>
        <div>
          <dt>{t('console.record.eligibility')}</dt>
          <dd>
            {record.outUntil === null
              ? t('console.record.eligible')
              : t('console.record.outUntil', { when: formatDateTime(record.outUntil) })}
          </dd>
        </div>
      </dl>
    </section>
  );
};
