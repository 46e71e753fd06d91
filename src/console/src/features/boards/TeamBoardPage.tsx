import { Button } from '@renderer/ui/Button';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { Select } from '@renderer/ui/Select';
import { type ReportFigures, type ReportTargets, TeamBoard, Trend } from '@shared/server/reports';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillDialog } from './DrillDialog';
import type { DrillCell } from './drill';
import { BOARD_COLUMNS, type BoardColumn, formatFigure, isDrillable } from './figures';
import { ReportHeader } from './ReportHeader';
import { TrendChart } from './TrendChart';
import { useReport } from './useReport';

type Period = 'today' | 'week';
type Row = { key: string; who: string; userId?: string; figures: ReportFigures };

type CellProps = {
  column: BoardColumn;
  value: number | null;
  target: number | null;
  onOpen: (() => void) | null;
};

/**
 * One figure against its target: the number (a button to the activities behind it), then a progress
 * bar and "of N" in words, so the standing never rests on colour alone. Talk share's target is a
 * ceiling: the bar fills towards it and the text says whether the share is within it.
 */
const FigureCell = ({ column, value, target, onOpen }: CellProps) => {
  const { t } = useTranslation();
  const shown = value === null ? '—' : formatFigure(t, column, value);
  const label = t(`console.boards.metric.${column}`);
  const ceiling = column === 'talkShare';
  const standing =
    target === null || value === null
      ? null
      : ceiling
        ? value <= target
          ? t('console.boards.withinCeiling', { target: formatFigure(t, column, target) })
          : t('console.boards.overCeiling', { target: formatFigure(t, column, target) })
        : t('console.boards.ofTarget', { target: formatFigure(t, column, target) });
  return (
    <td className="board-cell" data-column={column}>
      {onOpen ? (
        <button type="button" className="board-figure" onClick={onOpen} aria-label={`${label}: ${shown}`}>
          {shown}
        </button>
      ) : (
        <span className="board-figure board-figure--plain">{shown}</span>
      )}
      {standing !== null && target !== null && value !== null ? (
        <>
          <ProgressBar
            value={target === 0 ? 1 : value / target}
            label={label}
            valueText={`${shown} ${standing}`}
          />
          <span className={`board-standing${ceiling && value > target ? ' board-standing--over' : ''}`}>
            {standing}
          </span>
        </>
      ) : null}
    </td>
  );
};

/**
 * The manager's team board: per rep, today or this week in the team's time zone, every figure against
 * its target, each number one click from the activities behind it; under it the 90-day trend of one
 * figure, the team's or one rep's, as a chart and as a table.
 */
export const TeamBoardPage = () => {
  const { t } = useTranslation();
  const board = useReport('/v1/reports/team-board', TeamBoard, true);
  const [period, setPeriod] = useState<Period>('today');
  const [drill, setDrill] = useState<DrillCell | null>(null);
  const [metric, setMetric] = useState<BoardColumn>('dials');
  const [trendUser, setTrendUser] = useState<string>('team');
  const trendPath = `/v1/reports/trend?days=90${trendUser === 'team' ? '' : `&userId=${trendUser}`}`;
  const trend = useReport(trendPath, Trend);

  const data = board.data;
  const span = data ? data[period] : null;
  const targets: ReportTargets | null = data ? data.targets[period === 'today' ? 'day' : 'week'] : null;
  const rows: Row[] = data
    ? [
        ...data.reps.map((rep) => ({
          key: rep.userId,
          who: rep.email,
          userId: rep.userId,
          figures: rep[period],
        })),
        { key: 'team', who: t('console.boards.teamRow'), figures: data.team[period] },
      ]
    : [];

  const dates = useMemo(() => trend.data?.days.map((day) => day.date) ?? [], [trend.data]);
  const values = useMemo(() => trend.data?.days.map((day) => day[metric]) ?? [], [trend.data, metric]);
  const format = useCallback((value: number) => formatFigure(t, metric, value), [t, metric]);

  return (
    <div className="console-page console-page--wide">
      <ReportHeader
        title={t('console.boards.teamBoard.title')}
        hint={t('console.boards.teamBoard.hint')}
        csvPath="/v1/reports/team-board"
        error={board.error}
      >
        <fieldset className="board-switch">
          <legend className="visually-hidden">{t('console.boards.period')}</legend>
          {(['today', 'week'] as const).map((choice) => (
            <Button
              key={choice}
              size="s"
              variant={choice === period ? 'primary' : 'secondary'}
              aria-pressed={choice === period}
              onClick={() => setPeriod(choice)}
            >
              {t(`console.boards.${choice}`)}
            </Button>
          ))}
        </fieldset>
      </ReportHeader>
      {data && span ? (
        <section className="console-card" aria-labelledby="board-table-title">
          <h2 id="board-table-title" className="section-title">
            {period === 'today'
              ? t('console.boards.todayOf', { date: span.from, zone: data.timeZone })
              : t('console.boards.weekOf', { from: span.from, to: span.to, zone: data.timeZone })}
          </h2>
          <div className="board-scroll">
            <table className="console-table board-table" data-testid="team-board">
              <thead>
                <tr>
                  <th scope="col">{t('console.boards.rep')}</th>
                  {BOARD_COLUMNS.map((column) => (
                    <th key={column} scope="col">
                      {t(`console.boards.metric.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-testid="board-row" data-who={row.who}>
                    <th scope="row">{row.who}</th>
                    {BOARD_COLUMNS.map((column) => (
                      <FigureCell
                        key={column}
                        column={column}
                        value={row.figures[column]}
                        target={row.userId && targets ? targets[column] : null}
                        onOpen={
                          isDrillable(column)
                            ? () =>
                                setDrill({
                                  metric: column,
                                  from: span.from,
                                  to: span.to,
                                  userId: row.userId,
                                  who: row.who,
                                })
                            : null
                        }
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : board.loading ? (
        <p className="muted">{t('console.loading')}</p>
      ) : null}
      <section className="console-card" aria-labelledby="trend-title">
        <div className="console-card__top">
          <h2 id="trend-title" className="section-title">
            {t('console.boards.trendTitle')}
          </h2>
          <div className="console-controls">
            <Select<BoardColumn>
              value={metric}
              onValueChange={setMetric}
              items={BOARD_COLUMNS.map((column) => ({
                value: column,
                label: t(`console.boards.metric.${column}`),
              }))}
              label={t('console.boards.trendMetric')}
              size="s"
              testId="trend-metric"
              className="board-select"
            />
            <Select<string>
              value={trendUser}
              onValueChange={setTrendUser}
              items={[
                { value: 'team', label: t('console.boards.teamRow') },
                ...(data?.reps.map((rep) => ({ value: rep.userId, label: rep.email })) ?? []),
              ]}
              label={t('console.boards.trendWho')}
              size="s"
              testId="trend-who"
              className="board-select"
            />
          </div>
        </div>
        {trend.data ? (
          <TrendChart
            dates={dates}
            values={values}
            label={t(`console.boards.metric.${metric}`)}
            format={format}
          />
        ) : (
          <p className="muted">{t('console.loading')}</p>
        )}
      </section>
      <DrillDialog cell={drill} onClose={() => setDrill(null)} />
    </div>
  );
};
