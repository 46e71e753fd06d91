import { formatDateTime } from '@renderer/i18n/format';
import { SlaBoard } from '@shared/server/reports';
import { useTranslation } from 'react-i18next';
import { ReportHeader } from './ReportHeader';
import { useReport } from './useReport';
import { formatWait } from './words';

const PATH = '/v1/reports/sla';
type SlaRow = SlaBoard['unassigned'][number];

/** The open hand-offs of one AE (or the unassigned ones): lead, rep, handed off, time left or "missed". */
const OpenTable = ({ rows }: { rows: readonly SlaRow[] }) => {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('console.boards.sla.noneOpen')}</p>;
  return (
    <table className="console-table">
      <thead>
        <tr>
          <th scope="col">{t('console.boards.lead')}</th>
          <th scope="col">{t('console.boards.rep')}</th>
          <th scope="col">{t('console.boards.sla.handedOff')}</th>
          <th scope="col">{t('console.boards.sla.timeLeft')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.handoffId} data-testid="sla-handoff">
            <td>{row.leadName ?? t('console.boards.unknownLead')}</td>
            <td>{row.rep.email}</td>
            <td>{formatDateTime(row.createdAt)}</td>
            <td className={row.missed ? 'board-standing--over' : undefined}>
              {row.missed ? t('console.boards.sla.missed') : formatWait(t, row.msLeft)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/**
 * The SLA board (PLAYBOOK.md, "Hand-off rules": 48 hours to act, two misses in a month take an AE out
 * of rotation for a month): per AE the open hand-offs with the time left, the misses this month and in
 * all, and until when they are out of rotation; then the hand-offs no AE could take. Live.
 */
export const SlaPage = () => {
  const { t } = useTranslation();
  const report = useReport(PATH, SlaBoard, true);
  const data = report.data;
  return (
    <div className="console-page console-page--wide">
      <ReportHeader
        title={t('console.boards.sla.title')}
        hint={t('console.boards.sla.hint')}
        csvPath={PATH}
        error={report.error}
      />
      {data ? (
        <>
          {data.aes.length === 0 ? <p className="muted">{t('console.boards.sla.noAes')}</p> : null}
          {data.aes.map((ae) => (
            <section
              key={ae.userId}
              className="console-card"
              aria-label={ae.email}
              data-testid="sla-ae"
              data-who={ae.email}
            >
              <div className="console-card__top">
                <h2 className="section-title">{ae.email}</h2>
                <span className={ae.outUntil === null ? 'badge' : 'badge board-standing--over'}>
                  {ae.outUntil === null
                    ? t('console.boards.sla.inRotation')
                    : t('console.boards.sla.outUntil', { when: formatDateTime(ae.outUntil) })}
                </span>
              </div>
              <dl className="board-stats">
                <div>
                  <dt>{t('console.boards.sla.open')}</dt>
                  <dd>{ae.open.length}</dd>
                </div>
                <div>
                  <dt>{t('console.boards.sla.missesThisMonth')}</dt>
                  <dd>{ae.missesThisMonth}</dd>
                </div>
                <div>
                  <dt>{t('console.boards.sla.missesTotal')}</dt>
                  <dd>{ae.missesTotal}</dd>
                </div>
              </dl>
              <OpenTable rows={ae.open} />
            </section>
          ))}
          <section className="console-card" aria-labelledby="sla-unassigned">
            <h2 id="sla-unassigned" className="section-title">
              {t('console.boards.sla.unassigned', { n: data.unassigned.length })}
            </h2>
            <OpenTable rows={data.unassigned} />
          </section>
        </>
      ) : report.loading ? (
        <p className="muted">{t('console.loading')}</p>
      ) : null}
    </div>
  );
};
