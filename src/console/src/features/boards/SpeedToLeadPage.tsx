import { formatDateTime } from '@renderer/i18n/format';
import { SpeedToLead } from '@shared/server/reports';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/useNow';
import { ReportHeader } from './ReportHeader';
import { useReport } from './useReport';
import { channelLabel, formatWait } from './words';

const PATH = '/v1/reports/speed-to-lead?days=30';

/**
 * Speed to lead over the last 30 days: how fast inbound leads got their first call (percentiles and
 * the distribution, as bars with their counts written out) and the leads still waiting, longest first,
 * kept live by the team's event stream and a ticking clock.
 */
export const SpeedToLeadPage = () => {
  const { t } = useTranslation();
  const report = useReport(PATH, SpeedToLead, true);
  const now = useNow(30_000);
  const data = report.data;
  const most = data ? Math.max(1, ...data.buckets.map((bucket) => bucket.count)) : 1;
  const waiting = data
    ? data.leads.filter((lead) => lead.firstCallAt === null).sort((a, b) => a.arrivedAt - b.arrivedAt)
    : [];
  const called = data ? data.leads.filter((lead) => lead.firstCallAt !== null) : [];

  return (
    <div className="console-page console-page--wide">
      <ReportHeader
        title={t('console.boards.speed.title')}
        hint={t('console.boards.speed.hint')}
        csvPath={PATH}
        error={report.error}
      />
      {data ? (
        <>
          <section className="console-card" aria-labelledby="speed-summary">
            <h2 id="speed-summary" className="section-title">
              {t('console.boards.speed.summary')}
            </h2>
            <dl className="board-stats" data-testid="speed-stats">
              <div>
                <dt>{t('console.boards.speed.arrived')}</dt>
                <dd>{data.arrived}</dd>
              </div>
              <div>
                <dt>{t('console.boards.speed.called')}</dt>
                <dd>{data.called}</dd>
              </div>
              <div>
                <dt>{t('console.boards.speed.waiting')}</dt>
                <dd>{data.waiting}</dd>
              </div>
              {(['p50', 'p90', 'p95'] as const).map((key) => (
                <div key={key}>
                  <dt>{t(`console.boards.speed.${key}`)}</dt>
                  <dd>{data.percentiles[key] === null ? '—' : formatWait(t, data.percentiles[key] ?? 0)}</dd>
                </div>
              ))}
            </dl>
            <h3 className="section-title">{t('console.boards.speed.distribution')}</h3>
            <ul className="board-bars" data-testid="speed-buckets">
              {data.buckets.map((bucket) => {
                const label =
                  bucket.toMinutes === null
                    ? t('console.boards.speed.bucketOver', { from: bucket.fromMinutes })
                    : t('console.boards.speed.bucket', { from: bucket.fromMinutes, to: bucket.toMinutes });
                return (
                  <li key={bucket.fromMinutes}>
                    <span className="board-bars__label">{label}</span>
                    <span className="board-bars__track" aria-hidden="true">
                      <span
                        className="board-bars__bar"
                        style={{ width: `${(bucket.count / most) * 100}%` }}
                      />
                    </span>
                    <span className="board-bars__count">{bucket.count}</span>
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="console-card" aria-labelledby="speed-waiting">
            <h2 id="speed-waiting" className="section-title">
              {t('console.boards.speed.waitingTitle', { n: waiting.length })}
            </h2>
            {waiting.length === 0 ? (
              <p className="muted">{t('console.boards.speed.noneWaiting')}</p>
            ) : (
              <table className="console-table" data-testid="speed-waiting">
                <thead>
                  <tr>
                    <th scope="col">{t('console.boards.lead')}</th>
                    <th scope="col">{t('console.boards.channel')}</th>
                    <th scope="col">{t('console.boards.rep')}</th>
                    <th scope="col">{t('console.boards.speed.arrivedAt')}</th>
                    <th scope="col">{t('console.boards.speed.waitingFor')}</th>
                  </tr>
                </thead>
                <tbody>
                  {waiting.map((lead) => (
                    <tr key={lead.leadId} data-testid="waiting-row">
                      <td>{lead.leadName ?? t('console.boards.unknownLead')}</td>
                      <td>{channelLabel(t, lead.sourceChannel)}</td>
                      <td>{lead.owner?.email ?? t('console.boards.unowned')}</td>
                      <td>{formatDateTime(lead.arrivedAt)}</td>
                      <td>{formatWait(t, Math.max(0, now - lead.arrivedAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="console-card" aria-labelledby="speed-called">
            <h2 id="speed-called" className="section-title">
              {t('console.boards.speed.calledTitle', { n: called.length })}
            </h2>
            {called.length === 0 ? null : (
              <table className="console-table">
                <thead>
                  <tr>
                    <th scope="col">{t('console.boards.lead')}</th>
                    <th scope="col">{t('console.boards.channel')}</th>
                    <th scope="col">{t('console.boards.rep')}</th>
                    <th scope="col">{t('console.boards.speed.arrivedAt')}</th>
                    <th scope="col">{t('console.boards.speed.firstCall')}</th>
                  </tr>
                </thead>
                <tbody>
                  {called.map((lead) => (
                    <tr key={lead.leadId}>
                      <td>{lead.leadName ?? t('console.boards.unknownLead')}</td>
                      <td>{channelLabel(t, lead.sourceChannel)}</td>
                      <td>{lead.owner?.email ?? t('console.boards.unowned')}</td>
                      <td>{formatDateTime(lead.arrivedAt)}</td>
                      <td>{formatWait(t, lead.msToFirstCall ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : report.loading ? (
        <p className="muted">{t('console.loading')}</p>
      ) : null}
    </div>
  );
};
