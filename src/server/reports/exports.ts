import type {
  ChannelResults,
  DrillPage,
  ReportFigures,
  SlaBoard,
  SpeedToLead,
  TeamBoard,
  Trend,
} from '@shared/server/reports';
import { DateTime } from 'luxon';
import { type CsvCell, toCsv } from './csv';

/**
 * An instant (UTC epoch ms) as the CSV exports write it: ISO 8601 in the team's time zone with its
 * offset (`2026-03-11T09:30:00.000-07:00`), so a row reads as the board's clock and still names one instant.
 */
export const csvTime = (at: number, timeZone: string): string =>
  DateTime.fromMillis(at, { zone: timeZone }).toISO() ?? new Date(at).toISOString();

/** The figure columns every board's CSV writes, in this order (JSON names, so a column is its field). */
export const FIGURE_COLUMNS = [
  'dials',
  'connects',
  'conversations',
  'talkSeconds',
  'talkShare',
  'voicemails',
  'emails',
  'mqls',
] as const satisfies readonly (keyof ReportFigures)[];

const figureCells = (figures: ReportFigures): CsvCell[] => FIGURE_COLUMNS.map((column) => figures[column]);

/**
 * The team board as CSV: one row per rep and period (`today`, `week`), then the team's (`email`
 * `team`), then the targets (`email` `target`), with the period's first and last day.
 */
export const teamBoardCsv = (board: TeamBoard): string => {
  const rows: CsvCell[][] = [];
  for (const period of ['today', 'week'] as const) {
    const { from, to } = board[period];
    for (const rep of board.reps)
      rows.push([rep.userId, rep.email, period, from, to, ...figureCells(rep[period])]);
    rows.push([null, 'team', period, from, to, ...figureCells(board.team[period])]);
    const targets = board.targets[period === 'today' ? 'day' : 'week'];
    rows.push([null, 'target', period, from, to, ...FIGURE_COLUMNS.map((column) => targets[column])]);
  }
  return toCsv(['userId', 'email', 'period', 'from', 'to', ...FIGURE_COLUMNS], rows);
};

/** The trend as CSV: one row per day. */
export const trendCsv = (trend: Trend): string =>
  toCsv(
    ['date', ...FIGURE_COLUMNS],
    trend.days.map((day) => [day.date, ...figureCells(day)]),
  );

/**
 * Speed to lead as CSV: one row per inbound lead (the distribution is worked out from these), times
 * in `timeZone` (`csvTime`).
 */
export const speedToLeadCsv = (report: SpeedToLead, timeZone: string): string =>
  toCsv(
    [
      'leadId',
      'leadName',
      'sourceChannel',
      'ownerEmail',
      'arrivedAt',
      'firstCallAt',
      'msToFirstCall',
      'waitingMs',
    ],
    report.leads.map((lead) => [
      lead.leadId,
      lead.leadName,
      lead.sourceChannel,
      lead.owner?.email ?? null,
      csvTime(lead.arrivedAt, timeZone),
      lead.firstCallAt === null ? null : csvTime(lead.firstCallAt, timeZone),
      lead.msToFirstCall,
      lead.waitingMs,
    ]),
  );

/**
 * The SLA board as CSV: one row per undecided hand-off, with its AE's misses and rotation, times in
 * `timeZone` (`csvTime`).
 */
export const slaCsv = (board: SlaBoard, timeZone: string): string => {
  const rows: CsvCell[][] = [];
  for (const ae of board.aes) {
    const outUntil = ae.outUntil === null ? null : csvTime(ae.outUntil, timeZone);
    if (ae.open.length === 0)
      rows.push([ae.email, null, null, null, null, null, null, ae.missesThisMonth, ae.missesTotal, outUntil]);
    for (const h of ae.open) {
      rows.push([
        ae.email,
        h.handoffId,
        h.leadName,
        h.rep.email,
        csvTime(h.dueAt, timeZone),
        h.msLeft,
        h.missed,
        ae.missesThisMonth,
        ae.missesTotal,
        outUntil,
      ]);
    }
  }
  for (const h of board.unassigned) {
    rows.push([
      null,
      h.handoffId,
      h.leadName,
      h.rep.email,
      csvTime(h.dueAt, timeZone),
      h.msLeft,
      h.missed,
      null,
      null,
      null,
    ]);
  }
  return toCsv(
    [
      'aeEmail',
      'handoffId',
      'leadName',
      'repEmail',
      'dueAt',
      'msLeft',
      'missed',
      'missesThisMonth',
      'missesTotal',
      'outUntil',
    ],
    rows,
  );
};

/** Results by source channel as CSV: one row per channel and direction. */
export const channelsCsv = (report: ChannelResults): string =>
  toCsv(
    [
      'sourceChannel',
      'direction',
      'leads',
      'dialed',
      'connects',
      'mqls',
      'sqls',
      'rejected',
      'acceptanceRate',
    ],
    report.channels.map((c) => [
      c.sourceChannel,
      c.direction,
      c.leads,
      c.dialed,
      c.connects,
      c.mqls,
      c.sqls,
      c.rejected,
      c.acceptanceRate,
    ]),
  );

/** A drill-down page as CSV: one row per activity (or hand-off), times in the page's (team's) time zone. */
export const drillCsv = (page: DrillPage): string =>
  toCsv(
    [
      'id',
      'occurredAt',
      'userEmail',
      'leadId',
      'leadName',
      'kind',
      'outcome',
      'durationSeconds',
      'repTalkShare',
      'note',
    ],
    page.items.map((item) => [
      item.id,
      csvTime(item.occurredAt, page.timeZone),
      item.user.email,
      item.leadId,
      item.leadName,
      item.kind,
      item.outcome,
      item.durationSeconds,
      item.repTalkShare,
      item.note,
    ]),
  );
