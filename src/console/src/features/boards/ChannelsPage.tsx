import { ChannelResults } from '@shared/server/reports';
import { useTranslation } from 'react-i18next';
import { formatShare } from './figures';
import { ReportHeader } from './ReportHeader';
import { useReport } from './useReport';
import { channelLabel } from './words';

const PATH = '/v1/reports/channels?days=90';
const COLUMNS = ['leads', 'dialed', 'connects', 'mqls', 'sqls', 'rejected', 'acceptanceRate'] as const;
type ChannelRow = ChannelResults['directions'][number] & { sourceChannel?: string };

/** The figures of one channel (or direction) row, acceptance as a percentage ("—" before any decision). */
const FigureCells = ({ row }: { row: ChannelRow }) => (
  <>
    {COLUMNS.map((column) => {
      const value = row[column];
      return (
        <td key={column} data-column={column}>
          {value === null ? '—' : column === 'acceptanceRate' ? formatShare(value) : value}
        </td>
      );
    })}
  </>
);

/**
 * Results by source channel (PLAYBOOK.md, "What is measured": lead quality by source) for the leads
 * created in the last 90 days: per channel and direction, then inbound against outbound.
 */
export const ChannelsPage = () => {
  const { t } = useTranslation();
  const report = useReport(PATH, ChannelResults, true);
  const data = report.data;
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {COLUMNS.map((column) => (
          <th key={column} scope="col">
            {t(`console.boards.channels.${column}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const direction = (value: string) =>
    value === 'inbound' || value === 'outbound' ? t(`console.boards.channels.${value}`) : value;
  return (
    <div className="console-page console-page--wide">
      <ReportHeader
        title={t('console.boards.channels.title')}
        hint={t('console.boards.channels.hint')}
        csvPath={PATH}
        error={report.error}
      />
      {data ? (
        <>
          <section className="console-card" aria-labelledby="channels-by-source">
            <h2 id="channels-by-source" className="section-title">
              {t('console.boards.channels.bySource')}
            </h2>
            {data.channels.length === 0 ? (
              <p className="muted">{t('console.boards.channels.none')}</p>
            ) : (
              <div className="board-scroll">
                <table className="console-table" data-testid="channels-table">
                  {head(t('console.boards.channel'))}
                  <tbody>
                    {data.channels.map((row) => (
                      <tr key={`${row.sourceChannel}:${row.direction}`} data-testid="channel-row">
                        <th scope="row">
                          {channelLabel(t, row.sourceChannel)} · {direction(row.direction)}
                        </th>
                        <FigureCells row={row} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="console-card" aria-labelledby="channels-by-direction">
            <h2 id="channels-by-direction" className="section-title">
              {t('console.boards.channels.byDirection')}
            </h2>
            <table className="console-table" data-testid="directions-table">
              {head(t('console.boards.channels.direction'))}
              <tbody>
                {data.directions.map((row) => (
                  <tr key={row.direction}>
                    <th scope="row">{direction(row.direction)}</th>
                    <FigureCells row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : report.loading ? (
        <p className="muted">{t('console.loading')}</p>
      ) : null}
    </div>
  );
};
