import { formatNumber } from '@renderer/i18n/format';
import type { ReportFigures, ReportMetric } from '@shared/server/reports';
import type { TFunction } from 'i18next';

/** The team board's columns, in the order PLAYBOOK.md's day runs: calls, then their results, then hand-offs. */
export const BOARD_COLUMNS = [
  'dials',
  'connects',
  'conversations',
  'talkSeconds',
  'talkShare',
  'voicemails',
  'emails',
  'mqls',
] as const satisfies readonly (keyof ReportFigures)[];
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/** A column that opens a drill-down (talk share is a ratio over calls, so it has no list of its own). */
export const isDrillable = (column: BoardColumn): column is ReportMetric => column !== 'talkShare';

/** "42 %" of a 0–1 share, in the interface language. */
export const formatShare = (share: number): string => `${formatNumber(Math.round(share * 100))} %`;

/** A figure as the board shows it: talk time in minutes (seconds under a minute), share in percent, else a count. */
export const formatFigure = (t: TFunction, column: BoardColumn, value: number): string => {
  if (column === 'talkShare') return formatShare(value);
  if (column === 'talkSeconds') {
    return value < 60
      ? t('console.boards.seconds', { n: value })
      : t('console.boards.minutes', { n: formatNumber(Math.round(value / 60)) });
  }
  return formatNumber(value);
};
