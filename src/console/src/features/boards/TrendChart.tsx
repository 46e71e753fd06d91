import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../app/theme';

type TrendChartProps = {
  /** Team days `YYYY-MM-DD`, oldest first. */
  dates: readonly string[];
  /** One value a day (null: no figure that day, e.g. no talk share measured). */
  values: readonly (number | null)[];
  /** The series' name, also the chart's accessible name. */
  label: string;
  /** The value as the table and the cursor show it. */
  format: (value: number) => string;
};

/** A day's noon UTC in seconds (uPlot's x unit): the date stays the same in every zone's axis. */
const daySeconds = (date: string): number => Date.parse(`${date}T12:00:00Z`) / 1000;

const cssVar = (name: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/**
 * A 90-day trend line drawn with uPlot in the console's theme (drawn again when the theme or the
 * width changes), and the same figures as a table that screen readers read (and anyone can open).
 */
export const TrendChart = ({ dates, values, label, format }: TrendChartProps) => {
  const { t } = useTranslation();
  const theme = useTheme((state) => state.theme);
  const box = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours are read from the theme's CSS, so a theme change draws again
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const axis = {
      stroke: cssVar('--text-2'),
      grid: { stroke: cssVar('--border'), width: 1 },
      ticks: { show: false },
    };
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] } },
        axes: [axis, { ...axis, values: (_u, splits) => splits.map((split) => format(split)) }],
        series: [
          {},
          {
            label,
            stroke: cssVar('--accent'),
            width: 2,
            fill: `${cssVar('--accent')}22`,
            points: { show: dates.length <= 31 },
            spanGaps: false,
          },
        ],
      },
      [dates.map(daySeconds), values.map((value) => value ?? null)],
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, element.clientWidth), height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [dates, values, label, format, theme]);

  return (
    <figure className="trend">
      <div
        ref={box}
        className="trend__chart"
        role="img"
        aria-label={t('console.boards.chartLabel', { label })}
      />
      <details className="trend__table">
        <summary>{t('console.boards.asTable')}</summary>
        <div className="board-scroll board-scroll--short">
          <table className="console-table">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.boards.date')}</th>
                <th scope="col">{label}</th>
              </tr>
            </thead>
            <tbody>
              {dates.map((date, index) => {
                const value = values[index];
                return (
                  <tr key={date}>
                    <th scope="row">{date}</th>
                    <td>{value === null || value === undefined ? '—' : format(value)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
};
